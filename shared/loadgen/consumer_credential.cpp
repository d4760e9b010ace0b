#include "loadgen/consumer_credential.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <strings.h>

namespace sluice::loadgen {
namespace {

using nlohmann::json;

std::string idOf(const json& entity, const char* field) {
  return entity.contains(field) && entity[field].is_object() ? entity[field].value("id", "") : std::string();
}

std::string base64Url(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return out;
}

std::optional<std::string> base64Decode(const std::string& text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  size_t size = static_cast<size_t>(n);
  for (size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --size;  // EVP_DecodeBlock counts the padding
  out.resize(size);
  return out;
}

}  // namespace

std::optional<json> nearestPluginConfig(const std::vector<json>& plugins, const std::string& name, const json& route) {
  const std::string routeId = route.value("id", ""), serviceId = idOf(route, "service");
  int best = 0;
  std::optional<json> config;
  for (const json& p : plugins) {
    if (p.value("name", "") != name || !p.value("enabled", true)) continue;
    const std::string pr = idOf(p, "route"), ps = idOf(p, "service");
    const int rank = !pr.empty() ? (pr == routeId ? 3 : 0)
                     : !ps.empty() ? (ps == serviceId ? 2 : 0)
                     : idOf(p, "consumer").empty() ? 1 : 0;
    if (rank > best) {
      best = rank;
      config = p.value("config", json::object());
    }
  }
  return config;
}

std::optional<std::string> signJwt(const std::string& algorithm, const std::string& secret, bool secretIsBase64, const json& claims) {
  const EVP_MD* md = algorithm == "HS256" ? EVP_sha256() : algorithm == "HS384" ? EVP_sha384() : algorithm == "HS512" ? EVP_sha512() : nullptr;
  if (!md) return std::nullopt;
  std::string key = secret;
  if (secretIsBase64) {
    const auto decoded = base64Decode(secret);
    if (!decoded) return std::nullopt;
    key = *decoded;
  }
  const std::string input = base64Url(json{{"alg", algorithm}, {"typ", "JWT"}}.dump()) + "." + base64Url(claims.dump());
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(md, key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &length))
    return std::nullopt;
  return input + "." + base64Url(std::string(reinterpret_cast<const char*>(mac), length));
}

core::Result<std::pair<std::string, std::string>> credentialHeader(const ConsumerCredentials& consumer, const std::vector<json>& plugins,
                                                                   const json& route, int64_t now, int64_t validSeconds) {
  const auto keyAuth = nearestPluginConfig(plugins, "key-auth", route);
  const auto jwt = nearestPluginConfig(plugins, "jwt", route);
  const bool useJwt = jwt && !keyAuth && !consumer.jwts.empty();
  if (!useJwt) {
    if (consumer.keyAuths.empty())
      return core::Error::schemaViolation(json{{"consumer", jwt ? "the consumer has no key-auth credential and no HS256/384/512 jwt secret"
                                                                : "the consumer has no key-auth credential"}});
    std::string header = "apikey";
    if (keyAuth && keyAuth->contains("key_names") && (*keyAuth)["key_names"].is_array() && !(*keyAuth)["key_names"].empty())
      header = (*keyAuth)["key_names"][0].get<std::string>();
    return std::make_pair(header, consumer.keyAuths.front().value("key", ""));
  }
  const json& config = *jwt;
  int64_t lifetime = validSeconds;
  if (const double most = config.value("maximum_expiration", 0.0); most > 0) lifetime = std::min<int64_t>(lifetime, static_cast<int64_t>(most));
  const std::string claim = config.value("key_claim_name", "iss");
  std::string header = "authorization";
  if (config.contains("header_names") && config["header_names"].is_array() && !config["header_names"].empty())
    header = config["header_names"][0].get<std::string>();
  for (const json& credential : consumer.jwts) {
    const auto token = signJwt(credential.value("algorithm", "HS256"), credential.value("secret", ""), config.value("secret_is_base64", false),
                               json{{claim, credential.value("key", "")}, {"exp", now + lifetime}, {"nbf", now - 60}});
    if (!token) continue;
    return std::make_pair(header, strcasecmp(header.c_str(), "authorization") == 0 ? "Bearer " + *token : *token);
  }
  return core::Error::schemaViolation(json{{"consumer", "the consumer's jwt credentials cannot be signed here (HS256/384/512 only)"}});
}

}  // namespace sluice::loadgen
