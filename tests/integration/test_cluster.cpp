// Two sluice nodes on one PostgreSQL: a write through either node's Admin API reaches the other
// node's proxy within moments (LISTEN/NOTIFY), not on a polling period.
#include "sluice_process.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestCluster : public QObject {
  Q_OBJECT

 private slots:
  void writesOnOneNodeReachTheOther() {
    UpstreamProcess upstream;
    QVERIFY(upstream.start());
    SluiceProcess a, b;
    QVERIFY(a.useBackend("postgres"));
    QVERIFY(b.usePostgresFromFixture());
    QVERIFY(a.start());
    QVERIFY(b.start());
    HttpClient adminA = a.admin(), proxyB = b.proxy();
    QCOMPARE(adminA.sendJson("POST", "/services", {{"name", "echo"}, {"url", QString("http://127.0.0.1:%1").arg(upstream.port())}}).status, 201);
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
};

QTEST_GUILESS_MAIN(TestCluster)
#include "test_cluster.moc"
