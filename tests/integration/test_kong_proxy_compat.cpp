// Kong 2.8's proxy behaviours that users' configurations rely on, through a real sluice: a route
// without a service runs its plugins before Kong's 503, a disabled service's routes are not
// routed, and SIGTERM ends within the drain timeout even while a log endpoint is down.
#include "sluice_process.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

#include <csignal>

using namespace sluice::test;

class TestKongProxyCompat : public QObject {
  Q_OBJECT

  // Repeats the request until its status is `expected` (the snapshot is rebuilt asynchronously).
  HttpResponse until(const SluiceProcess& sluice, int expected, const QByteArray& path) {
    HttpResponse r;
    for (int i = 0; i < 100; ++i) {
      r = sluice.proxy().get(path);
      if (r.status == expected) break;
      QTest::qWait(50);
    }
    return r;
  }

 private slots:
  void routeWithoutServiceRunsItsPlugins() {
    SluiceProcess sluice;
    QVERIFY(sluice.start());
    const HttpClient api = sluice.admin();
    api.create("/routes", {{"name", "lonely"}, {"paths", QJsonArray{"/lonely"}}});
    api.create("/routes", {{"name", "guarded"}, {"paths", QJsonArray{"/guarded"}}});
    api.create("/routes", {{"name", "answered"}, {"paths", QJsonArray{"/answered"}}});
    HttpResponse r = until(sluice, 503, "/lonely");
    QCOMPARE(r.status, 503);
    QCOMPARE(r.json()["message"].toString(), QString("no Service found with those values"));
    api.create("/routes/guarded/plugins", {{"name", "key-auth"}});
    r = until(sluice, 401, "/guarded");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("No API key found in request"));
    api.create("/routes/answered/plugins",
           {{"name", "request-termination"}, {"config", QJsonObject{{"status_code", 200}, {"message", "served by a plugin"}}}});
    r = until(sluice, 200, "/answered");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["message"].toString(), QString("served by a plugin"));
    QVERIFY(sluice.stop());
  }

  // Kong leaves the routes of a disabled service out of its router.
  void disabledServiceIsNotRouted() {
    SluiceProcess sluice;
    QVERIFY(sluice.start());
    const HttpClient api = sluice.admin();
    api.create("/services", {{"name", "off"}, {"host", "127.0.0.1"}, {"port", 9}, {"enabled", false}});
    api.create("/services/off/routes", {{"paths", QJsonArray{"/off"}}});
    const HttpResponse r = until(sluice, 404, "/off");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json()["message"].toString(), QString("no Route matched with those values"));
    QVERIFY(sluice.stop());
  }

  // http-log retries an endpoint that is down; on SIGTERM what is queued is dropped by the end of
  // drain_timeout and the process exits cleanly.
  void shutdownDoesNotWaitForADeadLogEndpoint() {
    SluiceProcess sluice;
    sluice.setEnv("DRAIN_TIMEOUT", "2s");
    QVERIFY(sluice.start());
    const HttpClient api = sluice.admin();
    const quint16 nobody = SluiceProcess::freePort();  // nothing listens there
    api.create("/routes", {{"name", "logged"}, {"paths", QJsonArray{"/logged"}}});
    api.create("/routes/logged/plugins", {{"name", "request-termination"}, {"config", QJsonObject{{"status_code", 200}}}});
    api.create("/routes/logged/plugins",
           {{"name", "http-log"},
            {"config", QJsonObject{{"http_endpoint", QString("http://127.0.0.1:%1/logs").arg(nobody)}, {"retry_count", 1000}}}});
    QVERIFY(until(sluice, 200, "/logged").status == 200);
    QTest::qWait(500);  // let the plugin's sender start failing and retrying
    for (int i = 0; i < 5; ++i) QCOMPARE(sluice.proxy().get("/logged").status, 200);
    QElapsedTimer timer;
    timer.start();
    sluice.signal(SIGTERM);
    QVERIFY2(sluice.waitForExit(15000), sluice.logs().right(2000).constData());
    QVERIFY2(timer.elapsed() < 8000, qPrintable(QString("exit took %1 ms").arg(timer.elapsed())));
    QVERIFY2(sluice.logs().contains("dropped at shutdown"), sluice.logs().right(2000).constData());
  }
};

QTEST_GUILESS_MAIN(TestKongProxyCompat)
#include "test_kong_proxy_compat.moc"
