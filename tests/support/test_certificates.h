#pragma once
// Throwaway certificates for tests, made with the openssl command line.
#include <QByteArray>
#include <QString>

namespace sluice::test {

struct PemPair {
  QByteArray cert;
  QByteArray key;
};

// A self-signed leaf certificate for `commonName` (EC P-256).
PemPair selfSigned(const QString& commonName);
// A self-signed CA certificate (basicConstraints CA:TRUE).
PemPair certificateAuthority(const QString& commonName);
// A leaf certificate for `commonName` (also its subjectAltName, DNS or IP) signed by `ca`.
PemPair signedBy(const PemPair& ca, const QString& commonName);

}  // namespace sluice::test
