#include "plugins/ldap_auth/plugin.h"

#include "core/clock.h"
#include "http/http_types.h"
#include "plugins/authentication.h"
#include "plugins/blocking_pool.h"
#include "plugins/config_values.h"
#include "plugins/ldap_auth/bind_cache.h"
#include "plugins/ldap_auth/ldap_binder.h"

#include <Poco/Logger.h>
#include <openssl/evp.h>

#include <cmath>
#include <filesystem>

namespace sluice::plugins {
namespace {

Poco::Logger& ldapLog() { return Poco::Logger::get("sluice.plugins.ldap-auth"); }

// What every ldap-auth instance of the node shares, across snapshots: the directory connections and answers.
struct LdapNode {
  explicit LdapNode(std::string caFile) : binder(std::move(caFile)) {}
  LdapBinder binder;
  BindCache answers;
};

// One bind on its way: filled on a plugin thread, read back on the request's reactor.
struct PendingBind {
  std::string username, password, key;
  BindOutcome outcome;
};

std::string sha1Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha1(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < length; ++i) out += {kHex[digest[i] >> 4], kHex[digest[i] & 15]};
  return out;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

class LdapAuthPlugin final : public Plugin {
 public:
  LdapAuthPlugin(const nlohmann::json& config, std::shared_ptr<LdapNode> node, std::shared_ptr<BlockingPool> pool)
      : node_(std::move(node)), pool_(std::move(pool)) {
    server_.host = config.at("ldap_host").get<std::string>();
    server_.port = config.at("ldap_port").get<int>();
    server_.tls = config.at("ldaps").get<bool>()       ? DirectoryServer::Tls::Ldaps
                  : config.at("start_tls").get<bool>() ? DirectoryServer::Tls::StartTls
                                                       : DirectoryServer::Tls::None;
    server_.verify = config.at("verify_ldap_host").get<bool>();
    server_.timeoutMs = static_cast<int>(numberOr(config, "timeout", 10000));
    server_.keepaliveMs = static_cast<int>(numberOr(config, "keepalive", 60000));
    baseDn_ = config.at("base_dn").get<std::string>();
    attribute_ = config.at("attribute").get<std::string>();
    const double ttl = config.at("cache_ttl").get<double>();
    cacheTtlMs_ = ttl > 0 ? static_cast<uint64_t>(std::llround(ttl * 1000)) : 0;
    // Kong formats cache_ttl with %u into its key: the integer part.
    cacheTtlText_ = std::to_string(ttl > 0 ? static_cast<uint64_t>(ttl) : 0);
    hideCredentials_ = config.at("hide_credentials").get<bool>();
    anonymous_ = optionalString(config, "anonymous");
    std::string scheme = optionalString(config, "header_type");
    if (scheme.empty()) scheme = "ldap";
    headerType_ = lower(scheme);
    // Kong capitalises only its default scheme in the challenge (backwards compatibility).
    challenge_ = (scheme == "ldap" ? std::string("LDAP") : scheme) + " realm=\"sluice\"";
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    if (!anonymous_.empty() && alreadyAuthenticated(ctx)) return PhaseResult::Continue;
    if (ctx.header("proxy-authorization").empty() && ctx.header("authorization").empty()) {
      if (anonymous_.empty()) ctx.local.headers.add("WWW-Authenticate", challenge_);
      return fail(ctx, "Unauthorized");
    }
    return tryFrom(ctx, 0);
  }

 private:
  // Proxy-Authorization (0), then Authorization (1), Kong's order: the first the directory accepts wins.
  PhaseResult tryFrom(RequestContext& ctx, int which) const {
    for (; which < 2; ++which) {
      const std::string_view value = ctx.header(which == 0 ? "proxy-authorization" : "authorization");
      std::string username, password;
      if (!parse(value, username, password)) continue;
      std::string key = cacheKey(username, password);
      const auto known = node_->answers.find(key, nowMs());
      if (known && *known) return succeed(ctx, key, username);
      if (known) continue;
      return bindThenResume(ctx, which,
                            std::make_shared<PendingBind>(PendingBind{std::move(username), std::move(password), std::move(key), {}}));
    }
    return fail(ctx, "Invalid authentication credentials");
  }

  PhaseResult bindThenResume(RequestContext& ctx, int which, std::shared_ptr<PendingBind> pending) const {
    if (!ctx.suspension) return unexpected(ctx, "the request cannot wait for the directory");
    auto wake = ctx.suspension->suspend();
    // The work keeps the node and the server by value: it may outlive this instance's snapshot.
    const bool queued = pool_->submit(
        [node = node_, server = server_, dn = attribute_ + "=" + escapeDnValue(pending->username) + "," + baseDn_, pending,
         wake = std::move(wake)] {
          pending->outcome = node->binder.bind(server, dn, pending->password);
          wake();
        });
    if (!queued) return unexpected(ctx, "plugin_queue is full");
    // Runs on the reactor once woken; the instance lives as long as the request's pinned snapshot.
    ctx.resume = [this, which, pending](RequestContext& c) {
      const BindOutcome& outcome = pending->outcome;
      if (outcome.answer == BindAnswer::Failed) return unexpected(c, outcome.message);
      node_->answers.store(pending->key, outcome.answer == BindAnswer::Accepted, cacheTtlMs_, nowMs());
      if (outcome.answer == BindAnswer::Accepted) return succeed(c, pending->key, pending->username);
      ldapLog().notice("bind of %s refused: %s", pending->username, outcome.message);
      return tryFrom(c, which + 1);
    };
    return PhaseResult::Suspend;
  }

  PhaseResult succeed(RequestContext& ctx, const std::string& key, const std::string& username) const {
    if (hideCredentials_) {
      ctx.removeHeaders.add("Authorization");
      ctx.removeHeaders.add("Proxy-Authorization");
    }
    authenticateCredential(ctx, "ldap_auth_cache:" + key, username);
    return PhaseResult::Continue;
  }

  PhaseResult fail(RequestContext& ctx, std::string_view message) const {
    return failAuthentication(ctx, anonymous_, 401, message, true);
  }

  // The directory could not be asked: Kong answers 500, with or without `anonymous`.
  static PhaseResult unexpected(RequestContext& ctx, const std::string& why) {
    ldapLog().error("%s", why);
    ctx.local.clear();
    ctx.respond(500, "An unexpected error occurred");
    return PhaseResult::Respond;
  }

  // "<header_type> base64(username:password)": the scheme case-insensitive after optional spaces, then
  // at least one space; the username is what precedes the first colon, the password (not empty) the rest.
  bool parse(std::string_view value, std::string& username, std::string& password) const {
    size_t i = 0;
    while (i < value.size() && isSpace(value[i])) ++i;
    if (value.size() - i < headerType_.size() || !http::equalsIgnoreCase(value.substr(i, headerType_.size()), headerType_))
      return false;
    i += headerType_.size();
    if (i >= value.size() || !isSpace(value[i])) return false;
    while (i < value.size() && isSpace(value[i])) ++i;
    std::string decoded;
    if (!base64Decode(value.substr(i), decoded)) return false;
    const size_t colon = decoded.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == decoded.size()) return false;
    username = decoded.substr(0, colon);
    password = decoded.substr(colon + 1);
    return true;
  }

  // Kong's cache key: sha1("host:port:base_dn:attribute:cache_ttl:username:password"), host in lower case.
  std::string cacheKey(const std::string& username, const std::string& password) const {
    return sha1Hex(lower(server_.host) + ":" + std::to_string(server_.port) + ":" + baseDn_ + ":" + attribute_ + ":" +
                   cacheTtlText_ + ":" + username + ":" + password);
  }

  static uint64_t nowMs() { return core::monotonicMicros() / 1000; }

  std::shared_ptr<LdapNode> node_;
  std::shared_ptr<BlockingPool> pool_;
  DirectoryServer server_;
  std::string baseDn_, attribute_, anonymous_, headerType_, challenge_, cacheTtlText_;
  uint64_t cacheTtlMs_ = 0;
  bool hideCredentials_ = false;
};

std::string trustedCertificates(const PluginSettings& settings) {
  if (!settings.trustedCertificates.empty()) return settings.trustedCertificates;
  const char* system = "/etc/ssl/certs/ca-certificates.crt";
  return std::filesystem::exists(system) ? system : "";
}

}  // namespace

PluginCreateResult createLdapAuth(const nlohmann::json& config, BuildContext& context) {
  const PluginSettings settings = context.node().settings();
  auto node = context.node().get<LdapNode>("ldap-auth", [&] { return std::make_shared<LdapNode>(trustedCertificates(settings)); });
  return PluginConstSharedPtr(std::make_shared<LdapAuthPlugin>(config, std::move(node), nodeBlockingPool(context.node())));
}

}  // namespace sluice::plugins
