#include "test_certificates.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace sluice::test {
namespace {

PemPair make(const QString& commonName, bool ca) {
  QTemporaryDir dir;
  QStringList args{"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                   "-days", "2", "-subj", "/CN=" + commonName, "-keyout", dir.filePath("key.pem"),
                   "-out", dir.filePath("cert.pem")};
  args << "-addext" << (ca ? "basicConstraints=critical,CA:TRUE" : "basicConstraints=critical,CA:FALSE");
  QProcess p;
  p.start("openssl", args);
  p.waitForFinished(30000);
  QFile cert(dir.filePath("cert.pem")), key(dir.filePath("key.pem"));
  cert.open(QIODevice::ReadOnly);
  key.open(QIODevice::ReadOnly);
  return PemPair{cert.readAll(), key.readAll()};
}

}  // namespace

PemPair selfSigned(const QString& commonName) { return make(commonName, false); }
PemPair certificateAuthority(const QString& commonName) { return make(commonName, true); }

}  // namespace sluice::test
