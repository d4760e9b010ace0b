#include "plugins/jwt/plugin.h"

#include "http/query_string.h"
#include "plugins/authentication.h"
#include "plugins/config_values.h"
#include "plugins/cookies.h"
#include "plugins/jwt/jwt_token.h"

#include <ctime>
#include <set>
#include <unordered_map>

namespace sluice::plugins {
namespace {

// Every jwt credential of the snapshot by key, public keys parsed once.
struct JwtSecrets {
  struct Secret {
    size_t consumer;
    std::string id, key, algorithm, secret;
    PublicKey publicKey;
  };
  std::unordered_map<std::string, Secret> byKey;
};

class JwtPlugin final : public Plugin {
 public:
  JwtPlugin(const nlohmann::json& config, std::shared_ptr<const JwtSecrets> secrets)
      : secrets_(std::move(secrets)),
        uriParams_(stringList(config, "uri_param_names")),
        cookies_(stringList(config, "cookie_names")),
        headers_(stringList(config, "header_names")),
        claims_(stringList(config, "claims_to_verify")),
        keyClaim_(optionalString(config, "key_claim_name")),
        anonymous_(optionalString(config, "anonymous")),
        secretIsBase64_(config.at("secret_is_base64").get<bool>()),
        runOnPreflight_(config.at("run_on_preflight").get<bool>()),
        maximumExpiration_(config.value("maximum_expiration", 0.0)) {
    if (keyClaim_.empty()) keyClaim_ = "iss";
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    if (!runOnPreflight_ && ctx.request->method == "OPTIONS") return PhaseResult::Continue;
    if (!anonymous_.empty() && alreadyAuthenticated(ctx)) return PhaseResult::Continue;
    std::set<std::string> tokens;
    collectTokens(ctx, tokens);
    if (tokens.empty()) return fail(ctx, 401, "Unauthorized");
    if (tokens.size() > 1) return fail(ctx, 401, "Multiple tokens provided");
    JwtToken token;
    if (const std::string bad = JwtToken::parse(*tokens.begin(), token); !bad.empty()) return fail(ctx, 401, "Bad token; " + bad);

    const nlohmann::json* keyValue = token.claims.contains(keyClaim_) ? &token.claims[keyClaim_]
                                     : token.header.contains(keyClaim_) ? &token.header[keyClaim_]
                                                                        : nullptr;
    if (!keyValue) return fail(ctx, 401, "No mandatory '" + keyClaim_ + "' in claims");
    if (!keyValue->is_string() || keyValue->get<std::string>().empty()) return fail(ctx, 401, "Invalid '" + keyClaim_ + "' in claims");
    const auto it = secrets_->byKey.find(keyValue->get<std::string>());
    if (it == secrets_->byKey.end()) return fail(ctx, 401, "No credentials found for given '" + keyClaim_ + "'");
    const JwtSecrets::Secret& secret = it->second;
    // The credential decides the algorithm: "none", or HS256 against an RSA key, never passes.
    if (token.header["alg"] != secret.algorithm) return fail(ctx, 401, "Invalid algorithm");
    std::string hmacSecret = secret.secret;
    if (secretIsBase64_ && secret.algorithm.rfind("HS", 0) == 0) {
      std::string decoded;
      if (!base64Decode(hmacSecret, decoded)) return fail(ctx, 401, "Invalid key/secret");
      hmacSecret = std::move(decoded);
    }
    if (secret.algorithm.rfind("HS", 0) != 0 && !secret.publicKey) return fail(ctx, 401, "Invalid key/secret");
    if (!verifyJwtSignature(token, secret.algorithm, hmacSecret, secret.publicKey.get())) return fail(ctx, 401, "Invalid signature");

    const double now = static_cast<double>(std::time(nullptr));
    nlohmann::json errors = nlohmann::json::object();
    for (const auto& claim : claims_) {
      const auto c = token.claims.find(claim);
      if (c == token.claims.end() || !c->is_number()) errors[claim] = "must be a number";
      else if (claim == "exp" && c->get<double>() <= now) errors[claim] = "token expired";
      else if (claim == "nbf" && c->get<double>() > now) errors[claim] = "token not valid yet";
    }
    if (!errors.empty()) return failWith(ctx, 401, errors);
    if (maximumExpiration_ > 0) {
      const auto exp = token.claims.find("exp");
      if (exp == token.claims.end() || !exp->is_number() || exp->get<double>() - now > maximumExpiration_)
        return failWith(ctx, 403, nlohmann::json{{"exp", "exceeds maximum allowed expiration"}});
    }
    authenticate(ctx, secret.consumer, secret.id, secret.key);
    return PhaseResult::Continue;
  }

 private:
  // Kong's sources, all of them: query arguments, cookies, then `Bearer` headers.
  void collectTokens(const RequestContext& ctx, std::set<std::string>& tokens) const {
    std::string value;
    for (const auto& name : uriParams_) {
      http::forEachQueryPair(ctx.request->query, [&](std::string_view n, std::string_view v) {
        std::string decodedName;
        if ((http::urlDecode(n, decodedName) ? decodedName : std::string(n)) != name) return;
        if (!http::urlDecode(v, value)) value.assign(v);
        if (!value.empty()) tokens.insert(value);
      });
    }
    for (const auto& name : cookies_)
      if (const std::string_view value = cookieValue(ctx, name); !value.empty()) tokens.insert(std::string(value));
    for (const auto& name : headers_) {
      std::string_view h = ctx.header(name);
      while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.remove_prefix(1);
      if (h.size() < 7 || !http::equalsIgnoreCase(h.substr(0, 6), "bearer") || (h[6] != ' ' && h[6] != '\t')) continue;
      h.remove_prefix(7);
      while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.remove_prefix(1);
      if (!h.empty()) tokens.insert(std::string(h));
    }
  }

  PhaseResult fail(RequestContext& ctx, int status, std::string_view message) const {
    return failAuthentication(ctx, anonymous_, status, message);
  }
  // Claim errors are the body itself (Kong: {"exp":"token expired"}).
  PhaseResult failWith(RequestContext& ctx, int status, const nlohmann::json& errors) const {
    if (!anonymous_.empty()) return failAuthentication(ctx, anonymous_, status, {});
    ctx.local.status = status;
    ctx.local.body = errors.dump();
    ctx.local.contentType = "application/json; charset=utf-8";
    return PhaseResult::Respond;
  }

  std::shared_ptr<const JwtSecrets> secrets_;
  std::vector<std::string> uriParams_, cookies_, headers_, claims_;
  std::string keyClaim_, anonymous_;
  bool secretIsBase64_, runOnPreflight_;
  double maximumExpiration_;
};

}  // namespace

PluginCreateResult createJwt(const nlohmann::json& config, BuildContext& context) {
  auto secrets = context.shared<JwtSecrets>("jwt", [&context] {
    auto index = std::make_shared<JwtSecrets>();
    forEachCredential(context, "jwt_secrets", [&](const nlohmann::json& row, size_t consumer) {
      JwtSecrets::Secret s;
      s.consumer = consumer;
      s.id = row.at("id").get<std::string>();
      s.key = row.at("key").get<std::string>();
      s.algorithm = row.value("algorithm", "HS256");
      s.secret = optionalString(row, "secret");
      const std::string pem = optionalString(row, "rsa_public_key");
      if (!pem.empty()) s.publicKey = loadPublicKey(pem);
      index->byKey.emplace(s.key, std::move(s));
    });
    return std::shared_ptr<const JwtSecrets>(std::move(index));
  });
  return PluginConstSharedPtr(std::make_shared<JwtPlugin>(config, std::move(secrets)));
}

}  // namespace sluice::plugins
