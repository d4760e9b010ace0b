#include "plugins/basic_auth/plugin.h"

#include "model/password_hash.h"
#include "plugins/authentication.h"
#include "plugins/config_values.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <unordered_map>

namespace sluice::plugins {
namespace {

struct BasicCredentials {
  struct Credential {
    size_t consumer;
    std::string id;
    std::string passwordHash;  // salted PBKDF2 (model/password_hash.h)
  };
  std::unordered_map<std::string, Credential> byUsername;
};

// PBKDF2 costs milliseconds by design, too much for every request on a reactor. Each worker
// thread remembers, per stored hash, a keyed digest of the password that last verified against
// it (the key is random per process, so the cache holds nothing an attacker could reuse); a
// repeat of the same password costs one SHA-256.
class VerifiedCache {
 public:
  bool knows(const std::string& storedHash, std::string_view password) {
    const auto it = entries_.find(storedHash);
    return it != entries_.end() && secretsEqual(digestView(it->second), digestView(digest(password)));
  }
  void remember(const std::string& storedHash, std::string_view password) {
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_[storedHash] = digest(password);
  }

 private:
  using Digest = std::array<unsigned char, 32>;
  static constexpr size_t kMaxEntries = 16384;
  static std::string_view digestView(const Digest& d) { return {reinterpret_cast<const char*>(d.data()), d.size()}; }
  static Digest digest(std::string_view password) {
    static const std::array<unsigned char, 32> key = [] {
      std::array<unsigned char, 32> k{};
      RAND_bytes(k.data(), static_cast<int>(k.size()));
      return k;
    }();
    Digest out{};
    unsigned int length = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    EVP_DigestUpdate(ctx, key.data(), key.size());
    EVP_DigestUpdate(ctx, password.data(), password.size());
    EVP_DigestFinal_ex(ctx, out.data(), &length);
    EVP_MD_CTX_free(ctx);
    return out;
  }
  std::unordered_map<std::string, Digest> entries_;
};

bool passwordMatches(const std::string& storedHash, std::string_view password) {
  thread_local VerifiedCache cache;
  if (cache.knows(storedHash, password)) return true;
  if (!model::verifyPassword(std::string(password), storedHash)) return false;
  cache.remember(storedHash, password);
  return true;
}

class BasicAuthPlugin final : public Plugin {
 public:
  BasicAuthPlugin(const nlohmann::json& config, std::shared_ptr<const BasicCredentials> credentials)
      : credentials_(std::move(credentials)), hideCredentials_(config.at("hide_credentials").get<bool>()) {
    anonymous_ = optionalString(config, "anonymous");
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    if (!anonymous_.empty() && alreadyAuthenticated(ctx)) return PhaseResult::Continue;
    const std::string_view proxyAuthorization = ctx.header("proxy-authorization");
    const std::string_view authorization = ctx.header("authorization");
    if (proxyAuthorization.empty() && authorization.empty()) {
      ctx.local.headers.add("WWW-Authenticate", "Basic realm=\"sluice\"");
      return fail(ctx, "Unauthorized");
    }
    // Proxy-Authorization first, then Authorization (Kong's order).
    for (const auto& [name, value] : {std::pair{"Proxy-Authorization", proxyAuthorization}, std::pair{"Authorization", authorization}}) {
      if (value.empty()) continue;
      if (hideCredentials_) ctx.removeHeaders.add(name);
      std::string username, password;
      if (!parse(value, username, password)) continue;
      const auto it = credentials_->byUsername.find(username);
      if (it == credentials_->byUsername.end()) continue;
      if (!passwordMatches(it->second.passwordHash, password)) break;
      authenticate(ctx, it->second.consumer, it->second.id, username, true);
      return PhaseResult::Continue;
    }
    return fail(ctx, "Invalid authentication credentials");
  }

 private:
  // "Basic base64(username:password)"; the scheme is case-insensitive.
  static bool parse(std::string_view header, std::string& username, std::string& password) {
    while (!header.empty() && (header.front() == ' ' || header.front() == '\t')) header.remove_prefix(1);
    if (header.size() < 6 || !http::equalsIgnoreCase(header.substr(0, 5), "basic")) return false;
    header.remove_prefix(5);
    while (!header.empty() && (header.front() == ' ' || header.front() == '\t')) header.remove_prefix(1);
    std::string decoded;
    if (!base64Decode(header, decoded)) return false;
    const size_t colon = decoded.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    username = decoded.substr(0, colon);
    password = decoded.substr(colon + 1);
    return true;
  }

  PhaseResult fail(RequestContext& ctx, std::string_view message) const {
    return failAuthentication(ctx, anonymous_, 401, message, true);
  }

  std::shared_ptr<const BasicCredentials> credentials_;
  bool hideCredentials_;
  std::string anonymous_;
};

}  // namespace

PluginCreateResult createBasicAuth(const nlohmann::json& config, BuildContext& context) {
  auto credentials = context.shared<BasicCredentials>("basic-auth", [&context] {
    auto index = std::make_shared<BasicCredentials>();
    forEachCredential(context, "basicauth_credentials", [&](const nlohmann::json& row, size_t consumer) {
      index->byUsername.emplace(row.at("username").get<std::string>(),
                                BasicCredentials::Credential{consumer, row.at("id").get<std::string>(),
                                                             row.at("password").get<std::string>()});
    });
    return std::shared_ptr<const BasicCredentials>(std::move(index));
  });
  return PluginConstSharedPtr(std::make_shared<BasicAuthPlugin>(config, std::move(credentials)));
}

}  // namespace sluice::plugins
