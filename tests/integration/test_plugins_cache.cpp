// proxy-cache (memory strategy) through a real sluice and a real upstream.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestPluginsCache : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

  HttpResponse get(const QByteArray& path, const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
    return bed_.proxy().request("GET", path, {}, headers);
  }
  QString addCache(const QJsonObject& config) {
    QJsonObject c = config;
    c["strategy"] = "memory";
    const QString id = bed_.addPlugin({{"name", "proxy-cache"}, {"config", c}});
    HttpResponse r;
    for (int i = 0; i < 100 && r.header("X-Cache-Status").isEmpty(); ++i) {
      r = get("/warmup");
      if (r.header("X-Cache-Status").isEmpty()) QTest::qWait(50);
    }
    return id;
  }

 private slots:
  void initTestCase() { QVERIFY(bed_.start()); }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void missThenHitFromMemory() {
    addCache({});
    const QByteArray big(6000, 'z');  // echoed back: a body larger than a connection buffer
    const auto first = get("/cached?x=1", {{"X-Big", big}});
    QCOMPARE(first.status, 200);
    QCOMPARE(first.header("X-Cache-Status"), QByteArray("Miss"));
    const QByteArray key = first.header("X-Cache-Key");
    QCOMPARE(key.size(), 32);
    // The entry is stored as the first response completes, on its worker: the next request, maybe
    // on the other worker, can come a moment before that.
    HttpResponse second;
    QTRY_COMPARE_WITH_TIMEOUT((second = get("/cached?x=1", {{"X-Big", big}})).header("X-Cache-Status"), QByteArray("Hit"), 5000);
    QCOMPARE(second.header("X-Cache-Key"), key);
    QCOMPARE(second.body, first.body);  // the same bytes, not a new upstream answer
    QVERIFY(second.body.size() > 6000);
    QCOMPARE(second.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!second.header("Age").isEmpty());
    QCOMPARE(get("/cached?x=2").header("X-Cache-Status"), QByteArray("Miss"));  // another query, another entry
    const auto head = bed_.proxy().request("HEAD", "/cached?x=1", {}, {{"X-Big", big}});
    QCOMPARE(head.header("X-Cache-Status"), QByteArray("Bypass"));  // a HEAD answer has no body to store
    QVERIFY(head.body.isEmpty());
  }

  // Kong's proxy-cache Admin API: read an entry by its X-Cache-Key, purge it, purge everything.
  void entriesArePurgedThroughTheAdminApi() {
    const QString plugin = addCache({});
    const QByteArray key = get("/purged").header("X-Cache-Key");
    QCOMPARE(key.size(), 32);
    QTRY_COMPARE_WITH_TIMEOUT(get("/purged").header("X-Cache-Status"), QByteArray("Hit"), 5000);
    auto r = bed_.admin().get("/proxy-cache/" + key);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["status"].toInt(), 200);
    QVERIFY(r.json()["body_len"].toInt() > 0);
    QCOMPARE(bed_.admin().get("/proxy-cache/" + plugin.toUtf8() + "/caches/" + key).status, 200);
    QCOMPARE(bed_.admin().get("/proxy-cache/" + bed_.serviceId().toUtf8() + "/caches/" + key).status, 404);  // not a proxy-cache plugin
    QCOMPARE(bed_.admin().del("/proxy-cache/" + key).status, 204);
    QCOMPARE(bed_.admin().get("/proxy-cache/" + key).status, 404);
    QCOMPARE(bed_.admin().del("/proxy-cache/" + key).status, 404);
    QCOMPARE(get("/purged").header("X-Cache-Status"), QByteArray("Miss"));
    QTRY_COMPARE_WITH_TIMEOUT(get("/purged").header("X-Cache-Status"), QByteArray("Hit"), 5000);
    QCOMPARE(bed_.admin().del("/proxy-cache").status, 204);
    QCOMPARE(get("/purged").header("X-Cache-Status"), QByteArray("Miss"));
  }

  void bypassesWhatIsNotCacheable() {
    addCache({});
    QCOMPARE(bed_.proxy().request("POST", "/x", "body").header("X-Cache-Status"), QByteArray("Bypass"));  // method
    QCOMPARE(get("/status/500").header("X-Cache-Status"), QByteArray("Bypass"));                       // status
    QCOMPARE(get("/status/500").header("X-Cache-Status"), QByteArray("Bypass"));
    QCOMPARE(get("/chunked/100").header("X-Cache-Status"), QByteArray("Bypass"));                      // no length
  }

  void entriesExpireAndVaryAsConfigured() {
    // TTLs count whole seconds (as Kong's): with 2, the next request is a hit for sure, and 3 s later the entry is gone.
    addCache({{"cache_ttl", 2}, {"vary_query_params", QJsonArray{"a"}}, {"vary_headers", QJsonArray{"X-Tenant"}}});
    QCOMPARE(get("/v?a=1&b=1", {{"X-Tenant", "t1"}}).header("X-Cache-Status"), QByteArray("Miss"));
    QTRY_COMPARE_WITH_TIMEOUT(get("/v?b=2&a=1", {{"X-Tenant", "t1"}}).header("X-Cache-Status"), QByteArray("Hit"), 1000);  // b does not vary
    QCOMPARE(get("/v?a=1", {{"X-Tenant", "t2"}}).header("X-Cache-Status"), QByteArray("Miss"));      // the header does
    QTest::qWait(3100);
    QCOMPARE(get("/v?a=1", {{"X-Tenant", "t1"}}).header("X-Cache-Status"), QByteArray("Miss"));      // expired
  }

  void cacheControlIsHonouredWhenAsked() {
    addCache({{"cache_control", true}, {"request_method", QJsonArray{"GET"}}});
    // The echo upstream sends no Cache-Control: cacheable; a client's no-cache is not looked at.
    QCOMPARE(get("/cc").header("X-Cache-Status"), QByteArray("Miss"));
    QTRY_COMPARE_WITH_TIMEOUT(get("/cc").header("X-Cache-Status"), QByteArray("Hit"), 1000);
  }

  // proxy_cache_size bounds what is kept: with 160 KiB, a shard holds 10 KiB and an 8 KiB
  // response is streamed without being stored.
  void theNodeBoundLimitsEntries() {
    PluginTestBed small;
    small.sluice().setEnv("PROXY_CACHE_SIZE", "160k");
    QVERIFY(small.start());
    small.addPlugin({{"name", "proxy-cache"}, {"config", QJsonObject{{"strategy", "memory"}, {"content_type", QJsonArray{"application/json"}}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(!(r = small.proxy().get("/fits")).header("X-Cache-Status").isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(small.proxy().get("/fits").header("X-Cache-Status"), QByteArray("Hit"), 1000);
    const QByteArray big(8 * 1024, 'b');  // echoed back in the body
    QCOMPARE(small.proxy().request("GET", "/big", {}, {{"X-Big", big}}).header("X-Cache-Status"), QByteArray("Bypass"));
  }

  void strategyIsRequired() {
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "proxy-cache"}}).status, 400);
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "proxy-cache"}, {"config", QJsonObject{{"strategy", "redis"}}}}).status, 400);
  }
};

QTEST_GUILESS_MAIN(TestPluginsCache)
#include "test_plugins_cache.moc"
