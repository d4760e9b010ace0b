// response-ratelimiting through a real sluice and a real upstream that names what each response
// used (X-Kong-Limit): Kong 2.8's headers to the upstream and the client, the 429 without a body
// for a response over a used-up limit, block_on_first_violation, hide_client_headers, the
// cluster policy on the embedded database, and Kong's configuration checks.
#include "plugin_test_bed.h"

#include <QDateTime>
#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestPluginsResponseRatelimiting : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

  // Hour windows keep a test's requests in one window, unless it starts in the hour's last seconds.
  static void awayFromTheHourBoundary() {
    const qint64 intoHour = QDateTime::currentSecsSinceEpoch() % 3600;
    if (intoHour > 3590) QTest::qWait(static_cast<int>((3601 - intoHour) * 1000));
  }

  // A request whose response says it used `usage` ("videos=2"); counted once the exchange ends.
  HttpResponse use(const QByteArray& usage, const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
    const HttpResponse r = bed_.proxy().request("GET", "/response-headers?X-Kong-Limit=" + usage.toPercentEncoding(), {}, headers);
    QTest::qWait(20);  // (the log phase counts after the response)
    return r;
  }

  static QString upstreamHeader(const HttpResponse& r, const char* name) {
    return PluginTestBed::upstreamHeaders(r)[name].toString();
  }

  void add(const QJsonObject& config) {
    awayFromTheHourBoundary();
    bed_.addPlugin({{"name", "response-ratelimiting"}, {"config", config}});
    // Applied once the upstream hears what is left of the warm-up limit (client headers may be hidden).
    QString left;
    for (int i = 0; i < 100 && left.isEmpty(); ++i) {
      left = upstreamHeader(bed_.proxy().get("/"), "x-ratelimit-remaining-warmup");
      if (left.isEmpty()) QTest::qWait(50);
    }
    QCOMPARE(left, QString("1000"));
  }

  static QJsonObject limits(const QJsonObject& own) {
    QJsonObject all = own;
    all["warmup"] = QJsonObject{{"hour", 1000}};  // tells when the plugin is applied
    return all;
  }

  HttpResponse post(const QJsonObject& config) {
    return bed_.admin().sendJson("POST", "/plugins", {{"name", "response-ratelimiting"}, {"config", config}});
  }

 private slots:
  void initTestCase() { QVERIFY(bed_.start()); }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void countsWhatTheUpstreamSaysItUsed() {
    add({{"limit_by", "ip"}, {"policy", "local"}, {"limits", limits({{"videos", QJsonObject{{"hour", 3}, {"day", 10}}}})}});
    HttpResponse r = use("videos=2");
    QCOMPARE(r.status, 200);
    QCOMPARE(upstreamHeader(r, "x-ratelimit-remaining-videos"), QString("3"));  // the least left, before this one
    QCOMPARE(r.header("X-RateLimit-Limit-videos-hour"), QByteArray("3"));
    QCOMPARE(r.header("X-RateLimit-Remaining-videos-hour"), QByteArray("1"));
    QCOMPARE(r.header("X-RateLimit-Limit-videos-day"), QByteArray("10"));
    QCOMPARE(r.header("X-RateLimit-Remaining-videos-day"), QByteArray("8"));
    QVERIFY(r.header("X-Kong-Limit").isEmpty());  // the upstream's header stops at the gateway
    // One left: this response may still use two (Kong checks what was left before it).
    r = use("videos=2");
    QCOMPARE(r.status, 200);
    QCOMPARE(upstreamHeader(r, "x-ratelimit-remaining-videos"), QString("1"));
    QCOMPARE(r.header("X-RateLimit-Remaining-videos-hour"), QByteArray("0"));
    // Used up: a response that uses more is replaced by a 429 without a body...
    r = use("videos=1");
    QCOMPARE(r.status, 429);
    QCOMPARE(r.body, QByteArray());
    QCOMPARE(r.header("Content-Length"), QByteArray("0"));
    QCOMPARE(r.header("X-RateLimit-Remaining-videos-hour"), QByteArray("0"));
    // ...and counts nothing; a response that uses nothing passes, and the upstream hears of the debt.
    r = bed_.proxy().get("/");
    QCOMPARE(r.status, 200);
    QCOMPARE(upstreamHeader(r, "x-ratelimit-remaining-videos"), QString("-1"));
  }

  void severalLimitsAndHeaderLines() {
    // (Limit names of its own: counters are kept by route, service, identifier and name as in Kong,
    // not by plugin, so the videos the test before used would count here too.)
    add({{"limit_by", "ip"}, {"policy", "local"}, {"header_name", "X-Usage"},
         {"limits", limits({{"clips", QJsonObject{{"hour", 5}}}, {"images", QJsonObject{{"hour", 5}}}})}});
    const HttpResponse r = bed_.proxy().request("GET", "/response-headers?X-Usage=clips%3D1%2C%20images%3D3&X-Usage=unknown%3D9", {}, {});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-RateLimit-Remaining-clips-hour"), QByteArray("4"));
    QCOMPARE(r.header("X-RateLimit-Remaining-images-hour"), QByteArray("2"));
    QVERIFY(r.header("X-Usage").isEmpty());
    QTest::qWait(20);
    const HttpResponse next = bed_.proxy().request("GET", "/response-headers?X-Usage=images%3D0", {}, {});
    QCOMPARE(next.header("X-RateLimit-Remaining-images-hour"), QByteArray("2"));
    QCOMPARE(upstreamHeader(next, "x-ratelimit-remaining-clips"), QString("4"));
  }

  void blockOnFirstViolationRefusesBeforeTheUpstream() {
    add({{"limit_by", "ip"}, {"policy", "local"}, {"block_on_first_violation", true},
         {"limits", limits({{"images", QJsonObject{{"hour", 2}}}})}});
    QCOMPARE(use("images=1").status, 200);
    QCOMPARE(use("images=1").status, 200);
    const HttpResponse r = use("images=1");
    QCOMPARE(r.status, 429);
    QCOMPARE(r.json()["message"].toString(), QString("API rate limit exceeded for 'images'"));
    QVERIFY(r.header("X-Upstream").isEmpty());  // the upstream never saw it
  }

  void hideClientHeaders() {
    add({{"limit_by", "ip"}, {"policy", "local"}, {"hide_client_headers", true}, {"limits", limits({{"videos", QJsonObject{{"hour", 1}}}})}});
    HttpResponse r = use("videos=1");
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("X-RateLimit-Limit-videos-hour").isEmpty());
    QVERIFY(r.header("X-RateLimit-Remaining-videos-hour").isEmpty());
    QCOMPARE(use("videos=1").status, 429);
  }

  void perConsumer() {
    bed_.create("/consumers", {{"username", "viewer-a"}});
    bed_.create("/consumers", {{"username", "viewer-b"}});
    bed_.create("/consumers/viewer-a/key-auth", {{"key", "key-a"}});
    bed_.create("/consumers/viewer-b/key-auth", {{"key", "key-b"}});
    bed_.addPlugin({{"name", "key-auth"}, {"config", QJsonObject{{"anonymous", bed_.create("/consumers", {{"username", "probe"}})["id"]}}}});
    add({{"policy", "local"}, {"limits", limits({{"videos", QJsonObject{{"hour", 1}}}})}});
    QCOMPARE(use("videos=1", {{"apikey", "key-a"}}).status, 200);
    QCOMPARE(use("videos=1", {{"apikey", "key-a"}}).status, 429);
    QCOMPARE(use("videos=1", {{"apikey", "key-b"}}).status, 200);  // another consumer, another count
  }

  // The default policy with a database: counted in it (synced every rate_limiting_sync_interval).
  void clusterPolicyOnTheEmbeddedDatabase() {
    add({{"limit_by", "ip"}, {"fault_tolerant", false}, {"limits", limits({{"videos", QJsonObject{{"hour", 2}}}})}});
    QCOMPARE(use("videos=2").status, 200);
    QTest::qWait(300);  // synced to the database and back
    const HttpResponse r = use("videos=1");
    QCOMPARE(r.status, 429);
  }

  void configsAreKongs() {
    const auto errorOf = [this](const QJsonObject& config) { return post(config).json()["fields"].toObject()["config"].toObject(); };
    QCOMPARE(errorOf({})["limits"].toString(), QString("required field missing"));
    QCOMPARE(errorOf({{"limits", QJsonObject{}}})["limits"].toString(), QString("length must be at least 1"));
    QCOMPARE(errorOf({{"limits", QJsonObject{{"v", QJsonObject{}}}}})["limits"].toObject()["v"].toObject()["@entity"].toArray().at(0).toString(),
             QString("at least one of these fields must be non-empty: 'second', 'minute', 'hour', 'day', 'month', 'year'"));
    QCOMPARE(errorOf({{"limits", QJsonObject{{"v", QJsonObject{{"second", 5}, {"minute", 2}}}}}})["limits"]
                 .toObject()["v"].toObject()["@entity"].toArray().at(0).toString(),
             QString("the limit for minute(2.0) cannot be lower than the limit for second(5.0)"));
    QCOMPARE(errorOf({{"limits", QJsonObject{{"v", QJsonObject{{"hour", 0}}}}}})["limits"].toObject()["v"].toObject()["hour"].toString(),
             QString("value must be greater than 0"));
    const HttpResponse redis = post({{"policy", "redis"}, {"limits", QJsonObject{{"v", QJsonObject{{"hour", 1}}}}}});
    QCOMPARE(redis.status, 400);
    QCOMPARE(redis.json()["fields"].toObject()["config"].toObject()["redis_host"].toString(), QString("required field missing"));
    const HttpResponse made = post({{"limits", QJsonObject{{"v", QJsonObject{{"hour", 1}}}}}});
    QCOMPARE(made.status, 201);
    const QJsonObject config = made.json()["config"].toObject();
    QCOMPARE(config["header_name"].toString(), QString("x-kong-limit"));
    QCOMPARE(config["policy"].toString(), QString("cluster"));
    QCOMPARE(config["limit_by"].toString(), QString("consumer"));
    QCOMPARE(config["redis_port"].toInt(), 6379);
    QVERIFY(config["limits"].toObject()["v"].toObject()["second"].isNull());
  }
};

QTEST_GUILESS_MAIN(TestPluginsResponseRatelimiting)
#include "test_plugins_response_ratelimiting.moc"
