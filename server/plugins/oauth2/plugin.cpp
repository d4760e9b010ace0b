#include "plugins/oauth2/plugin.h"

#include "http/query_string.h"
#include "model/password_hash.h"
#include "net/address_range.h"
#include "plugins/authentication.h"
#include "plugins/body_edits.h"
#include "plugins/config_values.h"
#include "plugins/encodings.h"
#include "plugins/oauth2/grants.h"
#include "snapshot/config_snapshot.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <unordered_map>

namespace sluice::plugins {
namespace {

using nlohmann::json;

// --- the applications (oauth2_credentials), indexed once per snapshot

struct OAuth2Client {
  std::string id, clientId, secret;
  bool hashSecret = false;
  bool publicClient = false;
  bool hasRedirectUris = false;  // (Kong: a client without any is no client for the redirecting grants)
  std::vector<std::string> redirectUris;
  size_t consumerIndex = 0;
};

struct OAuth2Clients {
  std::unordered_map<std::string, OAuth2Client> byClientId;
  std::unordered_map<std::string, const OAuth2Client*> byId;
};

std::shared_ptr<const OAuth2Clients> clientsOf(BuildContext& context) {
  return context.shared<OAuth2Clients>("oauth2:clients", [&context] {
    auto clients = std::make_shared<OAuth2Clients>();
    forEachCredential(context, "oauth2_credentials", [&](const json& row, size_t consumer) {
      OAuth2Client c;
      c.id = row.value("id", "");
      c.clientId = optionalString(row, "client_id");
      c.secret = optionalString(row, "client_secret");
      c.hashSecret = row.value("hash_secret", false);
      c.publicClient = row.value("client_type", "confidential") == "public";
      c.hasRedirectUris = row.contains("redirect_uris") && row["redirect_uris"].is_array();
      c.redirectUris = stringList(row, "redirect_uris");
      c.consumerIndex = consumer;
      if (!c.clientId.empty()) clients->byClientId[c.clientId] = std::move(c);
    });
    for (const auto& [clientId, c] : clients->byClientId) clients->byId[c.id] = &c;
    return std::shared_ptr<const OAuth2Clients>(std::move(clients));
  });
}

// --- small encodings

std::string randomToken() { return randomHex(16); }  // Kong's utils.random_string: 32 hex digits

std::string newId() {
  std::string hex = randomToken();
  hex[12] = '4';
  hex[16] = "89ab"[static_cast<unsigned char>(hex[16]) % 4];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20);
}

// Kong's utils.encode_args: names in order, each name=value escaped.
std::string encodeArgs(const std::map<std::string, std::string>& args) {
  std::string out;
  for (const auto& [name, value] : args) out.append(out.empty() ? "" : "&").append(escapeUriComponent(name)).append("=").append(escapeUriComponent(value));
  return out;
}

std::map<std::string, std::string> decodeArgs(std::string_view text) {
  std::map<std::string, std::string> args;
  http::forEachQueryPair(text, [&](std::string_view name, std::string_view value) {
    std::string n, v;
    if (http::urlDecode(name, n) && http::urlDecode(value, v) && !args.count(n)) args[n] = v;
  });
  return args;
}

// The request's parameters: its query, and for POST, PUT and PATCH its form or JSON body (the body
// wins). A value that is not text is absent.
using Params = std::map<std::string, std::string>;

Params parametersOf(const RequestContext& ctx) {
  Params params = decodeArgs(ctx.request->query);
  const std::string_view method = ctx.request->method;
  if ((method == "POST" || method == "PUT" || method == "PATCH") && ctx.requestBody && !ctx.requestBody->empty()) {
    const BodyType type = bodyTypeOf(ctx.header("Content-Type"));
    if (type == BodyType::Form) {
      for (auto& [name, value] : decodeArgs(*ctx.requestBody)) params[name] = value;
    } else if (type == BodyType::Json) {
      const json body = json::parse(*ctx.requestBody, nullptr, false);
      if (body.is_object()) {
        for (const auto& [name, value] : body.items()) {
          if (value.is_string()) params[name] = value.get<std::string>();
          else if (value.is_number() || value.is_boolean()) params[name] = value.dump();
        }
      }
    }
  }
  return params;
}

const std::string* param(const Params& params, const char* name) {
  const auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

bool blank(const std::string* text) { return !text || http::trimOws(*text).empty(); }

json problem(const char* error, std::string description) { return {{"error", error}, {"error_description", std::move(description)}}; }

constexpr const char* kInvalidToken = "The access token is invalid or has expired";

class OAuth2Plugin final : public Plugin {
 public:
  OAuth2Plugin(const json& config, std::shared_ptr<const OAuth2Clients> clients, std::shared_ptr<OAuth2Grants> grants,
               const std::vector<std::string>& trustedIps)
      : clients_(std::move(clients)), grants_(std::move(grants)) {
    for (const std::string& range : trustedIps)
      if (auto parsed = net::AddressRange::parse(range)) trusted_.push_back(*parsed);
    acceptTerminated_ = config.value("accept_http_if_already_terminated", false);
    scopes_ = stringList(config, "scopes");
    hasScopes_ = config.contains("scopes") && config["scopes"].is_array();
    mandatoryScope_ = config.value("mandatory_scope", false);
    provisionKey_ = optionalString(config, "provision_key");
    tokenExpiration_ = static_cast<int64_t>(config.value("token_expiration", 7200.0));
    authorizationCode_ = config.value("enable_authorization_code", false);
    implicitGrant_ = config.value("enable_implicit_grant", false);
    clientCredentials_ = config.value("enable_client_credentials", false);
    passwordGrant_ = config.value("enable_password_grant", false);
    hideCredentials_ = config.value("hide_credentials", false);
    anonymous_ = optionalString(config, "anonymous");
    globalCredentials_ = config.value("global_credentials", false);
    authHeader_ = config.contains("auth_header_name") && config["auth_header_name"].is_string()
                      ? config["auth_header_name"].get<std::string>()
                      : "authorization";
    refreshTokenTtl_ = static_cast<int64_t>(config.value("refresh_token_ttl", 1209600.0));
    reuseRefreshToken_ = config.value("reuse_refresh_token", false);
    pkce_ = config.contains("pkce") && config["pkce"].is_string() ? config["pkce"].get<std::string>() : "lax";
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }
  bool readsRequestBody() const override { return true; }

  PhaseResult access(RequestContext& ctx) const override {
    const std::string_view path = ctx.path;
    if (endsWithEndpoint(path, "/oauth2/token")) {
      if (ctx.request->method != "POST") return wrongMethod(ctx, "token");
      return issueToken(ctx);
    }
    if (endsWithEndpoint(path, "/oauth2/authorize")) {
      if (ctx.request->method != "POST") return wrongMethod(ctx, "authorization");
      return authorize(ctx);
    }
    if (!anonymous_.empty() && alreadyAuthenticated(ctx)) {  // Kong's logical OR of auth plugins
      ctx.removeHeaders.add("X-Authenticated-Scope");
      ctx.removeHeaders.add("X-Authenticated-UserId");
      return PhaseResult::Continue;
    }
    int status = 401;
    json body;
    std::string challenge;
    if (authenticateToken(ctx, status, body, challenge)) return PhaseResult::Continue;
    if (!anonymous_.empty()) {
      ctx.local.clear();
      if (!authenticateAnonymous(ctx, anonymous_)) return PhaseResult::Respond;
      ctx.removeHeaders.add("X-Credential-Username");
      ctx.removeHeaders.add("X-Authenticated-Scope");
      ctx.removeHeaders.add("X-Authenticated-UserId");
      return PhaseResult::Continue;
    }
    return answer(ctx, status, body, {{"WWW-Authenticate", challenge}});
  }

 private:
  // The path ends with the endpoint, or the endpoint and a slash (Kong's string_find from the end).
  static bool endsWithEndpoint(std::string_view path, std::string_view endpoint) {
    if (!path.empty() && path.back() == '/') path.remove_suffix(1);
    return path.size() >= endpoint.size() && path.substr(path.size() - endpoint.size()) == endpoint;
  }

  static PhaseResult answer(RequestContext& ctx, int status, const json& body,
                            std::initializer_list<std::pair<std::string_view, std::string_view>> headers) {
    ctx.local.clear();
    ctx.local.status = status;
    ctx.local.body = body.dump();
    ctx.local.contentType = "application/json; charset=utf-8";
    for (const auto& [name, value] : headers)
      if (!value.empty()) ctx.local.headers.add(name, value);
    return PhaseResult::Respond;
  }

  PhaseResult wrongMethod(RequestContext& ctx, const char* endpoint) const {
    const std::string description =
        "The HTTP method " + std::string(ctx.request->method) + " is invalid for the " + endpoint + " endpoint";
    const std::string challenge = "Bearer realm=\"service\" error=\"invalid_method\" error_description=\"" + description + "\"";
    return answer(ctx, 405, problem("invalid_method", description), {{"WWW-Authenticate", challenge}});
  }

  // Kong's check_https: the client's own TLS, or with accept_http_if_already_terminated a trusted
  // proxy's (sluice.conf trusted_ips) single X-Forwarded-Proto: https. `error`: why not, if said.
  bool https(const RequestContext& ctx, std::string& error) const {
    if (ctx.https) return true;
    if (!acceptTerminated_) return false;
    const auto client = net::Address::parse(ctx.clientIp);
    bool trusted = false;
    for (const auto& range : trusted_) trusted = trusted || (client && range.contains(*client));
    if (!trusted) return false;
    std::string_view proto;
    int seen = 0;
    for (const http::Header& h : ctx.request->headers)
      if (http::equalsIgnoreCase(h.name, "x-forwarded-proto")) {
        proto = h.value;
        ++seen;
      }
    if (seen > 1) {
      error = "Only one X-Forwarded-Proto header allowed";
      return false;
    }
    return http::equalsIgnoreCase(proto, "https");
  }

  const OAuth2Client* clientById(const std::string* clientId) const {
    if (!clientId || clientId->empty()) return nullptr;
    const auto it = clients_->byClientId.find(*clientId);
    return it == clients_->byClientId.end() ? nullptr : &it->second;
  }

  // Kong's retrieve_scope: the scopes asked for, all of them configured ones; nullopt with `error` set.
  std::optional<std::string> scopeOf(const Params& params, json& error) const {
    const std::string* asked = param(params, "scope");
    std::string granted;
    if (hasScopes_ && asked) {
      size_t start = 0;
      const std::string& s = *asked;
      while (start < s.size()) {
        while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
        size_t end = start;
        while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
        if (end == start) break;
        const std::string one = s.substr(start, end - start);
        if (std::find(scopes_.begin(), scopes_.end(), one) == scopes_.end()) {
          error = problem("invalid_scope", "\"" + one + "\" is an invalid scope");
          return std::nullopt;
        }
        granted.append(granted.empty() ? "" : " ").append(one);
        start = end;
      }
    } else if (!asked && mandatoryScope_) {
      error = problem("invalid_scope", "You must specify a scope");
      return std::nullopt;
    }
    return granted;
  }

  bool requiresPkce(const OAuth2Client* client, bool usedPkce) const {
    if (!client) return false;
    return usedPkce || (client->publicClient && pkce_ != "none") || (!client->publicClient && pkce_ == "strict");
  }

  std::string serviceIdFor(const RequestContext& ctx) const {
    return globalCredentials_ || !ctx.service ? std::string() : ctx.service->id;
  }

  // Kong's generate_token.
  json generateToken(const RequestContext& ctx, const OAuth2Client& client, const std::string& authenticatedUserid,
                     const std::string& scope, const std::string* state, bool disableRefresh,
                     const OAuth2Token* existing = nullptr) const {
    const int64_t now = static_cast<int64_t>(std::time(nullptr));
    OAuth2Token token;
    const int64_t rowTtl = tokenExpiration_ > 0 && refreshTokenTtl_ > 0 ? refreshTokenTtl_ : 0;
    if (existing && reuseRefreshToken_) {
      token = *existing;
      grants_->remove(*existing);
      token.accessToken = randomToken();
    } else {
      token.id = newId();
      token.accessToken = randomToken();
      token.credentialId = client.id;
      token.serviceId = serviceIdFor(ctx);
      token.authenticatedUserid = authenticatedUserid;
      token.scope = scope;
      if (!disableRefresh && tokenExpiration_ > 0) token.refreshToken = randomToken();
    }
    token.expiresIn = tokenExpiration_;
    token.createdAt = now;
    token.ttl = rowTtl;
    grants_->add(token);
    json out{{"access_token", token.accessToken}, {"token_type", "bearer"}};
    if (tokenExpiration_ > 0) out["expires_in"] = token.expiresIn;
    if (!token.refreshToken.empty()) out["refresh_token"] = token.refreshToken;
    if (state) out["state"] = *state;
    return out;
  }

  // --- POST /oauth2/authorize (Kong's authorize)
  PhaseResult authorize(RequestContext& ctx) const {
    const Params params = parametersOf(ctx);
    const std::string* state = param(params, "state");
    json response = json::object();
    std::string redirectUri;
    bool implicit = false;
    if (std::string why; !https(ctx, why)) {
      response = problem("access_denied", why.empty() ? "You must use HTTPS" : why);
    } else if (!param(params, "provision_key") || provisionKey_ != *param(params, "provision_key")) {
      response = problem("invalid_provision_key", "Invalid provision_key");
    } else if (blank(param(params, "authenticated_userid"))) {
      response = problem("invalid_authenticated_userid", "Missing authenticated_userid parameter");
    } else {
      const std::string* responseType = param(params, "response_type");
      const bool code = responseType && *responseType == "code" && authorizationCode_;
      const bool token = responseType && *responseType == "token" && implicitGrant_;
      if (!code && !token) response = problem("unsupported_response_type", "Invalid response_type");
      json scopeError;
      const std::optional<std::string> scope = scopeOf(params, scopeError);
      if (!scope) response = scopeError;
      const OAuth2Client* client = clientById(param(params, "client_id"));
      if (!client || !client->hasRedirectUris) {
        response = problem("invalid_client", "Invalid client authentication");
      } else {
        const std::string* asked = param(params, "redirect_uri");
        redirectUri = asked ? *asked : client->redirectUris.empty() ? std::string() : client->redirectUris.front();
        if (std::find(client->redirectUris.begin(), client->redirectUris.end(), redirectUri) == client->redirectUris.end()) {
          response = problem("invalid_request", "Invalid redirect_uri that does not match with any redirect_uri created with the application");
          redirectUri = client->redirectUris.empty() ? std::string() : client->redirectUris.front();
        }
      }
      // PKCE (RFC 7636): the challenge goes with the code.
      std::string challenge, challengeMethod;
      const std::string* givenChallenge = param(params, "code_challenge");
      const std::string* givenMethod = param(params, "code_challenge_method");
      if (givenMethod && !givenChallenge) {
        response = problem("invalid_request", "code_challenge is required when code_method is present");
      } else {
        if (givenChallenge) {
          challenge = *givenChallenge;
          if (std::string raw; base64urlDecode(challenge, raw))
            challenge = base64urlEncode(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
          challengeMethod = "S256";
          if (givenMethod && *givenMethod != "S256" && *givenMethod != "s256")
            response = problem("invalid_request", "code_challenge_method is not supported, must be S256");
        }
        if (!response.contains("error") && client && challenge.empty() && requiresPkce(client, false))
          response = problem("invalid_request", "code_challenge is required for public clients");
      }
      if (!response.contains("error")) {
        if (code) {
          OAuth2Code grant;
          grant.id = newId();
          grant.code = randomToken();
          grant.credentialId = client->id;
          grant.serviceId = serviceIdFor(ctx);
          grant.authenticatedUserid = *param(params, "authenticated_userid");
          grant.scope = *scope;
          grant.challenge = challenge;
          grant.challengeMethod = challenge.empty() ? std::string() : challengeMethod;
          grant.createdAt = static_cast<int64_t>(std::time(nullptr));
          grants_->add(grant);
          response = {{"code", grant.code}};
        } else {
          response = generateToken(ctx, *client, *param(params, "authenticated_userid"), *scope, state, true);
          implicit = true;
        }
      }
    }
    if (state) response["state"] = *state;
    const int status = response.contains("error") ? 400 : 200;
    json body = response;
    if (!redirectUri.empty()) {
      // The answer's parameters joined to the redirect URI's own: in its query, or its fragment
      // for the implicit grant.
      std::string base = redirectUri, query, fragment;
      if (const size_t hash = base.find('#'); hash != std::string::npos) {
        fragment = base.substr(hash + 1);
        base.resize(hash);
      }
      if (const size_t q = base.find('?'); q != std::string::npos) {
        query = base.substr(q + 1);
        base.resize(q);
      }
      std::map<std::string, std::string> args = decodeArgs(implicit ? fragment : query);
      for (const auto& [name, value] : response.items()) args[name] = value.is_string() ? value.get<std::string>() : value.dump();
      (implicit ? fragment : query) = encodeArgs(args);
      body = {{"redirect_uri", base + (query.empty() ? "" : "?" + query) + (fragment.empty() ? "" : "#" + fragment)}};
    }
    return answer(ctx, status, body, {{"Cache-Control", "no-store"}, {"Pragma", "no-cache"}});
  }

  // --- POST /oauth2/token (Kong's issue_token)
  PhaseResult issueToken(RequestContext& ctx) const {
    const Params params = parametersOf(ctx);
    const std::string* state = param(params, "state");
    json response = json::object();
    int errorStatus = 400;
    std::string challenge;
    if (std::string why; !https(ctx, why)) {
      response = problem("access_denied", why.empty() ? "You must use HTTPS" : why);
    } else {
      const std::string grantType = param(params, "grant_type") ? *param(params, "grant_type") : std::string();
      if (!(grantType == "authorization_code" || grantType == "refresh_token" ||
            (clientCredentials_ && grantType == "client_credentials") || (passwordGrant_ && grantType == "password")))
        response = problem("unsupported_grant_type", "Invalid grant_type");
      // The client: client_id and client_secret parameters, or HTTP Basic in auth_header_name.
      std::string clientId, clientSecret;
      bool fromHeader = false;
      const std::string_view header = ctx.header(authHeader_);
      if (param(params, "client_id") && param(params, "client_secret")) {
        clientId = *param(params, "client_id");
        clientSecret = *param(params, "client_secret");
      } else if (!header.empty()) {
        fromHeader = true;
        std::string_view v = http::trimOws(header);
        if (v.size() > 5 && (v[0] == 'B' || v[0] == 'b') && v.substr(1, 4) == "asic") {
          std::string decoded;
          if (base64Decode(http::trimOws(v.substr(5)), decoded)) {
            const size_t colon = decoded.find(':');
            clientId = decoded.substr(0, colon);
            if (colon != std::string::npos) clientSecret = decoded.substr(colon + 1, decoded.find(':', colon + 1) - colon - 1);
          }
        }
      } else if (param(params, "client_id")) {
        clientId = *param(params, "client_id");
      }
      const OAuth2Client* client = clientById(&clientId);
      const auto invalidClient = [&] {
        response = problem("invalid_client", "Invalid client authentication");
        if (fromHeader) {
          errorStatus = 401;
          challenge = "Basic realm=\"OAuth2.0\"";
        }
      };
      if (grantType != "client_credentials") {
        if (client && client->hasRedirectUris) {
          const std::string* asked = param(params, "redirect_uri");
          const std::string uri = asked ? *asked : client->redirectUris.empty() ? std::string() : client->redirectUris.front();
          if (std::find(client->redirectUris.begin(), client->redirectUris.end(), uri) == client->redirectUris.end())
            response = problem("invalid_request", "Invalid redirect_uri that does not match with any redirect_uri created with the application");
        } else {
          invalidClient();
        }
      }
      if (client) {
        if (!client->publicClient) {
          const bool authenticated = client->hashSecret ? model::verifyPassword(clientSecret, client->secret)
                                                        : secretsEqual(client->secret, clientSecret);
          if (!authenticated) invalidClient();
        } else if (!http::trimOws(clientSecret).empty()) {
          response = problem("invalid_request", "client_secret is disallowed for public clients");
        }
      }
      if (!response.contains("error")) response = grant(ctx, grantType, params, client, state);
    }
    if (state) response["state"] = *state;
    const bool failed = response.contains("error");
    return answer(ctx, failed ? errorStatus : 200, response,
                  {{"Cache-Control", "no-store"}, {"Pragma", "no-cache"}, {"WWW-Authenticate", failed ? challenge : std::string()}});
  }

  json grant(const RequestContext& ctx, const std::string& grantType, const Params& params, const OAuth2Client* client,
             const std::string* state) const {
    const std::string serviceId = serviceIdFor(ctx);
    json scopeError;
    if (grantType == "authorization_code") {
      const std::string* code = param(params, "code");
      std::optional<OAuth2Code> found = code ? grants_->byCode(*code) : std::nullopt;
      if (!found || (!serviceId.empty() && serviceId != found->serviceId) || found->credentialId != client->id)
        return problem("invalid_request", "Invalid code");
      if (requiresPkce(client, !found->challengeMethod.empty())) {
        const std::string* verifier = param(params, "code_verifier");
        if (!verifier) return problem("invalid_request", "code_verifier is required for PKCE authorization requests");
        if (verifier->size() < 43 || verifier->size() > 128)
          return problem("invalid_request", "code_verifier must be between 43 and 128 characters");
        unsigned char digest[SHA256_DIGEST_LENGTH];
        SHA256(reinterpret_cast<const unsigned char*>(verifier->data()), verifier->size(), digest);
        if (found->challenge.empty() || base64urlEncode(digest, sizeof digest) != found->challenge) return problem("invalid_grant", "Invalid code");
      }
      if (!grants_->takeCode(*code)) return problem("invalid_request", "Invalid code");  // exchanged meanwhile
      return generateToken(ctx, *client, found->authenticatedUserid, found->scope, state, false);
    }
    if (grantType == "client_credentials") {
      if (param(params, "authenticated_userid") && (!param(params, "provision_key") || *param(params, "provision_key") != provisionKey_))
        return problem("invalid_provision_key", "Invalid provision_key");
      if (!client) return problem("invalid_client", "Invalid client authentication");
      const std::optional<std::string> scope = scopeOf(params, scopeError);
      if (!scope) return scopeError;
      const std::string* user = param(params, "authenticated_userid");
      return generateToken(ctx, *client, user ? *user : std::string(), *scope, state, true);
    }
    if (grantType == "password") {
      if (!param(params, "provision_key") || *param(params, "provision_key") != provisionKey_)
        return problem("invalid_provision_key", "Invalid provision_key");
      if (blank(param(params, "authenticated_userid")))
        return problem("invalid_authenticated_userid", "Missing authenticated_userid parameter");
      const std::optional<std::string> scope = scopeOf(params, scopeError);
      if (!scope) return scopeError;
      return generateToken(ctx, *client, *param(params, "authenticated_userid"), *scope, state, false);
    }
    // refresh_token
    const std::string* refresh = param(params, "refresh_token");
    const std::optional<OAuth2Token> token = refresh ? grants_->byRefreshToken(*refresh) : std::nullopt;
    if (!token || (!serviceId.empty() && serviceId != token->serviceId)) return problem("invalid_request", "Invalid refresh_token");
    if (token->credentialId != client->id) return problem("invalid_client", "Invalid client authentication");
    json issued = generateToken(ctx, *client, token->authenticatedUserid, token->scope, state, false, &*token);
    if (!reuseRefreshToken_) grants_->remove(*token);
    return issued;
  }

  // --- every other request: a bearer token (Kong's do_authentication)
  bool authenticateToken(RequestContext& ctx, int& status, json& body, std::string& challenge) const {
    std::string accessToken;
    bool inHeader = false;
    if (const std::string_view header = ctx.header(authHeader_); !header.empty() || http::findHeader(ctx.request->headers, authHeader_).data()) {
      accessToken.assign(header);
      std::vector<std::string_view> parts;
      for (size_t i = 0; i < header.size();) {
        while (i < header.size() && std::isspace(static_cast<unsigned char>(header[i]))) ++i;
        size_t end = i;
        while (end < header.size() && !std::isspace(static_cast<unsigned char>(header[end]))) ++end;
        if (end > i) parts.push_back(header.substr(i, end - i));
        i = end;
      }
      if (parts.size() == 2 && (http::equalsIgnoreCase(parts[0], "token") || http::equalsIgnoreCase(parts[0], "bearer"))) {
        accessToken.assign(parts[1]);
        inHeader = true;
      }
    } else {
      const Params params = parametersOf(ctx);
      if (const std::string* fromParams = param(params, "access_token")) accessToken = *fromParams;
    }
    if (hideCredentials_ && !accessToken.empty()) hide(ctx, inHeader);
    const auto invalid = [&](const char* description) {
      status = 401;
      body = problem("invalid_token", description);
      challenge = std::string("Bearer realm=\"service\" error=\"invalid_token\" error_description=\"") + description + "\"";
      return false;
    };
    if (accessToken.empty()) {
      status = 401;
      body = problem("invalid_request", "The access token is missing");
      challenge = "Bearer realm=\"service\"";
      return false;
    }
    enum class Verdict { Good, Unknown, GlobalOnly, Expired } verdict = Verdict::Unknown;
    const std::string_view serviceId = ctx.service ? std::string_view(ctx.service->id) : std::string_view();
    const OAuth2Client* client = nullptr;
    grants_->withAccessToken(accessToken, [&](const OAuth2Token& token) {
      if (!globalCredentials_ && token.serviceId.empty()) {
        verdict = Verdict::GlobalOnly;
      } else if ((!token.serviceId.empty() && token.serviceId != serviceId) || token.accessExpired(static_cast<int64_t>(std::time(nullptr)))) {
        verdict = Verdict::Expired;
      } else if (const auto found = clients_->byId.find(token.credentialId); found != clients_->byId.end()) {  // (else its application is gone)
        verdict = Verdict::Good;
        client = found->second;
        authenticate(ctx, client->consumerIndex, client->id, client->clientId);
        ctx.removeHeaders.add("X-Credential-Username");
        if (token.scope.empty()) ctx.removeHeaders.add("X-Authenticated-Scope");
        else ctx.setHeaders.add("X-Authenticated-Scope", token.scope);
        if (token.authenticatedUserid.empty()) ctx.removeHeaders.add("X-Authenticated-UserId");
        else ctx.setHeaders.add("X-Authenticated-UserId", token.authenticatedUserid);
      }
    });
    if (verdict == Verdict::GlobalOnly) {  // Kong's load_token answers this one without a challenge
      status = 401;
      body = problem("invalid_token", "The access token is global, but the current plugin is configured without 'global_credentials'");
      challenge.clear();
      return false;
    }
    if (verdict != Verdict::Good) return invalid(kInvalidToken);
    return true;
  }

  // hide_credentials: the header, or the query argument and a form body's field.
  void hide(RequestContext& ctx, bool inHeader) const {
    if (inHeader) {
      ctx.removeHeaders.add(authHeader_);
      return;
    }
    std::string rest;
    http::removeQueryArg(ctx.queryRewritten ? std::string_view(ctx.query) : ctx.request->query, "access_token", rest);
    ctx.query = std::move(rest);
    ctx.queryRewritten = true;
    if (ctx.request->method != "GET" && ctx.requestBody && bodyTypeOf(ctx.header("Content-Type")) == BodyType::Form)
      removeBodyField(*ctx.requestBody, BodyType::Form, "access_token");
  }

  std::shared_ptr<const OAuth2Clients> clients_;
  std::shared_ptr<OAuth2Grants> grants_;
  std::vector<net::AddressRange> trusted_;
  bool acceptTerminated_ = false;
  std::vector<std::string> scopes_;
  bool hasScopes_ = false, mandatoryScope_ = false;
  std::string provisionKey_;
  int64_t tokenExpiration_ = 7200, refreshTokenTtl_ = 1209600;
  bool authorizationCode_ = false, implicitGrant_ = false, clientCredentials_ = false, passwordGrant_ = false;
  bool hideCredentials_ = false, globalCredentials_ = false, reuseRefreshToken_ = false;
  std::string anonymous_, authHeader_, pkce_;
};

}  // namespace

PluginCreateResult createOAuth2(const nlohmann::json& config, BuildContext& context) {
  auto writer = context.node().find<PluginRowWriter>(kPluginRowsKey);  // (not inside get(): one lock)
  auto grants = context.node().get<OAuth2Grants>("oauth2:grants", [&writer] { return std::make_shared<OAuth2Grants>(writer); });
  // Once per snapshot: what the store holds now.
  context.shared<bool>("oauth2:reloaded", [&] {
    grants->reload(context.entities("oauth2_tokens"), context.entities("oauth2_authorization_codes"));
    return std::make_shared<const bool>(true);
  });
  return PluginConstSharedPtr(
      std::make_shared<OAuth2Plugin>(config, clientsOf(context), std::move(grants), context.node().settings().trustedIps));
}

}  // namespace sluice::plugins
