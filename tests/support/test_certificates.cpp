#include "test_certificates.h"

#include <QFile>
#include <QHostAddress>
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

PemPair signedBy(const PemPair& ca, const QString& commonName) {
  QTemporaryDir dir;
  const auto write = [&](const QString& name, const QByteArray& data) {
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(data);
  };
  write("ca.pem", ca.cert);
  write("ca.key", ca.key);
  const char* kind = QHostAddress(commonName).isNull() ? "DNS:" : "IP:";  // (an address is named as one)
  write("ext.cnf", "subjectAltName=" + QByteArray(kind) + commonName.toUtf8() + "\nbasicConstraints=critical,CA:FALSE\n");
  const auto run = [&](const QStringList& args) {
    QProcess p;
    p.start("openssl", args);
    p.waitForFinished(30000);
  };
  run({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=" + commonName,
       "-keyout", dir.filePath("key.pem"), "-out", dir.filePath("req.pem")});
  run({"x509", "-req", "-in", dir.filePath("req.pem"), "-CA", dir.filePath("ca.pem"), "-CAkey", dir.filePath("ca.key"),
       "-CAcreateserial", "-days", "2", "-extfile", dir.filePath("ext.cnf"), "-out", dir.filePath("cert.pem")});
  QFile cert(dir.filePath("cert.pem")), key(dir.filePath("key.pem"));
  cert.open(QIODevice::ReadOnly);
  key.open(QIODevice::ReadOnly);
  return PemPair{cert.readAll(), key.readAll()};
}
PemPair certificateAuthority(const QString& commonName) { return make(commonName, true); }

}  // namespace sluice::test
