#pragma once
// Signs JSON Web Tokens for tests with OpenSSL directly (independent of the server's verifier):
// HS*, RS*, PS* and ES* (raw r||s signatures), with keys generated on the spot.
#include <QByteArray>
#include <QJsonObject>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace sluice::test {

class JwtKey {
 public:
  static JwtKey rsa();       // 2048 bits
  static JwtKey ec(int bits);  // 256 (P-256) or 384 (P-384)
  QByteArray publicPem() const;
  EVP_PKEY* get() const { return key_.get(); }

 private:
  std::shared_ptr<EVP_PKEY> key_;
};

QByteArray signJwt(const QByteArray& alg, const QJsonObject& claims, const QByteArray& secret, const JwtKey* key = nullptr,
                   const QJsonObject& extraHeader = {});

}  // namespace sluice::test
