// Kong 2.8's kong/plugins/hmac-auth/access.lua, step for step: the answers, their order and the
// signing string are Kong's.
#include "plugins/hmac_auth/plugin.h"

#include "http/http_date.h"
#include "plugins/authentication.h"
#include "plugins/config_values.h"
#include "plugins/hmac_auth/authorization.h"
#include "plugins/hmac_auth/hmac_signer.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <unordered_map>

namespace sluice::plugins {
namespace {

constexpr std::string_view kNotValid = "HMAC signature cannot be verified";
constexpr std::string_view kNotSame = "HMAC signature does not match";
constexpr std::string_view kNoDate =
    "HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication";

struct HmacCredentials {
  struct Credential {
    size_t consumer;
    std::string id;
    std::unique_ptr<HmacSigner> signer;  // the secret, with its HMAC pads hashed once
  };
  struct NameHash {  // looked up by the header's view, without a copy
    using is_transparent = void;
    size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };
  std::unordered_map<std::string, Credential, NameHash, std::equal_to<>> byUsername;
};

// What an Authorization header says, as views into it; `headers` is Kong's utils.split(" ") of the
// list (empty names between spaces included), kept in a per-thread vector.
struct SignedWith {
  HmacAuthorization fields;
  std::vector<std::string_view>* headers = nullptr;
  bool read(std::string_view header) {
    thread_local std::vector<std::string_view> names;
    headers = &names;
    names.clear();
    if (header.empty() || !parseHmacAuthorization(header, fields)) {
      fields = {};
      return false;
    }
    std::string_view list = fields.headers;
    for (size_t space; (space = list.find(' ')) != std::string_view::npos; list.remove_prefix(space + 1)) names.push_back(list.substr(0, space));
    names.push_back(list);
    return true;
  }
};

std::string base64(const unsigned char* data, size_t size) {
  std::string out(4 * ((size + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<size_t>(std::max(n, 0)));
  return out;
}

// kong.request.get_header: the first value (perhaps empty), a name's underscores read as dashes.
bool sameHeaderName(std::string_view header, std::string_view asked) {
  if (header.size() != asked.size()) return false;
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  for (size_t i = 0; i < header.size(); ++i)
    if (lower(header[i]) != lower(asked[i] == '_' ? '-' : asked[i])) return false;
  return true;
}

std::optional<std::string_view> requestHeader(const RequestContext& ctx, std::string_view name) {
  for (const http::Header& h : ctx.request->headers)
    if (sameHeaderName(h.name, name)) return h.value;
  return std::nullopt;
}

class HmacAuthPlugin final : public Plugin {
 public:
  HmacAuthPlugin(const nlohmann::json& config, std::shared_ptr<const HmacCredentials> credentials)
      : credentials_(std::move(credentials)),
        hideCredentials_(config.at("hide_credentials").get<bool>()),
        validateBody_(config.at("validate_request_body").get<bool>()),
        clockSkew_(config.value("clock_skew", 300.0)),
        anonymous_(optionalString(config, "anonymous")),
        enforceHeaders_(stringList(config, "enforce_headers")),
        algorithms_(stringList(config, "algorithms")) {}

  uint8_t phases() const override { return phaseBit(Phase::Access); }
  bool readsRequestBody() const override { return validateBody_; }

  PhaseResult access(RequestContext& ctx) const override {
    if (!anonymous_.empty() && alreadyAuthenticated(ctx)) return PhaseResult::Continue;
    // The four headers the plugin reads, in one pass over the request's (each the first of its name).
    std::string_view authorization, proxyAuthorization, date, xDate;
    for (const http::Header& h : ctx.request->headers) {
      std::string_view* slot = h.name.size() == 13 && http::equalsIgnoreCase(h.name, "authorization")         ? &authorization
                               : h.name.size() == 19 && http::equalsIgnoreCase(h.name, "proxy-authorization") ? &proxyAuthorization
                               : h.name.size() == 4 && http::equalsIgnoreCase(h.name, "date")                 ? &date
                               : h.name.size() == 6 && http::equalsIgnoreCase(h.name, "x-date")               ? &xDate
                                                                                                              : nullptr;
      if (slot && !slot->data()) *slot = h.value;  // (the first of a name counts, empty or not)
    }
    if (authorization.empty() && proxyAuthorization.empty()) return fail(ctx, "Unauthorized");
    if (!dateWithinSkew(xDate) && !dateWithinSkew(date)) return fail(ctx, kNoDate);
    SignedWith signedWith;
    if (!signedWith.read(proxyAuthorization) || signedWith.fields.username.empty()) {
      signedWith.read(authorization);
      if (hideCredentials_) ctx.removeHeaders.add("Authorization");
    } else if (hideCredentials_) {
      ctx.removeHeaders.add("Proxy-Authorization");
    }
    if (!paramsValid(signedWith)) return fail(ctx, kNotValid);
    const auto it = credentials_->byUsername.find(signedWith.fields.username);
    if (it == credentials_->byUsername.end()) return fail(ctx, kNotValid);
    const HmacCredentials::Credential& credential = it->second;
    if (!signatureMatches(ctx, signedWith, *credential.signer)) return fail(ctx, kNotSame);
    if (validateBody_ && !bodyMatchesDigest(ctx)) return fail(ctx, kNotSame);
    authenticate(ctx, credential.consumer, credential.id, signedWith.fields.username, true);
    return PhaseResult::Continue;
  }

 private:
  bool dateWithinSkew(std::string_view date) const {
    if (date.empty()) return false;
    const auto at = http::parseHttpDate(date);
    return at && std::abs(static_cast<double>(std::time(nullptr) - *at)) <= clockSkew_;
  }

  bool paramsValid(const SignedWith& s) const {
    const HmacAuthorization& f = s.fields;
    if (f.username.empty() || f.signature.empty()) return false;  // username or signature missing
    for (const std::string& enforced : enforceHeaders_)
      if (std::find(s.headers->begin(), s.headers->end(), enforced) == s.headers->end()) return false;
    return std::find(algorithms_.begin(), algorithms_.end(), f.algorithm) != algorithms_.end();
  }

  // The signing string: each listed header as "name: value" ("name:" when absent), the pseudo
  // headers "@request-target" and "request-line", joined by newlines (into a per-thread buffer).
  static std::string_view signingString(const RequestContext& ctx, const SignedWith& s, std::string_view requestUri) {
    thread_local std::string text;
    const http::RequestHead& r = *ctx.request;
    text.clear();
    const std::vector<std::string_view>& names = *s.headers;
    for (size_t i = 0; i < names.size(); ++i) {
      const std::string_view name = names[i];
      if (const auto value = requestHeader(ctx, name)) {
        text.append(name).append(": ").append(*value);
      } else if (name == "@request-target") {
        text.append(name).append(": ");
        for (char c : r.method) text.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
        text.append(" ").append(requestUri);
      } else if (name == "request-line") {
        text.append(r.method).append(" ").append(requestUri).append(" ").append(http::protocolName(r));
      } else {
        text.append(name).append(":");
      }
      if (i + 1 < names.size()) text.push_back('\n');
    }
    return text;
  }

  static bool signedBy(const SignedWith& s, const HmacSigner& signer, std::string_view text, std::string_view expected) {
    unsigned char mac[HmacSigner::kMaxMacSize];
    const size_t length = signer.sign(s.fields.algorithm, text, mac);
    return length > 0 && secretsEqual(std::string_view(reinterpret_cast<const char*>(mac), length), expected);
  }

  static bool signatureMatches(const RequestContext& ctx, const SignedWith& s, const HmacSigner& signer) {
    thread_local std::string expected;
    expected.clear();
    if (!base64Decode(s.fields.signature, expected) || expected.empty()) return false;
    // The request as sent (path and query), then — deprecated, still accepted by Kong 2.8 — the
    // normalised path.
    if (signedBy(s, signer, signingString(ctx, s, ctx.request->target), expected)) return true;
    return signedBy(s, signer, signingString(ctx, s, ctx.path), expected);
  }

  // "Digest: SHA-256=<base64 of the body's SHA-256>"; no Digest is fine only without a body.
  static bool bodyMatchesDigest(const RequestContext& ctx) {
    const std::string body = ctx.requestBody ? *ctx.requestBody : std::string();
    const std::string_view received = ctx.header("digest");
    if (received.empty()) return body.empty();
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest);
    return "SHA-256=" + base64(digest, sizeof digest) == received;
  }

  PhaseResult fail(RequestContext& ctx, std::string_view message) const {
    return failAuthentication(ctx, anonymous_, 401, message, true);
  }

  std::shared_ptr<const HmacCredentials> credentials_;
  bool hideCredentials_, validateBody_;
  double clockSkew_;
  std::string anonymous_;
  std::vector<std::string> enforceHeaders_, algorithms_;
};

}  // namespace

PluginCreateResult createHmacAuth(const nlohmann::json& config, BuildContext& context) {
  auto credentials = context.shared<HmacCredentials>("hmac-auth", [&context] {
    auto index = std::make_shared<HmacCredentials>();
    forEachCredential(context, "hmacauth_credentials", [&](const nlohmann::json& row, size_t consumer) {
      index->byUsername.emplace(row.at("username").get<std::string>(),
                                HmacCredentials::Credential{consumer, row.at("id").get<std::string>(),
                                                            std::make_unique<HmacSigner>(row.value("secret", ""))});
    });
    return std::shared_ptr<const HmacCredentials>(std::move(index));
  });
  return PluginConstSharedPtr(std::make_shared<HmacAuthPlugin>(config, std::move(credentials)));
}

}  // namespace sluice::plugins
