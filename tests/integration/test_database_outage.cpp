// PostgreSQL going away: the Admin API answers 503 with a JSON message, and recovers by itself
// when the database is back. PostgreSQL killed (SIGKILL, backends and all) under a stream of Admin
// writes: every write answered 201 is there afterwards, the others were answered 503, and the proxy
// serves the last configuration throughout. The test runs its own PostgreSQL so that it can stop,
// kill and restart it.
#include "sluice_process.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QtTest>

#include <atomic>
#include <map>
#include <thread>

using namespace sluice::test;

namespace {

const QString kDir = QString("/tmp/sluice-outage-pg-%1").arg(QCoreApplication::applicationPid());

bool fixture(const QStringList& args) {
  QProcess p;
  p.setProcessChannelMode(QProcess::ForwardedChannels);
  p.start(SLUICE_PG_FIXTURE, args);
  return p.waitForFinished(60000) && p.exitCode() == 0;
}

// One value from a query on the server at `port` (the suite's PostgreSQL or its replica).
QByteArray psql(const QString& port, const QString& sql) {
  QProcess p;
  p.start("psql", {"-h", "127.0.0.1", "-p", port, "-U", "sluice", "-d", "sluice", "-Atc", sql});
  p.waitForFinished(30000);
  return p.readAllStandardOutput().trimmed();
}

}  // namespace

class TestDatabaseOutage : public QObject {
  Q_OBJECT

  QString port_ = QString::number(SluiceProcess::freePort());

 private slots:
  void initTestCase() { QVERIFY(fixture({"start", kDir, port_})); }
  void cleanupTestCase() { fixture({"stop", kDir}); }

  void adminApiAnswers503AndRecovers() {
    SluiceProcess sluice;
    sluice.setEnv("DATABASE", "postgres");
    sluice.setEnv("PG_PORT", port_);
    QByteArray output;
    QCOMPARE(sluice.run({"migrations", "bootstrap"}, &output), 0);
    QVERIFY(sluice.start());
    HttpClient api = sluice.admin();
    QCOMPARE(api.sendJson("POST", "/consumers", {{"username", "before"}}).status, 201);

    QVERIFY(fixture({"halt", kDir}));
    const auto down = api.get("/consumers");
    QCOMPARE(down.status, 503);
    QVERIFY(down.json()["message"].toString().contains("PostgreSQL"));
    QCOMPARE(api.sendJson("POST", "/consumers", {{"username", "during"}}).status, 503);
    const auto status = api.get("/status");
    QCOMPARE(status.status, 503);
    QCOMPARE(status.json()["database"].toObject()["reachable"].toBool(), false);

    QVERIFY(fixture({"resume", kDir, port_}));
    QTRY_COMPARE_WITH_TIMEOUT(api.get("/consumers/before").status, 200, 15000);
    QCOMPARE(api.sendJson("POST", "/consumers", {{"username", "after"}}).status, 201);
    QCOMPARE(api.get("/status").status, 200);
    QVERIFY(sluice.stop());
  }

  void acknowledgedWritesSurviveAKilledServer() {
    UpstreamProcess upstream;
    QVERIFY(upstream.start());
    SluiceProcess sluice;
    sluice.setEnv("DATABASE", "postgres");
    sluice.setEnv("PG_PORT", port_);
    sluice.run({"migrations", "bootstrap"});  // (done already when the test above ran)
    QCOMPARE(sluice.run({"migrations", "up"}), 0);
    QVERIFY(sluice.start());
    HttpClient api = sluice.admin();
    QVERIFY(sluice.routeTo(upstream.port(), "/kept", "kept"));

    // One write after another, each answer noted, for at most 40 s.
    std::map<int, int> answers;  // write number → status
    std::atomic<bool> stop{false};
    std::atomic<int> acknowledged{0}, refused{0};
    QString refusal;  // the first refusal's message
    std::thread writer([&] {
      HttpClient client(sluice.adminPort());
      QElapsedTimer timer;
      timer.start();
      for (int i = 0; !stop && timer.elapsed() < 40000; ++i) {
        const auto r = client.sendJson("POST", "/consumers", {{"username", QString("stream-%1").arg(i)}});
        const int status = r.status;
        if (status != 201 && refusal.isEmpty()) refusal = r.json()["message"].toString();
        answers[i] = status;
        (status == 201 ? acknowledged : refused)++;
      }
    });
    auto joinWriter = qScopeGuard([&] {
      stop = true;
      writer.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged >= 30, 15000);
    QVERIFY(fixture({"crash", kDir}));
    QTRY_VERIFY_WITH_TIMEOUT(refused >= 5, 10000);
    for (int i = 0; i < 5; ++i) QCOMPARE(sluice.proxy().get("/kept").status, 200);  // the last configuration serves
    QVERIFY(fixture({"resume", kDir, port_}));
    const int before = acknowledged;
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged >= before + 30, 20000);  // recovered without a restart
    stop = true;
    writer.join();
    joinWriter.dismiss();

    int lost = 0, answered201 = 0;
    QMap<int, int> others;
    for (const auto& [i, status] : answers) {
      if (status == 201) {
        ++answered201;
        if (api.get("/consumers/stream-" + QByteArray::number(i)).status != 200) ++lost;
      } else {
        others[status]++;
      }
    }
    qInfo("%d writes acknowledged, %d refused (by status: 503 × %d)", answered201, int(answers.size()) - answered201, others.value(503));
    QCOMPARE(lost, 0);
    QVERIFY(!others.isEmpty());
    QCOMPARE(others.keys(), QList<int>{503});  // nothing but 201 and 503
    QVERIFY2(refusal.contains("PostgreSQL"), qPrintable(refusal));
    QVERIFY(sluice.stop());
  }

  // pg_ro_host (Kong 2.8): a node's own configuration reads go to a read-only server — here a real
  // streaming replica of the suite's PostgreSQL. A change is read there once the replica has
  // replayed it; from the primary when the replica lags past pg_ro_max_lag or is away.
  void readOnlyServerTakesTheConfigurationReads() {
    const QString replicaDir = kDir + "-replica", replicaPort = QString::number(SluiceProcess::freePort());
    QVERIFY(fixture({"replica", replicaDir, replicaPort, port_}));
    auto removeReplica = qScopeGuard([&] { fixture({"stop", replicaDir}); });
    UpstreamProcess upstream;
    QVERIFY(upstream.start());
    SluiceProcess writer, reader;
    for (SluiceProcess* node : {&writer, &reader}) {
      node->setEnv("DATABASE", "postgres");
      node->setEnv("PG_PORT", port_);
    }
    reader.setEnv("PG_RO_HOST", "127.0.0.1");
    reader.setEnv("PG_RO_PORT", replicaPort);
    reader.setEnv("PG_RO_MAX_LAG", "500ms");
    writer.run({"migrations", "bootstrap"});  // (done already when the cases before ran)
    QVERIFY(writer.start());
    QVERIFY(reader.start());
    HttpClient admin = writer.admin(), proxy = reader.proxy();
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "ro"}, {"url", QString("http://127.0.0.1:%1").arg(upstream.port())}}).status, 201);
    const auto route = [&](const QString& name) {
      return admin.sendJson("POST", "/services/ro/routes", {{"name", name}, {"paths", QJsonArray{"/" + name}}}).status;
    };
    QCOMPARE(route("ro-1"), 201);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.get("/ro-1").status, 200, 5000);
    QVERIFY(reader.logs().contains("configuration reads go to the read-only server"));
    QVERIFY(psql(replicaPort, "SELECT count(*) FROM pg_stat_activity WHERE datname = 'sluice' AND application_name = 'sluice'").toInt() >= 1);
    // Replay paused: the change waits for the replica up to 500 ms, then is read from the primary.
    QCOMPARE(psql(replicaPort, "SELECT pg_is_in_recovery()"), QByteArray("t"));
    psql(replicaPort, "SELECT pg_wal_replay_pause()");
    // (The pause takes hold at the next record replayed.)
    QCOMPARE(admin.sendJson("POST", "/consumers", {{"username", "replay-paused"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(psql(replicaPort, "SELECT pg_get_wal_replay_pause_state()"), QByteArray("paused"), 5000);
    QCOMPARE(route("ro-2"), 201);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.get("/ro-2").status, 200, 5000);
    QVERIFY(reader.logs().contains("the read-only server is passed over (more than 500 ms behind)"));
    psql(replicaPort, "SELECT pg_wal_replay_resume()");
    QCOMPARE(route("ro-3"), 201);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.get("/ro-3").status, 200, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(reader.logs().contains("the read-only server has caught up"), 5000);
    // The replica away: the primary answers.
    QVERIFY(fixture({"halt", replicaDir}));
    QCOMPARE(route("ro-4"), 201);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.get("/ro-4").status, 200, 5000);
    QVERIFY(writer.stop());
    QVERIFY(reader.stop());
  }
};

QTEST_GUILESS_MAIN(TestDatabaseOutage)
#include "test_database_outage.moc"
