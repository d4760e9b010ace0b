// Plugin pieces that need no sockets: the rate-limiting counters, the chain's precedence and the
// prometheus series.
#include "plugins/plugin_chain.h"
#include "plugins/prometheus/kong_series.h"
#include "plugins/counters/local_counters.h"
#include "snapshot/config_snapshot.h"

#include <QtTest>

#include <ctime>
#include <thread>

using namespace sluice;

class TestPluginUnits : public QObject {
  Q_OBJECT

 private slots:
  void eachPluginKeepsItsOwnTypedSlot() {
    struct Fill {
      std::string key;
      int cleared = 0;
      void clear() {
        key.clear();
        ++cleared;
      }
    };
    struct Captured {
      std::string text;
      void clear() { text.clear(); }
    };
    plugins::RequestContext ctx;
    QVERIFY(!ctx.pluginSlots.find<Fill>());  // no phase asked for it yet
    ctx.pluginSlots.get<Fill>().key = "k";
    ctx.pluginSlots.get<Captured>().text = "t";
    Fill* first = &ctx.pluginSlots.get<Fill>();
    QCOMPARE(first->key, std::string("k"));
    QCOMPARE(ctx.pluginSlots.get<Captured>().text, std::string("t"));  // a type of its own, apart
    const plugins::RequestContext& readOnly = ctx;                  // the log phase reads
    QCOMPARE(readOnly.pluginSlots.find<Fill>()->key, std::string("k"));
    ctx.reset();  // the next request: cleared, kept (no allocation once warm)
    QCOMPARE(&ctx.pluginSlots.get<Fill>(), first);
    QVERIFY(first->key.empty());
    QCOMPARE(first->cleared, 1);
    QVERIFY(ctx.pluginSlots.get<Captured>().text.empty());
  }

  void countersCountPerWindow() {
    plugins::LocalCounters counters(1024);
    const auto later = static_cast<uint32_t>(std::time(nullptr) + 60);
    QCOMPARE(counters.read(42, 7), uint64_t{0});
    QVERIFY(counters.increment(42, 7, later));
    QVERIFY(counters.increment(42, 7, later));
    QCOMPARE(counters.read(42, 7), uint64_t{2});
    QCOMPARE(counters.read(43, 7), uint64_t{0});  // another key
    QCOMPARE(counters.read(42, 8), uint64_t{0});  // the next window starts from zero
    QVERIFY(counters.increment(42, 8, later));
    QCOMPARE(counters.read(42, 8), uint64_t{1});
  }

  void countersAreExactUnderConcurrency() {
    plugins::LocalCounters counters(1024);
    const auto later = static_cast<uint32_t>(std::time(nullptr) + 60);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        for (int i = 0; i < 50000; ++i) counters.increment(uint64_t{1000} + static_cast<uint64_t>(i % 8), 1, later);
      });
    for (auto& t : threads) t.join();
    for (uint64_t k = 1000; k < 1008; ++k) QCOMPARE(counters.read(k, 1), uint64_t{25000});
  }

  void aFullNeighbourhoodDropsInsteadOfBlocking() {
    plugins::LocalCounters counters(1024);
    const auto later = static_cast<uint32_t>(std::time(nullptr) + 60);
    int dropped = 0;
    for (uint64_t k = 0; k < 2048; ++k) dropped += counters.increment(k * 1024 * 2 + 1, 1, later) ? 0 : 1;  // one bucket
    QVERIFY(dropped > 0);
    QCOMPARE(counters.dropped(), uint64_t(dropped));
  }

  void chainEntriesPreferBetterRankedConsumerConfigs() {
    plugins::PluginInstance general, consumerOnly, consumerRoute;
    plugins::ChainEntry entry;
    entry.general = &general;
    entry.generalRank = plugins::kRouteOnly;
    entry.overrides = {{3, plugins::kConsumerOnly, &consumerOnly}, {5, plugins::kConsumerRoute, &consumerRoute}};
    const size_t three = 3, four = 4, five = 5;
    QCOMPARE(entry.resolve(nullptr), &general);
    QCOMPARE(entry.resolve(&three), &consumerOnly);  // consumer beats route
    QCOMPARE(entry.resolve(&four), &general);
    QCOMPARE(entry.resolve(&five), &consumerRoute);
    entry.generalRank = plugins::kRouteService;  // route+service beats a consumer-only config
    QCOMPARE(entry.resolve(&three), &general);
    QCOMPARE(entry.resolve(&five), &consumerRoute);
  }
  void kongSeriesSumsEveryReactorsShard() {
    snapshot::ConfigSnapshot snap;
    snap.services.resize(1);
    snap.services[0].name = "svc \"quoted\"";
    snap.routes.resize(2);
    snap.routes[0].id = "r0-id";
    snap.routes[0].service = 0;
    snap.routes[1].name = "named";
    snap.routes[1].service = 0;
    // The same observations, from two "reactors" (each with its own shard), under each name set.
    const auto recorded = [&snap](plugins::KongMetricNames names) {
      plugins::KongSeries series(names);
      const auto ids = series.routeSeries(snap);
      if (ids.size() != 2 || ids[0] == ids[1] || series.routeSeries(snap) != ids) return QString("bad ids");  // stable across snapshots
      std::vector<std::thread> threads;
      for (int t = 0; t < 2; ++t)
        threads.emplace_back([&, t] {
          for (int i = 0; i < 20000; ++i) {
            plugins::KongObservation o;
            o.series = ids[static_cast<size_t>(i % 2)];
            o.status = t == 0 ? 200 : 503;
            o.fromService = t == 0;
            o.ingress = 10;
            o.requestMs = i % 2 ? 3.0 : 30000.0;
            o.kongMs = 0.5;
            series.record(o);
          }
        });
      for (auto& t : threads) t.join();
      observe::PrometheusText out;
      series.render(out);
      return QString::fromStdString(out.text());
    };
    // Each name set: the lines its page must hold, and what it must not (no observation had an
    // upstream time, nobody was counted per consumer, the other set's names).
    struct Expected {
      plugins::KongMetricNames names;
      std::vector<const char*> present, absent;
    };
    const Expected expected[] = {
        {plugins::KongMetricNames::Kong28,
         {"kong_http_status{service=\"svc \\\"quoted\\\"\",route=\"r0-id\",code=\"200\"} 10000\n",
          "route=\"named\",code=\"503\"} 10000\n",
          "kong_latency_bucket{service=\"svc \\\"quoted\\\"\",route=\"named\",type=\"request\",le=\"25\"} 20000\n",
          "kong_latency_bucket{service=\"svc \\\"quoted\\\"\",route=\"r0-id\",type=\"request\",le=\"25\"} 0\n",
          "kong_latency_bucket{service=\"svc \\\"quoted\\\"\",route=\"r0-id\",type=\"request\",le=\"30000\"} 20000\n",
          "kong_latency_count{service=\"svc \\\"quoted\\\"\",route=\"named\",type=\"kong\"} 20000\n",
          "kong_bandwidth{service=\"svc \\\"quoted\\\"\",route=\"named\",type=\"ingress\"} 200000\n"},
         {"type=\"upstream\"", "kong_http_consumer_status", "kong_http_requests_total"}},
        {plugins::KongMetricNames::Kong3,
         {"kong_http_requests_total{service=\"svc \\\"quoted\\\"\",route=\"r0-id\",code=\"200\",source=\"service\",consumer=\"\"} 10000\n",
          "route=\"named\",code=\"503\",source=\"kong\",consumer=\"\"} 10000\n",
          "kong_request_latency_ms_bucket{service=\"svc \\\"quoted\\\"\",route=\"named\",le=\"25\"} 20000\n",
          "kong_request_latency_ms_bucket{service=\"svc \\\"quoted\\\"\",route=\"r0-id\",le=\"25\"} 0\n",
          "kong_request_latency_ms_bucket{service=\"svc \\\"quoted\\\"\",route=\"r0-id\",le=\"30000\"} 20000\n",
          "kong_request_latency_ms_sum{service=\"svc \\\"quoted\\\"\",route=\"named\"} 60000\n",
          "kong_kong_latency_ms_count{service=\"svc \\\"quoted\\\"\",route=\"named\"} 20000\n",
          "direction=\"ingress\",consumer=\"\"} 200000\n"},
         {"kong_upstream_latency_ms"}},
    };
    for (const Expected& e : expected) {
      const QString page = recorded(e.names);
      for (const char* line : e.present) QVERIFY2(page.contains(line), qPrintable(QString(line) + " missing from:\n" + page));
      for (const char* text : e.absent) QVERIFY2(!page.contains(text), text);
    }
  }
};

QTEST_GUILESS_MAIN(TestPluginUnits)
#include "test_plugin_units.moc"
