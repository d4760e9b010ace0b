// Two sluice nodes on one PostgreSQL: a write through either node's Admin API reaches the other
// node's proxy within moments (LISTEN/NOTIFY), not on a polling period.
#include "admitted_in_turns.h"
#include "sluice_process.h"
#include "upstream_process.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace sluice::test;

class TestCluster : public QObject {
  Q_OBJECT

  // Two nodes on the fixture's PostgreSQL (freshly bootstrapped) with a service "echo".
  bool startTwoNodes(UpstreamProcess& upstream, SluiceProcess& a, SluiceProcess& b) {
    return upstream.start() && a.useBackend("postgres") && b.usePostgresFromFixture() && a.start() && b.start() &&
           a.admin().sendJson("POST", "/services", {{"name", "echo"}, {"url", QString("http://127.0.0.1:%1").arg(upstream.port())}}).status == 201;
  }

 private slots:
  void writesOnOneNodeReachTheOther() {
    UpstreamProcess upstream;
    SluiceProcess a, b;
    QVERIFY(startTwoNodes(upstream, a, b));
    HttpClient adminA = a.admin(), proxyB = b.proxy();
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(adminA.sendJson("POST", "/services/echo/routes", {{"name", "r"}, {"paths", QJsonArray{"/cluster"}}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(proxyB.get("/cluster").status, 200, 3000);
    QVERIFY2(timer.elapsed() < 900, qPrintable(QString("took %1 ms").arg(timer.elapsed())));  // well inside the 1 s fallback tick
    QCOMPARE(b.admin().del("/routes/r").status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(a.proxy().get("/cluster").status, 404, 3000);
    QVERIFY(a.stop());
    QVERIFY(b.stop());
  }

  // A plugin's entity (key-auth's credentials, a table of the plugin's own migration) notifies the
  // other node as the core entities do.
  void aCredentialOnOneNodeReachesTheOther() {
    UpstreamProcess upstream;
    SluiceProcess a, b;
    QVERIFY(startTwoNodes(upstream, a, b));
    HttpClient adminA = a.admin(), proxyB = b.proxy();
    QCOMPARE(adminA.sendJson("POST", "/services/echo/routes", {{"name", "r"}, {"paths", QJsonArray{"/keyed"}}}).status, 201);
    QCOMPARE(adminA.sendJson("POST", "/routes/r/plugins", {{"name", "key-auth"}}).status, 201);
    QCOMPARE(adminA.sendJson("POST", "/consumers", {{"username", "carol"}}).status, 201);
    const QList<QPair<QByteArray, QByteArray>> key{{"apikey", "carol-key"}};
    QTRY_COMPARE_WITH_TIMEOUT(proxyB.request("GET", "/keyed", {}, key).status, 401, 3000);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(adminA.sendJson("POST", "/consumers/carol/key-auth", {{"key", "carol-key"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(proxyB.request("GET", "/keyed", {}, key).status, 200, 3000);
    QVERIFY2(timer.elapsed() < 900, qPrintable(QString("took %1 ms").arg(timer.elapsed())));  // notified, not the 1 s tick
    QVERIFY(a.stop());
    QVERIFY(b.stop());
  }

  // Queries through Debian's PgBouncer in transaction mode, LISTEN on a session connection to
  // PostgreSQL itself (pg_notify_port): both nodes take writes, and each serves the other's at once.
  void throughPgBouncerInTransactionMode() {
    const QString pgPort = qEnvironmentVariable("SLUICE_TEST_PG_PORT");
    const QString dir = QString("/tmp/sluice-test-pgbouncer-%1").arg(QCoreApplication::applicationPid());
    const quint16 bouncerPort = SluiceProcess::freePort();
    const auto fixture = [&](const QStringList& args) { return QProcess::execute(SLUICE_PGBOUNCER_FIXTURE, args); };
    UpstreamProcess upstream;
    SluiceProcess a, b;
    QVERIFY(upstream.start());
    QVERIFY(a.useBackend("postgres"));  // (bootstrapped directly: migrations take session locks)
    QVERIFY(b.usePostgresFromFixture());
    QCOMPARE(fixture({"start", dir, QString::number(bouncerPort), pgPort}), 0);
    for (SluiceProcess* node : {&a, &b}) {
      node->setEnv("PG_PORT", QString::number(bouncerPort));
      node->setEnv("PG_NOTIFY_PORT", pgPort);
    }
    QVERIFY(a.start());
    QVERIFY(b.start());
    QCOMPARE(a.admin().sendJson("POST", "/services", {{"name", "echo"}, {"url", QString("http://127.0.0.1:%1").arg(upstream.port())}}).status, 201);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(a.admin().sendJson("POST", "/services/echo/routes", {{"name", "via-a"}, {"paths", QJsonArray{"/via-a"}}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(b.proxy().get("/via-a").status, 200, 3000);
    QVERIFY2(timer.elapsed() < 900, qPrintable(QString("took %1 ms").arg(timer.elapsed())));  // notified, not polled
    QCOMPARE(b.admin().sendJson("POST", "/services/echo/routes", {{"name", "via-b"}, {"paths", QJsonArray{"/via-b"}}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(a.proxy().get("/via-b").status, 200, 3000);
    QCOMPARE(a.admin().get("/routes").json()["data"].toArray().size(), 2);
    // The queries did go through PgBouncer.
    QFile log(dir + "/pgbouncer.log");
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("login attempt: db=sluice user=sluice"));
    QVERIFY(a.stop());
    QVERIFY(b.stop());
    QCOMPARE(fixture({"stop", dir}), 0);
  }

  // rate-limiting with policy = cluster: both nodes count in the shared database.
  void rateLimitingClusterPolicyKeepsOneCount() {
    UpstreamProcess upstream;
    SluiceProcess a, b;
    QVERIFY(startTwoNodes(upstream, a, b));
    HttpClient adminA = a.admin();
    QCOMPARE(adminA.sendJson("POST", "/services/echo/routes", {{"name", "r"}, {"paths", QJsonArray{"/limited"}}}).status, 201);
    const qint64 intoHour = QDateTime::currentSecsSinceEpoch() % 3600;
    if (intoHour > 3590) QTest::qWait(static_cast<int>((3601 - intoHour) * 1000));  // one hour window for the whole case
    QCOMPARE(adminA.sendJson("POST", "/plugins", {{"name", "rate-limiting"},
                                                  {"config", QJsonObject{{"hour", 6}, {"policy", "cluster"}, {"limit_by", "header"}, {"header_name", "X-Tenant"}}}})
                 .status,
             201);
    const QList<QPair<QByteArray, QByteArray>> tenant{{"X-Tenant", "t"}}, warmup{{"X-Tenant", "warmup"}};
    for (SluiceProcess* node : {&a, &b})
      QTRY_VERIFY_WITH_TIMEOUT(!node->proxy().request("GET", "/limited", {}, warmup).header("RateLimit-Limit").isEmpty(), 5000);
    for (int i = 0; i < 3; ++i) QCOMPARE(a.proxy().request("GET", "/limited", {}, tenant).status, 200);
    QTest::qWait(400);
    QCOMPARE(b.proxy().request("GET", "/limited", {}, tenant).status, 200);  // b learns the total with its first request
    QTest::qWait(400);
    QCOMPARE(b.proxy().request("GET", "/limited", {}, tenant).header("RateLimit-Remaining"), QByteArray("1"));
    // The last request goes to whichever node holds it (a node without requests keeps a little):
    // together the nodes let through the limit, no more and no fewer.
    const auto through = [&](SluiceProcess& node) { return [&tenant, n = &node] { return n->proxy().request("GET", "/limited", {}, tenant).status; }; };
    QCOMPARE(5 + admittedInTurns({through(a), through(b)}, 4, 300), 6);
    QCOMPARE(a.proxy().request("GET", "/limited", {}, tenant).status, 429);
    QCOMPARE(b.proxy().request("GET", "/limited", {}, tenant).status, 429);
    QVERIFY(a.stop());
    QVERIFY(b.stop());
  }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "test_cluster.moc"
