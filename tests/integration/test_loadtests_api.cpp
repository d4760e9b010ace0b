// POST /sluice/loadtests: a load test run by the gateway host against one of its own routes —
// exact counts, progress by polling and as a stream, the node's limits, nothing but the named
// route, a consumer's key sent for it, one test at a time, cancel, and results kept over a restart.
#include "plugin_test_bed.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

using namespace sluice::test;

class TestLoadtestsApi : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

  // Polls a test until it is no longer running (30 s at most); returns its last record.
  QJsonObject finished(const QString& id) {
    QJsonObject run;
    for (int i = 0; i < 300; ++i) {
      run = bed_.admin().get("/sluice/loadtests/" + id.toUtf8()).json();
      if (run["state"].toString() != "running") break;
      QTest::qWait(100);
    }
    return run;
  }
  HttpResponse post(const QJsonObject& body) { return bed_.admin().sendJson("POST", "/sluice/loadtests", body); }

 private slots:
  void initTestCase() {
    bed_.sluice().setEnv("LOADTEST_MAX_DURATION", "20s");
    bed_.sluice().setEnv("LOADTEST_MAX_CONNECTIONS", "50");
    bed_.sluice().setEnv("LOADTEST_MAX_THREADS", "2");
    QVERIFY(bed_.start());
    bed_.create("/services/echo/routes", {{"name", "orders"}, {"paths", QJsonArray{"/orders"}}});
    bed_.create("/services/echo/routes", {{"name", "keyed"}, {"paths", QJsonArray{"/keyed"}}});
    bed_.create("/routes/keyed/plugins", {{"name", "key-auth"}, {"config", QJsonObject{{"key_names", QJsonArray{"x-key"}}}}});
    bed_.create("/consumers", {{"username", "alice"}});
    bed_.create("/consumers/alice/key-auth", {{"key", "alice-secret"}});
    bed_.create("/services/echo/routes", {{"name", "signed"}, {"paths", QJsonArray{"/signed"}}});
    bed_.create("/routes/signed/plugins", {{"name", "jwt"}, {"config", QJsonObject{{"claims_to_verify", QJsonArray{"exp"}}}}});
    bed_.create("/consumers", {{"username", "dave"}});
    bed_.create("/consumers/dave/jwt", {{"key", "dave-iss"}, {"secret", "dave-secret-of-some-length"}, {"algorithm", "HS384"}});
    QCOMPARE(bed_.until(200, "/orders/1").status, 200);
    QCOMPARE(bed_.until(401, "/signed").status, 401);
    QCOMPARE(bed_.until(401, "/keyed").status, 401);
  }

  void runsAgainstARouteAndCountsExactly() {
    const auto r = post({{"route", "orders"}, {"path", "/orders/42"}, {"requests", 300}, {"connections", 4},
                         {"thresholds", QJsonArray{"p99<5s"}}});
    QCOMPARE(r.status, 201);
    const QJsonObject started = r.json();
    QCOMPARE(started["state"].toString(), QString("running"));
    QVERIFY(r.header("Location").endsWith(started["id"].toString().toUtf8()));
    QCOMPARE(started["request"].toObject()["route"].toString(), QString("orders"));
    const QJsonObject run = finished(started["id"].toString());
    QCOMPARE(run["state"].toString(), QString("finished"));
    const QJsonObject result = run["result"].toObject();
    QCOMPARE(result["requests"].toInt(), 300);
    QCOMPARE(result["status"].toObject()["200"].toInt(), 300);
    QVERIFY(result["passed"].toBool());
    QVERIFY(result["latency_ms"].toObject().contains("p99"));
    QVERIFY(!run["seconds"].toArray().isEmpty());
    // Listed with its headline figures, newest first.
    const QJsonObject listed = bed_.admin().get("/sluice/loadtests").json()["data"].toArray().first().toObject();
    QCOMPARE(listed["id"], started["id"]);
    QCOMPARE(listed["requests"].toInt(), 300);
    // ?since= gives only the later seconds.
    const int total = run["seconds_total"].toInt();
    const QJsonObject tail = bed_.admin().get("/sluice/loadtests/" + started["id"].toString().toUtf8() + "?since=" + QByteArray::number(total)).json();
    QVERIFY(tail["seconds"].toArray().isEmpty());
  }

  void refusesWhatItMayNotDo_data() {
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no route") << QJsonObject{{"requests", 10}} << "route";
    QTest::newRow("unknown route") << QJsonObject{{"route", "nope"}} << "route";
    QTest::newRow("a URL") << QJsonObject{{"route", "orders"}, {"url", "http://example.com/"}} << "url";
    QTest::newRow("another route's path") << QJsonObject{{"route", "main"}, {"path", "/orders/1"}} << "path";
    QTest::newRow("too long") << QJsonObject{{"route", "orders"}, {"duration", "1m"}} << "duration";
    QTest::newRow("too many connections") << QJsonObject{{"route", "orders"}, {"connections", 51}} << "connections";
    QTest::newRow("too many threads") << QJsonObject{{"route", "orders"}, {"threads", 3}} << "threads";
    QTest::newRow("bad stages") << QJsonObject{{"route", "orders"}, {"stages", "soon"}} << "stages";
    QTest::newRow("bad threshold") << QJsonObject{{"route", "orders"}, {"thresholds", QJsonArray{"p99<<1"}}} << "thresholds";
    QTest::newRow("unknown consumer") << QJsonObject{{"route", "keyed"}, {"consumer", "bob"}} << "consumer";
    QTest::newRow("bad think time") << QJsonObject{{"route", "orders"}, {"think_time", "3s-1s"}} << "think_time";
  }
  void refusesWhatItMayNotDo() {
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const auto r = post(body);
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json()["fields"].toObject().contains(field), r.body.constData());
  }

  void thinksBetweenRequests() {
    // Two connections pausing 200 ms after each answer for 2 s: about twenty requests.
    const auto r = post({{"route", "orders"}, {"duration", "2s"}, {"connections", 2}, {"think_time", "200ms"}});
    QCOMPARE(r.status, 201);
    const QJsonObject result = finished(r.json()["id"].toString())["result"].toObject();
    QVERIFY2(result["requests"].toInt() >= 14 && result["requests"].toInt() <= 24, qPrintable(QString::number(result["requests"].toInt())));
    QCOMPARE(post({{"route", "orders"}, {"rate", 50}, {"think_time", "1s"}}).status, 400);  // an open loop has no think time
  }

  void findsARoutesCapacity() {
    // Two connections to answers that take 20 ms: the knee is below 100 requests a second.
    const auto r = post({{"route", "orders"}, {"path", "/orders/delay/20"}, {"connections", 2},
                         {"capacity", QJsonObject{{"start_rate", 40}, {"step", 40}, {"step_duration", "1s"}, {"max_steps", 5}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["request"].toObject()["mode"].toString(), QString("capacity"));
    const QJsonObject run = finished(r.json()["id"].toString());
    QCOMPARE(run["state"].toString(), QString("finished"));
    const QJsonObject capacity = run["result"].toObject()["capacity"].toObject();
    QVERIFY2(capacity["knee_rps"].toDouble() >= 40 && capacity["knee_rps"].toDouble() <= 80, qPrintable(QJsonDocument(capacity).toJson()));
    const QJsonArray steps = capacity["steps"].toArray();
    QVERIFY(steps.size() >= 2);
    QVERIFY(!steps.last().toObject()["met"].toBool());
    QVERIFY(capacity["stopped_because"].toString().contains("no longer follows"));
    // Each second says the rate it was offered.
    QCOMPARE(run["seconds"].toArray().first().toObject()["offered_rps"].toDouble(), 40.0);
    const QJsonObject listed = bed_.admin().get("/sluice/loadtests").json()["data"].toArray().first().toObject();
    QCOMPARE(listed["knee_rps"].toDouble(), capacity["knee_rps"].toDouble());
    // A search longer than loadtest_max_duration (20 s), or one that cannot run, is refused.
    for (const QJsonObject& bad : {QJsonObject{{"max_steps", 30}, {"step_duration", "1s"}}, QJsonObject{{"step", 0}},
                                   QJsonObject{{"p99_limit", "soon"}}}) {
      const auto refused = post({{"route", "orders"}, {"capacity", bad}});
      QCOMPARE(refused.status, 400);
      bool named = false;
      for (const auto& key : refused.json()["fields"].toObject().keys()) named = named || key.startsWith("capacity");
      QVERIFY2(named, refused.body.constData());
    }
  }

  void sendsAConsumersKey() {
    auto r = post({{"route", "keyed"}, {"requests", 50}, {"consumer", "alice"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(finished(r.json()["id"].toString())["result"].toObject()["status"].toObject()["200"].toInt(), 50);
    r = post({{"route", "keyed"}, {"requests", 50}});
    QCOMPARE(r.status, 201);
    const QJsonObject result = finished(r.json()["id"].toString())["result"].toObject();
    QCOMPARE(result["status"].toObject()["401"].toInt(), 50);
    QVERIFY(!result["passed"].toBool() || result["errors"].toInt() == 50);
  }

  void signsAConsumersJwt() {
    const auto r = post({{"route", "signed"}, {"requests", 40}, {"consumer", "dave"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(finished(r.json()["id"].toString())["result"].toObject()["status"].toObject()["200"].toInt(), 40);
  }

  void oneAtATimeAndCancel() {
    const auto r = post({{"route", "orders"}, {"duration", "15s"}, {"rate", 50}});
    QCOMPARE(r.status, 201);
    const QString id = r.json()["id"].toString();
    const auto second = post({{"route", "orders"}, {"requests", 10}});
    QCOMPARE(second.status, 409);
    QCOMPARE(second.json()["running"].toString(), id);
    QTest::qWait(1200);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(bed_.admin().del("/sluice/loadtests/" + id.toUtf8()).status, 204);
    const QJsonObject run = finished(id);
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(run["state"].toString(), QString("cancelled"));
    QVERIFY(run["result"].toObject()["requests"].toInt() > 20);
    QCOMPARE(run["result"].toObject()["mode"].toString(), QString("constant-rate"));
  }

  void streamsProgress() {
    const auto r = post({{"route", "orders"}, {"duration", "3s"}, {"connections", 2}});
    QCOMPARE(r.status, 201);
    const QByteArray id = r.json()["id"].toString().toUtf8();
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", bed_.sluice().adminPort());
    QVERIFY(socket.waitForConnected(2000));
    socket.write("GET /sluice/loadtests/" + id + "/stream HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n");
    QByteArray stream;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000 && !stream.contains("event: end")) {
      socket.waitForReadyRead(200);
      stream += socket.readAll();
    }
    QVERIFY2(stream.startsWith("HTTP/1.1 200"), stream.left(200).constData());
    QVERIFY(stream.contains("text/event-stream"));
    QVERIFY2(stream.count("event: second") >= 3, stream.constData());
    QVERIFY(stream.contains("event: end"));
    QCOMPARE(bed_.admin().get("/sluice/loadtests/nope/stream").status, 404);
  }

  void keepsResultsOverARestart() {
    const QJsonArray before = bed_.admin().get("/sluice/loadtests").json()["data"].toArray();
    QVERIFY(before.size() >= 4);
    QVERIFY(bed_.sluice().stop());
    QVERIFY(bed_.sluice().start());
    const QJsonArray after = bed_.admin().get("/sluice/loadtests").json()["data"].toArray();
    QCOMPARE(after.size(), before.size());
    QCOMPARE(after.first().toObject()["id"], before.first().toObject()["id"]);
    const QString id = after.last().toObject()["id"].toString();
    QCOMPARE(bed_.admin().get("/sluice/loadtests/" + id.toUtf8()).json()["result"].toObject()["requests"].toInt(), 300);
    QCOMPARE(bed_.admin().del("/sluice/loadtests/" + id.toUtf8()).status, 204);
    QCOMPARE(bed_.admin().get("/sluice/loadtests/" + id.toUtf8()).status, 404);
  }
};

QTEST_GUILESS_MAIN(TestLoadtestsApi)
#include "test_loadtests_api.moc"
