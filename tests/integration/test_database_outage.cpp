// PostgreSQL going away: the Admin API answers 503 with a JSON message, and recovers by itself
// when the database is back. The test runs its own PostgreSQL so that it can stop and restart it.
#include "sluice_process.h"

#include <QProcess>
#include <QtTest>

using namespace sluice::test;

namespace {

const QString kDir = QString("/tmp/sluice-outage-pg-%1").arg(QCoreApplication::applicationPid());

bool fixture(const QStringList& args) {
  QProcess p;
  p.setProcessChannelMode(QProcess::ForwardedChannels);
  p.start(SLUICE_PG_FIXTURE, args);
  return p.waitForFinished(60000) && p.exitCode() == 0;
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
};

QTEST_GUILESS_MAIN(TestDatabaseOutage)
#include "test_database_outage.moc"
