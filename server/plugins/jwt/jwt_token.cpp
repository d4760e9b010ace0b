#include "plugins/jwt/jwt_token.h"

#include "plugins/authentication.h"

#include <openssl/ecdsa.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace sluice::plugins {
namespace {

const EVP_MD* digestFor(std::string_view alg) {
  const std::string_view bits = alg.size() >= 5 ? alg.substr(2) : std::string_view();
  if (bits == "256") return EVP_sha256();
  if (bits == "384") return EVP_sha384();
  if (bits == "512") return EVP_sha512();
  return nullptr;
}

// JOSE carries ECDSA signatures as r||s; OpenSSL verifies DER.
std::string rawToDer(const std::string& raw) {
  const size_t half = raw.size() / 2;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), static_cast<int>(half), nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + half, static_cast<int>(half), nullptr);
  ECDSA_SIG_set0(sig, r, s);
  unsigned char* der = nullptr;
  const int n = i2d_ECDSA_SIG(sig, &der);
  std::string out = n > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<size_t>(n)) : std::string();
  OPENSSL_free(der);
  ECDSA_SIG_free(sig);
  return out;
}

bool verifyAsymmetric(const JwtToken& token, const std::string& alg, EVP_PKEY* key) {
  const EVP_MD* md = digestFor(alg);
  if (!md || !key) return false;
  const bool ec = alg.rfind("ES", 0) == 0, pss = alg.rfind("PS", 0) == 0;
  if (ec != (EVP_PKEY_base_id(key) == EVP_PKEY_EC)) return false;  // a key of the other kind
  std::string signature = token.signature;
  if (ec) {
    const size_t expected = alg == "ES256" ? 64 : alg == "ES384" ? 96 : 132;
    if (signature.size() != expected) return false;
    signature = rawToDer(signature);
  }
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  bool ok = EVP_DigestVerifyInit(ctx, &pctx, md, nullptr, key) == 1;
  if (ok && pss) {
    ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
  }
  ok = ok && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                              reinterpret_cast<const unsigned char*>(token.signingInput.data()), token.signingInput.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

}  // namespace

bool base64UrlDecode(std::string_view in, std::string& out) {
  std::string padded(in);
  for (char& c : padded) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
    else if (c == '+' || c == '/' || c == '=') return false;  // not the URL alphabet
  }
  while (padded.size() % 4) padded.push_back('=');
  if (padded.empty()) {
    out.clear();
    return true;
  }
  return base64Decode(padded, out);
}

std::string JwtToken::parse(std::string_view token, JwtToken& out) {
  const size_t first = token.find('.');
  const size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return "invalid JWT";
  std::string header, claims;
  if (!base64UrlDecode(token.substr(0, first), header) || !base64UrlDecode(token.substr(first + 1, second - first - 1), claims) ||
      !base64UrlDecode(token.substr(second + 1), out.signature))
    return "invalid base64 encoding";
  out.header = nlohmann::json::parse(header, nullptr, false);
  out.claims = nlohmann::json::parse(claims, nullptr, false);
  if (!out.header.is_object() || !out.claims.is_object()) return "invalid JSON";
  if (!out.header.contains("alg") || !out.header["alg"].is_string()) return "invalid alg";
  out.signingInput.assign(token.substr(0, second));
  return {};
}

PublicKey loadPublicKey(const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
  if (!key) {  // an X.509 certificate carrying the key
    BIO_reset(bio);
    if (X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
      key = X509_get_pubkey(cert);
      X509_free(cert);
    }
  }
  BIO_free(bio);
  return key ? PublicKey(key, EVP_PKEY_free) : PublicKey();
}

bool verifyJwtSignature(const JwtToken& token, const std::string& alg, const std::string& secret, EVP_PKEY* key) {
  if (alg.rfind("HS", 0) != 0) return verifyAsymmetric(token, alg, key);
  const EVP_MD* md = digestFor(alg);
  if (!md) return false;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(md, secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(token.signingInput.data()),
            token.signingInput.size(), mac, &length))
    return false;
  return secretsEqual(std::string_view(reinterpret_cast<const char*>(mac), length), token.signature);
}

}  // namespace sluice::plugins
