// Hybrid mode end to end: a control plane on SQLite and data planes without a store, joined over
// mutual TLS with a certificate pair from `sluice hybrid gen_cert`; changes reach the data planes'
// proxies, a data plane keeps serving (and restarts alone) while the control plane is away, and
// the control plane refuses a data plane newer than itself or one without the certificate.
#include "sluice_process.h"
#include "test_certificates.h"
#include "upstream_process.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/WebSocket.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace sluice::test;

class TestHybrid : public QObject {
  Q_OBJECT

  QTemporaryDir certs_;
  quint16 clusterPort_ = 0;

  QString cert() const { return certs_.filePath("cluster.crt"); }
  QString key() const { return certs_.filePath("cluster.key"); }

  void controlPlane(SluiceProcess& cp) {
    cp.setEnv("ROLE", "control_plane");
    cp.setEnv("CLUSTER_LISTEN", QString("127.0.0.1:%1").arg(clusterPort_));
    cp.setEnv("CLUSTER_CERT", cert());
    cp.setEnv("CLUSTER_CERT_KEY", key());
  }
  void dataPlane(SluiceProcess& dp, const QString& certFile = {}, const QString& keyFile = {}) {
    dp.setEnv("ROLE", "data_plane");
    dp.setEnv("CLUSTER_CONTROL_PLANE", QString("127.0.0.1:%1").arg(clusterPort_));
    dp.setEnv("CLUSTER_CERT", certFile.isEmpty() ? cert() : certFile);
    dp.setEnv("CLUSTER_CERT_KEY", keyFile.isEmpty() ? key() : keyFile);
    dp.setEnv("CLUSTER_PING_INTERVAL", "1s");
  }
  static QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& pem) {
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(pem);
    return f.fileName();
  }
  static QString hashOf(const SluiceProcess& node) { return node.admin().get("/sluice/cluster").json()["config_hash"].toString(); }

 private slots:
  void initTestCase() {
    QVERIFY(certs_.isValid());
    SluiceProcess tool;
    QByteArray output;
    QCOMPARE(tool.run({"hybrid", "gen_cert", cert(), key()}, &output), 0);
    QVERIFY(QFile::exists(cert()));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(key()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    QVERIFY2(tool.run({"hybrid", "gen_cert", cert(), key()}, &output) != 0, "an existing pair is never overwritten");
    QVERIFY(output.contains("already exists"));
    clusterPort_ = SluiceProcess::freePort();
    // `sluice check` loads the cluster certificate, and names what is missing.
    SluiceProcess checked;
    controlPlane(checked);
    QCOMPARE(checked.run({"check"}, &output), 0);
    QVERIFY(output.contains("role control_plane: cluster certificate"));
    checked.setEnv("CLUSTER_CERT_KEY", certs_.filePath("missing.key"));
    QVERIFY(checked.run({"check"}, &output) != 0);
    QVERIFY2(output.contains("missing.key"), output.constData());
  }

  void dataPlanesServeWhatTheControlPlaneHolds() {
    UpstreamProcess upstream;
    QVERIFY(upstream.start());
    SluiceProcess cp, dp1, dp2;
    controlPlane(cp);
    dataPlane(dp1);
    dataPlane(dp2);
    QVERIFY(cp.start());
    QCOMPARE(cp.admin().sendJson("POST", "/services", {{"name", "echo"}, {"url", QString("http://127.0.0.1:%1").arg(upstream.port())}}).status, 201);
    QCOMPARE(cp.admin().sendJson("POST", "/services/echo/routes", {{"name", "before"}, {"paths", QJsonArray{"/before"}}}).status, 201);
    QVERIFY(dp1.start());
    QVERIFY(dp2.start());
    // The whole configuration on connect, then each change.
    for (SluiceProcess* dp : {&dp1, &dp2}) QTRY_COMPARE_WITH_TIMEOUT(dp->proxy().get("/before").status, 200, 10000);
    QCOMPARE(cp.admin().sendJson("POST", "/services/echo/routes", {{"name", "after"}, {"paths", QJsonArray{"/after"}}}).status, 201);
    for (SluiceProcess* dp : {&dp1, &dp2}) QTRY_COMPARE_WITH_TIMEOUT(dp->proxy().get("/after").status, 200, 3000);
    QCOMPARE(cp.admin().del("/routes/before").status, 204);
    for (SluiceProcess* dp : {&dp1, &dp2}) QTRY_COMPARE_WITH_TIMEOUT(dp->proxy().get("/before").status, 404, 3000);

    // Kong's list of data planes: both, with the control plane's configuration hash.
    const QString hash = hashOf(cp);
    QCOMPARE(hash.size(), 32);
    QVERIFY(hash != QString(32, '0'));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
          const QJsonArray rows = cp.admin().get("/clustering/data-planes").json()["data"].toArray();
          if (rows.size() != 2) return false;
          for (const auto& row : rows)
            if (row.toObject()["config_hash"].toString() != hash || row.toObject()["sync_status"].toString() != "normal") return false;
          return true;
        }(),
        5000);
    const QJsonObject row = cp.admin().get("/clustering/data-planes").json()["data"].toArray().first().toObject();
    for (const char* field : {"id", "hostname", "ip", "version", "config_hash", "last_seen", "sync_status"})
      QVERIFY2(row.contains(field), field);
    QCOMPARE(row["ip"].toString(), QString("127.0.0.1"));
    const HttpResponse status = cp.admin().get("/clustering/status");
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().size(), 2);
    QCOMPARE(status.header("Deprecation"), QByteArray("true"));
    QCOMPARE(hashOf(dp1), hash);
    QCOMPARE(dp1.admin().get("/status").json()["configuration_hash"].toString(), hash);

    // A data plane takes no configuration of its own, and has no list of data planes.
    QCOMPARE(dp1.admin().sendJson("POST", "/services", {{"name", "local"}, {"url", "http://127.0.0.1:1"}}).status, 405);
    QCOMPARE(dp1.admin().sendJson("POST", "/config", {{"config", "_format_version: \"2.1\"\n"}}).status, 400);
    QCOMPARE(dp1.admin().get("/clustering/data-planes").status, 400);
    QCOMPARE(SluiceProcess().admin().get("/clustering/data-planes").status, 0);  // (nothing listens there)
    QVERIFY(dp1.stop());
    QVERIFY(dp2.stop());
    QVERIFY(cp.stop());
  }

  void aDataPlaneOutlivesItsControlPlane() {
    UpstreamProcess upstream;
    QVERIFY(upstream.start());
    SluiceProcess cp, dp;
    controlPlane(cp);
    dataPlane(dp);
    QVERIFY(cp.start());
    QVERIFY(cp.routeTo(upstream.port(), "/kept"));
    QVERIFY(dp.start());
    QTRY_COMPARE_WITH_TIMEOUT(dp.proxy().get("/kept").status, 200, 10000);
    // The last good configuration, readable by its owner alone.
    const QString saved = dp.prefix() + "/config.cache.json";
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(saved), 5000);
    QCOMPARE(QFileInfo(saved).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());

    QVERIFY(cp.stop());
    QTest::qWait(500);
    QCOMPARE(dp.proxy().get("/kept").status, 200);  // keeps serving
    QVERIFY(dp.stop());
    QVERIFY(dp.start());  // restarts alone: serves what it saved
    QCOMPARE(dp.proxy().get("/kept").status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(dp.logs().contains("serving the configuration saved in"), 3000);

    QVERIFY(cp.start());  // comes back (same database, same cluster port): the data plane reconnects
    QCOMPARE(cp.admin().sendJson("POST", "/services/echo/routes", {{"name", "later"}, {"paths", QJsonArray{"/later"}}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(dp.proxy().get("/later").status, 200, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(hashOf(dp), hashOf(cp), 5000);
    QVERIFY(dp.stop());
    QVERIFY(cp.stop());
  }

  // cluster_mtls = pki: each node has its own certificate from one CA; the data plane checks the
  // control plane's name (cluster_server_name); a certificate of another CA is refused.
  void pkiModeTrustsTheAuthority() {
    QTemporaryDir dir;
    const auto ca = certificateAuthority("Sluice test cluster CA");
    const QString caFile = write(dir, "ca.crt", ca.cert);
    const auto cpPair = signedBy(ca, "cp.cluster.test"), dpPair = signedBy(ca, "dp1.cluster.test");
    const auto otherCa = certificateAuthority("Another CA");
    const auto strangerPair = signedBy(otherCa, "dp2.cluster.test");
    const auto pki = [&](SluiceProcess& node, const QString& role, const PemPair& pair, const QString& name) {
      node.setEnv("ROLE", role);
      node.setEnv("CLUSTER_MTLS", "pki");
      node.setEnv("CLUSTER_CA_CERT", caFile);
      node.setEnv("CLUSTER_CERT", write(dir, name + ".crt", pair.cert));
      node.setEnv("CLUSTER_CERT_KEY", write(dir, name + ".key", pair.key));
      node.setEnv(role == "control_plane" ? "CLUSTER_LISTEN" : "CLUSTER_CONTROL_PLANE", QString("127.0.0.1:%1").arg(clusterPort_));
      node.setEnv("CLUSTER_SERVER_NAME", "cp.cluster.test");
    };
    UpstreamProcess upstream;
    QVERIFY(upstream.start());
    SluiceProcess cp, dp, stranger, misnamed;
    pki(cp, "control_plane", cpPair, "cp");
    pki(dp, "data_plane", dpPair, "dp");
    pki(stranger, "data_plane", strangerPair, "stranger");
    pki(misnamed, "data_plane", dpPair, "misnamed");
    misnamed.setEnv("CLUSTER_SERVER_NAME", "elsewhere.cluster.test");  // not the name the control plane's certificate carries
    QVERIFY(cp.start());
    QVERIFY(cp.routeTo(upstream.port(), "/pki"));
    QVERIFY(dp.start());
    QTRY_COMPARE_WITH_TIMEOUT(dp.proxy().get("/pki").status, 200, 10000);
    QVERIFY(stranger.start());
    QVERIFY(misnamed.start());
    QTRY_VERIFY_WITH_TIMEOUT(stranger.logs().contains("cannot reach the control plane"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(misnamed.logs().contains("cannot reach the control plane"), 10000);
    QCOMPARE(stranger.proxy().get("/pki").status, 404);
    QCOMPARE(misnamed.proxy().get("/pki").status, 404);
    QCOMPARE(cp.admin().get("/clustering/data-planes").json()["data"].toArray().size(), 1);
    for (SluiceProcess* node : {&stranger, &misnamed, &dp, &cp}) QVERIFY(node->stop());
  }

  void theControlPlaneRefusesStrangers() {
    SluiceProcess cp;
    controlPlane(cp);
    QVERIFY(cp.start());
    // A data plane with a certificate of its own (another gen_cert pair).
    QTemporaryDir other;
    SluiceProcess tool, stranger;
    QCOMPARE(tool.run({"hybrid", "gen_cert", other.filePath("c.crt"), other.filePath("c.key")}), 0);
    dataPlane(stranger, other.filePath("c.crt"), other.filePath("c.key"));
    QVERIFY(stranger.start());
    QTRY_VERIFY_WITH_TIMEOUT(stranger.logs().contains("cannot reach the control plane"), 10000);
    QCOMPARE(cp.admin().get("/clustering/data-planes").json()["data"].toArray().size(), 0);
    QVERIFY(stranger.stop());

    // A data plane newer than the control plane (its next minor version): refused with the reason.
    QByteArray printed;
    QCOMPARE(tool.run({"version"}, &printed), 0);
    const QList<QByteArray> parts = printed.split(' ').value(1).split('.');
    QVERIFY(parts.size() == 3);
    const std::string newer = QString("%1.%2.0").arg(parts[0].toInt()).arg(parts[1].toInt() + 1).toStdString();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, key().toStdString(),
                                                             cert().toStdString(), cert().toStdString(), Poco::Net::Context::VERIFY_RELAXED);
    Poco::Net::SecureStreamSocket socket(context);
    socket.setPeerHostName("kong_clustering");
    Poco::Net::HTTPSClientSession session(socket);
    session.setHost("127.0.0.1");
    session.setPort(clusterPort_);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET,
                                   "/v1/outlet?node_id=5b3b0a52-5b7c-4a4b-9a53-2f0e2a8c9d11&node_hostname=future&node_version=" + newer,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    Poco::Net::WebSocket ws(session, request, response);
    ws.setReceiveTimeout(Poco::Timespan(5, 0));
    char buffer[1024];
    int flags = 0;
    const int n = ws.receiveFrame(buffer, sizeof buffer, flags);
    QCOMPARE(flags & Poco::Net::WebSocket::FRAME_OP_BITMASK, int(Poco::Net::WebSocket::FRAME_OP_CLOSE));
    const QByteArray reason(buffer + 2, n - 2);
    QVERIFY2(reason.contains("newer than control plane version"), reason.constData());
    QTRY_VERIFY_WITH_TIMEOUT(cp.logs().contains("refused data plane future"), 3000);
    const QJsonArray rows = cp.admin().get("/clustering/data-planes").json()["data"].toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().toObject()["sync_status"].toString(), QString("kong_version_incompatible"));
    QVERIFY(cp.stop());
  }
};

QTEST_GUILESS_MAIN(TestHybrid)
#include "test_hybrid.moc"
