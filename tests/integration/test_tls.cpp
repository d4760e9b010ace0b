// TLS on the proxy: termination with the default certificate and with certificates chosen by SNI,
// protocol versions, https-only routes, and TLS to an upstream (another sluice, verified against a
// test CA) — real processes and the openssl command line as the client.
#include "sluice_process.h"
#include "test_certificates.h"
#include "upstream_process.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace sluice::test;

namespace {

struct TlsResult {
  int exitCode = -1;
  QByteArray output;
};

// openssl s_client: sends `request` over TLS and returns everything printed (certificate subject,
// protocol, response).
TlsResult tlsRequest(quint16 port, const QString& serverName, const QByteArray& request, const QStringList& extra = {}) {
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  QStringList args{"s_client", "-connect", QString("127.0.0.1:%1").arg(port), "-ign_eof", "-alpn", "http/1.1"};
  if (!serverName.isEmpty()) args << "-servername" << serverName;
  p.start("openssl", args + extra);
  p.waitForStarted(5000);
  p.write(request);
  p.closeWriteChannel();
  p.waitForFinished(15000);
  return {p.exitCode(), p.readAll()};
}

QByteArray get(const QByteArray& path, const QByteArray& host = "localhost") {
  return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
}

}  // namespace

class TestTls : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;
  SluiceProcess sluice_;
  quint16 tlsPort_ = 0;
  HttpClient admin_{0};

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    tlsPort_ = SluiceProcess::freePort();
    sluice_.setEnv("PROXY_LISTEN", QString("127.0.0.1:%1, 127.0.0.1:%2 ssl").arg(sluice_.proxyPort()).arg(tlsPort_));
    QVERIFY(sluice_.start());
    admin_ = sluice_.admin();
    const QString up = QString("http://127.0.0.1:%1").arg(upstream_.port());
    QCOMPARE(admin_.sendJson("POST", "/services", {{"name", "echo"}, {"url", up}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/services/echo/routes", {{"paths", QJsonArray{"/echo"}}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/services/echo/routes", {{"paths", QJsonArray{"/secure"}}, {"protocols", QJsonArray{"https"}}}).status, 201);
    const auto leaf = selfSigned("api.example");
    QCOMPARE(admin_.sendJson("POST", "/certificates", {{"cert", QString(leaf.cert)}, {"key", QString(leaf.key)},
                                                      {"snis", QJsonArray{"api.example", "*.wild.example"}}}).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(sluice_.proxy().get("/echo").status == 200, 5000);
    // The certificate is live once a handshake for its name gets it.
    QTRY_VERIFY_WITH_TIMEOUT(tlsRequest(tlsPort_, "api.example", get("/echo")).output.contains("CN = api.example"), 5000);
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void terminatesWithTheDefaultCertificate() {
    const auto r = tlsRequest(tlsPort_, "", get("/echo/x"));
    QVERIFY2(r.output.contains("HTTP/1.1 200"), r.output.constData());
    QVERIFY(r.output.contains("Sluice default certificate"));
    QVERIFY(r.output.contains("\"x-forwarded-proto\":\"https\""));
    QVERIFY(r.output.contains("ALPN protocol: http/1.1"));
  }

  void picksCertificatesBySni() {
    const auto exact = tlsRequest(tlsPort_, "api.example", get("/echo", "api.example"));
    QVERIFY2(exact.output.contains("CN = api.example"), exact.output.constData());
    const auto wildcard = tlsRequest(tlsPort_, "a.wild.example", get("/echo", "a.wild.example"));
    QVERIFY(wildcard.output.contains("CN = api.example"));
    const auto other = tlsRequest(tlsPort_, "other.example", get("/echo", "other.example"));
    QVERIFY(other.output.contains("Sluice default certificate"));
  }

  void refusesOldProtocols() {
    const auto old = tlsRequest(tlsPort_, "", get("/echo"), {"-tls1_1"});
    QVERIFY(!old.output.contains("HTTP/1.1 200"));
    const auto tls12 = tlsRequest(tlsPort_, "", get("/echo"), {"-tls1_2"});
    QVERIFY2(tls12.output.contains("HTTP/1.1 200"), tls12.output.constData());
  }

  void httpsOnlyRoutesAnswerOnTls() {
    QCOMPARE(sluice_.proxy().get("/secure").status, 426);
    QVERIFY(tlsRequest(tlsPort_, "", get("/secure")).output.contains("HTTP/1.1 200"));
  }

  void resumesSessions() {
    QTemporaryDir dir;
    const QString session = dir.filePath("session.pem");
    tlsRequest(tlsPort_, "", get("/echo"), {"-sess_out", session, "-tls1_2"});
    const auto again = tlsRequest(tlsPort_, "", get("/echo"), {"-sess_in", session, "-tls1_2"});
    QVERIFY2(again.output.contains("Reused, TLSv1.2"), again.output.constData());
  }

  void speaksTlsToUpstreams() {
    // A second sluice terminates TLS with a certificate from a test CA in front of the echo server.
    const auto ca = certificateAuthority("Upstream CA");
    const auto leaf = signedBy(ca, "upstream.test");
    SluiceProcess inner;
    QFile cert(inner.prefix() + "/up.crt"), key(inner.prefix() + "/up.key");
    QVERIFY(cert.open(QIODevice::WriteOnly) && key.open(QIODevice::WriteOnly));
    cert.write(leaf.cert);
    key.write(leaf.key);
    cert.close();
    key.close();
    const quint16 innerTls = SluiceProcess::freePort();
    inner.setEnv("PROXY_LISTEN", QString("127.0.0.1:%1 ssl").arg(innerTls));
    inner.setEnv("SSL_CERT", cert.fileName());
    inner.setEnv("SSL_CERT_KEY", key.fileName());
    QVERIFY(inner.start());
    HttpClient innerAdmin = inner.admin();
    QCOMPARE(innerAdmin.sendJson("POST", "/services", {{"name", "echo"}, {"url", QString("http://127.0.0.1:%1").arg(upstream_.port())}}).status, 201);
    QCOMPARE(innerAdmin.sendJson("POST", "/services/echo/routes", {{"paths", QJsonArray{"/"}}}).status, 201);

    const auto caEntity = admin_.sendJson("POST", "/ca_certificates", {{"cert", QString(ca.cert)}});
    QCOMPARE(caEntity.status, 201);
    // Verified: the upstream's certificate chains to the CA and names upstream.test (SNI and host check).
    QCOMPARE(admin_.sendJson("POST", "/services", {{"name", "tls-up"}, {"protocol", "https"}, {"host", "upstream.test"},
                                                   {"port", innerTls}, {"tls_verify", true},
                                                   {"ca_certificates", QJsonArray{caEntity.json()["id"]}}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/services/tls-up/routes", {{"paths", QJsonArray{"/tls-up"}}}).status, 201);
    // upstream.test resolves through /etc/hosts-less DNS: point the service at 127.0.0.1 with an upstream entity.
    QCOMPARE(admin_.sendJson("POST", "/upstreams", {{"name", "upstream.test"}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/upstreams/upstream.test/targets", {{"target", QString("127.0.0.1:%1").arg(innerTls)}}).status, 201);
    HttpClient proxy = sluice_.proxy();
    QTRY_COMPARE_WITH_TIMEOUT(proxy.get("/tls-up/through").status, 200, 5000);
    const auto echo = proxy.get("/tls-up/through").json();
    QCOMPARE(echo["uri"].toString(), QString("/through"));
    QCOMPARE(echo["headers"].toObject()["x-forwarded-proto"].toString(), QString("https"));

    // The same upstream without the CA fails verification: 502.
    QCOMPARE(admin_.sendJson("POST", "/services", {{"name", "tls-untrusted"}, {"protocol", "https"}, {"host", "upstream.test"},
                                                   {"port", innerTls}, {"tls_verify", true}, {"retries", 0}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/services/tls-untrusted/routes", {{"paths", QJsonArray{"/tls-untrusted"}}}).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.get("/tls-untrusted").status != 404, 5000);
    QCOMPARE(proxy.get("/tls-untrusted").status, 502);
    QVERIFY(inner.stop());
  }
};

QTEST_GUILESS_MAIN(TestTls)
#include "test_tls.moc"
