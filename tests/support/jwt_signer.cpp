#include "jwt_signer.h"

#include <QJsonDocument>

#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace sluice::test {
namespace {

QByteArray b64url(const QByteArray& bytes) {
  return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

const EVP_MD* digest(const QByteArray& alg) {
  if (alg.endsWith("384")) return EVP_sha384();
  if (alg.endsWith("512")) return EVP_sha512();
  return EVP_sha256();
}

}  // namespace

JwtKey JwtKey::rsa() {
  JwtKey k;
  k.key_.reset(EVP_RSA_gen(2048), EVP_PKEY_free);
  return k;
}

JwtKey JwtKey::ec(int bits) {
  JwtKey k;
  k.key_.reset(EVP_EC_gen(bits == 384 ? "P-384" : "P-256"), EVP_PKEY_free);
  return k;
}

QByteArray JwtKey::publicPem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, key_.get());
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  QByteArray pem(data, static_cast<int>(n));
  BIO_free(bio);
  return pem;
}

QByteArray signJwt(const QByteArray& alg, const QJsonObject& claims, const QByteArray& secret, const JwtKey* key,
                   const QJsonObject& extraHeader) {
  QJsonObject header{{"typ", "JWT"}, {"alg", QString(alg)}};
  for (auto it = extraHeader.begin(); it != extraHeader.end(); ++it) header[it.key()] = it.value();
  const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + "." +
                           b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
  QByteArray signature;
  if (alg.startsWith("HS")) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(digest(alg), secret.constData(), secret.size(), reinterpret_cast<const unsigned char*>(input.constData()),
         static_cast<size_t>(input.size()), mac, &length);
    signature = QByteArray(reinterpret_cast<char*>(mac), static_cast<int>(length));
  } else if (alg != "none" && key) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    EVP_DigestSignInit(ctx, &pctx, digest(alg), nullptr, key->get());
    if (alg.startsWith("PS")) {
      EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
      EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
    }
    size_t length = 0;
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(input.constData()), static_cast<size_t>(input.size()));
    QByteArray der(static_cast<int>(length), '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(der.data()), &length,
                   reinterpret_cast<const unsigned char*>(input.constData()), static_cast<size_t>(input.size()));
    der.resize(static_cast<int>(length));
    EVP_MD_CTX_free(ctx);
    if (alg.startsWith("ES")) {  // DER -> r||s, each padded to the curve size
      const int half = alg == "ES384" ? 48 : 32;
      const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
      ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, der.size());
      QByteArray raw(2 * half, '\0');
      BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(raw.data()), half);
      BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(raw.data()) + half, half);
      ECDSA_SIG_free(sig);
      signature = raw;
    } else {
      signature = der;
    }
  }
  return input + "." + b64url(signature);
}

}  // namespace sluice::test
