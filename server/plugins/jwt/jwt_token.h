#pragma once
// A JSON Web Token taken apart (RFC 7519) and its signature checked with OpenSSL: HMAC (HS*),
// RSA PKCS#1 v1.5 (RS*), RSA-PSS (PS*) and ECDSA (ES*, raw r||s signatures).
#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <memory>
#include <string>
#include <string_view>

namespace sluice::plugins {

struct JwtToken {
  nlohmann::json header, claims;
  std::string signingInput;  // "header.payload", as sent
  std::string signature;     // decoded bytes
  // Empty on success; otherwise Kong's reason after "Bad token; ".
  static std::string parse(std::string_view token, JwtToken& out);
};

using PublicKey = std::shared_ptr<EVP_PKEY>;
PublicKey loadPublicKey(const std::string& pem);  // null when unreadable

// `algorithm` is the credential's (the token's own "alg" has been compared with it already).
bool verifyJwtSignature(const JwtToken& token, const std::string& algorithm, const std::string& secret, EVP_PKEY* key);

bool base64UrlDecode(std::string_view in, std::string& out);

}  // namespace sluice::plugins
