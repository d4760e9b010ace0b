// rate-limiting (local policy) through a real sluice and a real upstream: Kong's headers and 429,
// identifiers, windows that reset, counters that survive configuration changes, config checks.
#include "admitted_in_turns.h"
#include "plugin_test_bed.h"

#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace sluice::test;

class TestPluginsRateLimiting : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

  HttpResponse get(const QList<QPair<QByteArray, QByteArray>>& headers = {}) { return bed_.proxy().request("GET", "/", {}, headers); }
  // Waits until the plugin answers (its headers appear); the request it took counts.
  HttpResponse firstLimited(const QList<QPair<QByteArray, QByteArray>>& headers = {}, const QByteArray& header = "RateLimit-Limit") {
    HttpResponse r;
    for (int i = 0; i < 100 && r.header(header).isEmpty() && r.status != 429; ++i) {
      r = get(headers);
      if (r.header(header).isEmpty()) QTest::qWait(50);
    }
    return r;
  }
  // Hour windows keep a test's requests in one window, unless it starts in the hour's last seconds.
  static void awayFromTheHourBoundary() {
    const qint64 intoHour = QDateTime::currentSecsSinceEpoch() % 3600;
    if (intoHour > 3590) QTest::qWait(static_cast<int>((3601 - intoHour) * 1000));
  }

 private slots:
  void initTestCase() { QVERIFY(bed_.start()); }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void countsDownAndRefusesWithKongsHeaders() {
    awayFromTheHourBoundary();
    bed_.addPlugin({{"name", "rate-limiting"}, {"config", QJsonObject{{"hour", 3}, {"day", 10}, {"limit_by", "ip"}}}});
    auto r = firstLimited();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-RateLimit-Limit-Hour"), QByteArray("3"));
    QCOMPARE(r.header("X-RateLimit-Remaining-Hour"), QByteArray("2"));
    QCOMPARE(r.header("X-RateLimit-Limit-Day"), QByteArray("10"));
    QCOMPARE(r.header("X-RateLimit-Remaining-Day"), QByteArray("9"));
    QCOMPARE(r.header("RateLimit-Limit"), QByteArray("3"));  // the period closest to its limit
    QCOMPARE(r.header("RateLimit-Remaining"), QByteArray("2"));
    const int reset = r.header("RateLimit-Reset").toInt();
    QVERIFY2(reset >= 1 && reset <= 3600, r.header("RateLimit-Reset").constData());
    QCOMPARE(get().header("RateLimit-Remaining"), QByteArray("1"));
    QCOMPARE(get().header("RateLimit-Remaining"), QByteArray("0"));
    r = get();
    QCOMPARE(r.status, 429);
    QCOMPARE(r.json()["message"].toString(), QString("API rate limit exceeded"));
    QCOMPARE(r.header("RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(r.header("X-RateLimit-Remaining-Day"), QByteArray("7"));  // refused requests do not count
    QVERIFY(r.header("Retry-After").toInt() >= 1);
    QCOMPARE(get().status, 429);
  }

  void secondWindowsReset() {
    bed_.addPlugin({{"name", "rate-limiting"}, {"config", QJsonObject{{"second", 1}, {"limit_by", "header"}, {"header_name", "X-Tenant"}}}});
    QVERIFY(!firstLimited({{"X-Tenant", "warmup"}}).header("RateLimit-Limit").isEmpty());
    // Start early in a second, so that the two requests share it (but not in its first
    // milliseconds: the server's coarse clock may still show the second before).
    for (qint64 ms = 0; (ms = QDateTime::currentMSecsSinceEpoch() % 1000) < 100 || ms > 300;) QTest::qWait(5);
    QCOMPARE(get({{"X-Tenant", "a"}}).status, 200);
    QCOMPARE(get({{"X-Tenant", "a"}}).status, 429);
    QCOMPARE(get({{"X-Tenant", "b"}}).status, 200);  // another identifier, another counter
    QTest::qWait(1100);
    QCOMPARE(get({{"X-Tenant", "a"}}).status, 200);
  }

  void hiddenHeadersAndKongsAnswer() {
    awayFromTheHourBoundary();
    // Kong 2.8 has no error_code / error_message (3.1+): they are refused, the answer is always 429.
    const auto refused = bed_.admin().sendJson("POST", "/plugins", {{"name", "rate-limiting"},
                                                                   {"config", QJsonObject{{"hour", 1}, {"error_code", 503}, {"error_message", "slow"}}}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json()["fields"].toObject()["config"].toObject()["error_code"].toString(), QString("unknown field"));
    bed_.addPlugin({{"name", "rate-limiting"}, {"config", QJsonObject{{"hour", 1}, {"limit_by", "ip"}, {"hide_client_headers", true}}}});
    HttpResponse r;
    for (int i = 0; i < 100 && r.status != 429; ++i) {
      r = get();
      if (r.status != 429) QTest::qWait(50);
    }
    QCOMPARE(r.status, 429);
    QCOMPARE(r.json()["message"].toString(), QString("API rate limit exceeded"));
    QVERIFY(r.header("RateLimit-Limit").isEmpty());
    QVERIFY(r.header("X-RateLimit-Limit-Hour").isEmpty());
    QVERIFY(!r.header("Retry-After").isEmpty());
  }

  void countersSurviveConfigurationChanges() {
    awayFromTheHourBoundary();
    bed_.addPlugin({{"name", "rate-limiting"}, {"config", QJsonObject{{"hour", 5}, {"limit_by", "header"}, {"header_name", "X-Tenant"}}}});
    const QList<QPair<QByteArray, QByteArray>> tenant{{"X-Tenant", "t1"}};
    QCOMPARE(firstLimited(tenant).header("RateLimit-Remaining"), QByteArray("4"));
    QCOMPARE(get(tenant).header("RateLimit-Remaining"), QByteArray("3"));
    // A new route means a new snapshot and new plugin instances; the polls count for the client's
    // address, not for tenant t1.
    bed_.create("/services/echo/routes", {{"name", "other"}, {"paths", QJsonArray{"/other"}}});
    QTRY_COMPARE_WITH_TIMEOUT(bed_.proxy().get("/other").json()["uri"].toString(), QString("/"), 5000);  // strip_path
    QCOMPARE(get(tenant).header("RateLimit-Remaining"), QByteArray("2"));
    bed_.admin().del("/routes/other");
  }

  // Two nodes counting in one Redis (a real redis-server on a throwaway port): each sees the
  // other's requests within a sync interval, and the holdings Redis grants keep them to the limit.
  void redisPolicySharesCountsAcrossNodes() {
    if (QStandardPaths::findExecutable("redis-server").isEmpty()) QSKIP("redis-server is not installed (scripts/quickstart installs it)");
    awayFromTheHourBoundary();
    const quint16 redisPort = SluiceProcess::freePort();
    QProcess redis;
    redis.start("redis-server", {"--port", QString::number(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"});
    QVERIFY(redis.waitForStarted(5000));
    PluginTestBed other;
    QVERIFY(other.start());
    const QJsonObject plugin{{"name", "rate-limiting"},
                             {"config", QJsonObject{{"hour", 6}, {"limit_by", "header"}, {"header_name", "X-Tenant"}, {"policy", "redis"},
                                                    {"redis_host", "127.0.0.1"}, {"redis_port", redisPort}}}};
    const QByteArray id = "/plugins/6f1c8a52-5d0a-4c1e-9a59-3a8d2f7e4b10";  // the same plugin on both nodes
    QCOMPARE(bed_.admin().sendJson("PUT", id, plugin).status, 200);
    QCOMPARE(other.admin().sendJson("PUT", id, plugin).status, 200);
    const QList<QPair<QByteArray, QByteArray>> tenant{{"X-Tenant", "shared"}};
    for (auto* node : {&bed_, &other}) {  // both apply the plugin (warm-up requests count for another tenant)
      HttpResponse r;
      for (int i = 0; i < 100 && r.header("RateLimit-Limit").isEmpty(); ++i) {
        r = node->proxy().request("GET", "/", {}, {{"X-Tenant", "warmup"}});
        if (r.header("RateLimit-Limit").isEmpty()) QTest::qWait(50);
      }
      QVERIFY(!r.header("RateLimit-Limit").isEmpty());
    }
    for (int i = 0; i < 3; ++i) QCOMPARE(bed_.proxy().request("GET", "/", {}, tenant).status, 200);
    QTest::qWait(400);  // a few sync intervals
    // The other node learns the tenant's total with its first request for it (decided locally,
    // never waiting on Redis): 3 + 1 counted, so its next request leaves 1.
    QCOMPARE(other.proxy().request("GET", "/", {}, tenant).status, 200);
    QTest::qWait(400);
    QCOMPARE(other.proxy().request("GET", "/", {}, tenant).header("RateLimit-Remaining"), QByteArray("1"));
    // The last request goes to whichever node holds it: together the nodes let through the limit.
    const auto through = [&](PluginTestBed& node) { return [&tenant, n = &node] { return n->proxy().request("GET", "/", {}, tenant).status; }; };
    QCOMPARE(5 + admittedInTurns({through(bed_), through(other)}, 4, 300), 6);
    QCOMPARE(bed_.proxy().request("GET", "/", {}, tenant).status, 429);
    QCOMPARE(other.proxy().request("GET", "/", {}, tenant).status, 429);
    bed_.admin().del(id);
    redis.terminate();
    redis.waitForFinished(5000);
  }

  void redisPolicyWithoutRedis() {
    const quint16 nothing = SluiceProcess::freePort();  // no server there
    const QString tolerant = bed_.addPlugin({{"name", "rate-limiting"},
                                             {"config", QJsonObject{{"hour", 100}, {"limit_by", "ip"}, {"policy", "redis"}, {"redis_host", "127.0.0.1"},
                                                                    {"redis_port", nothing}, {"redis_timeout", 200}}}});
    QVERIFY(!firstLimited().header("RateLimit-Limit").isEmpty());
    QTest::qWait(500);
    QCOMPARE(get().status, 200);  // fault_tolerant: counting goes on locally
    QCOMPARE(bed_.admin().sendJson("PATCH", "/plugins/" + tolerant.toUtf8(), {{"config", QJsonObject{{"fault_tolerant", false}}}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(get().status, 500, 5000);
  }

  // One node on SQLite: the cluster policy counts in the database (a failing database would
  // answer 500 here, fault_tolerant being off).
  void clusterPolicyOnTheEmbeddedDatabase() {
    awayFromTheHourBoundary();
    bed_.addPlugin({{"name", "rate-limiting"},
                    {"config", QJsonObject{{"hour", 3}, {"limit_by", "header"}, {"header_name", "X-Tenant"}, {"policy", "cluster"}, {"fault_tolerant", false}}}});
    const QList<QPair<QByteArray, QByteArray>> tenant{{"X-Tenant", "db"}};
    QVERIFY(!firstLimited({{"X-Tenant", "warmup"}}).header("RateLimit-Limit").isEmpty());
    QCOMPARE(get(tenant).status, 200);
    QTest::qWait(300);  // synced to the database and back
    QCOMPARE(get(tenant).header("RateLimit-Remaining"), QByteArray("1"));
    QTest::qWait(300);
    QCOMPARE(get(tenant).status, 200);
    QCOMPARE(get(tenant).status, 429);
  }

  void configurationChecks() {
    auto r = bed_.admin().sendJson("POST", "/plugins", {{"name", "rate-limiting"}, {"config", QJsonObject{{"second", 10}, {"minute", 5}}}});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("The limit for minute(5.0) cannot be lower than the limit for second(10.0)"), r.body.constData());
    r = bed_.admin().sendJson("POST", "/plugins", {{"name", "rate-limiting"}, {"config", QJsonObject{{"minute", 5}, {"limit_by", "header"}}}});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("header_name"), r.body.constData());
    r = bed_.admin().sendJson("POST", "/plugins", {{"name", "rate-limiting"}, {"config", QJsonObject{{"limit_by", "ip"}}}});
    QCOMPARE(r.status, 400);  // no period at all
    r = bed_.admin().sendJson("POST", "/plugins", {{"name", "rate-limiting"}, {"config", QJsonObject{{"minute", 5}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["config"].toObject()["policy"].toString(), QString("cluster"));  // Kong 2.8 with a database
  }
};

QTEST_GUILESS_MAIN(TestPluginsRateLimiting)
#include "test_plugins_rate_limiting.moc"
