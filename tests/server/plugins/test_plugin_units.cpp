// Plugin pieces that need no sockets: the rate-limiting counters, the chain's precedence and the
// prometheus series.
#include "plugins/plugin_chain.h"
#include "plugins/prometheus/kong_series.h"
#include "plugins/counters/local_counters.h"
#include "plugins/counters/synced_policy.h"
#include "snapshot/config_snapshot.h"

#include <QtTest>

#include <atomic>
#include <ctime>
#include <map>
#include <mutex>
#include <thread>

using namespace sluice;

namespace {

// The rule under test is the policy's, not a store's: a store in memory that answers as Redis and
// the database do (their own wire is covered by the integration tests).
struct MemoryCounts {
  std::mutex mutex;
  std::map<std::string, uint64_t> totals;
  std::map<std::string, std::map<std::string, uint64_t>> lastAdded;                     // key -> node -> ms
  std::map<std::string, std::map<std::string, std::pair<uint64_t, uint64_t>>> holdings;  // key -> node -> (held, seen ms)
};

class MemoryStore final : public plugins::SharedCounterStore {
 public:
  explicit MemoryStore(MemoryCounts& counts) : counts_(counts) {}
  std::vector<Answer> exchange(const std::string& node, uint32_t activeMs, const std::vector<Item>& items) override {
    std::lock_guard lock(counts_.mutex);
    const uint64_t now = plugins::nowMilliseconds();
    std::vector<Answer> answers;
    for (const auto& item : items) {
      const uint64_t total = counts_.totals[item.key] += item.added;
      auto& nodes = counts_.lastAdded[item.key];
      if (item.added > 0) nodes[node] = now;
      auto& holders = counts_.holdings[item.key];
      uint64_t othersHeld = 0;
      for (const auto& [id, holding] : holders)
        if (id != node && holding.second + activeMs > now) othersHeld += holding.first;
      const uint64_t held = item.limit > 0 ? plugins::holdingGranted(item, total, othersHeld) : 0;
      if (item.limit > 0) holders[node] = {held, now};
      std::vector<std::string> active;
      for (const auto& [id, at] : nodes)
        if (at + activeMs > now) active.push_back(id);
      answers.push_back(plugins::answerFor(total, held, active, node));
    }
    return answers;
  }
  std::string describe() const override { return "memory"; }

 private:
  MemoryCounts& counts_;
};

}  // namespace

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

  void answersRankTheNodeAmongTheActiveOnes() {
    auto a = plugins::answerFor(7, 2, {"c", "a"}, "b");
    QCOMPARE(a.total, uint64_t{7});
    QCOMPARE(a.nodes, 3u);
    QCOMPARE(a.rank, 1u);
    a = plugins::answerFor(0, 0, {"b", "a"}, "b");  // the store lists this node too
    QCOMPARE(a.nodes, 2u);
    QCOMPARE(a.rank, 1u);
    a = plugins::answerFor(0, 0, {}, "z");
    QCOMPARE(a.nodes, 1u);
    QCOMPARE(a.rank, 0u);
  }

  void holdingsComeOutOfWhatIsFree() {
    QCOMPARE(plugins::fairShare(10, 3, 0) + plugins::fairShare(10, 3, 1) + plugins::fairShare(10, 3, 2), uint64_t{10});
    QCOMPARE(plugins::fairShare(10, 3, 0), uint64_t{4});  // the remainder to the first rank
    QCOMPARE(plugins::fairShare(10, 3, 2), uint64_t{3});
    QCOMPARE(plugins::fairShare(2, 3, 2), uint64_t{0});
    plugins::SharedCounterStore::Item item{"k", 0, 2, 5, 10, 0};
    QCOMPARE(plugins::holdingGranted(item, 4, 3), uint64_t{3});  // 10 - 4 - 3 free, less than asked
    QCOMPARE(plugins::holdingGranted(item, 1, 0), uint64_t{5});  // as asked
    QCOMPARE(plugins::holdingGranted(item, 9, 3), uint64_t{2});  // never below what was let through
    item.keep = 0;
    QCOMPARE(plugins::holdingGranted(item, 12, 0), uint64_t{0});  // over the limit: nothing
  }

  // Three nodes decide apart under a shared load: once they know of each other, each keeps its
  // unshared requests within its share of what is left, so together they let through the limit
  // exactly — neither more (Kong's overshoot: interval x nodes) nor fewer.
  void sharedPoliciesLetThroughTheLimitTogether() {
    MemoryCounts counts;
    constexpr uint64_t kLimit = 3000, key = 99;
    const auto window = static_cast<uint32_t>(std::time(nullptr) / 3600);
    const auto expiresAt = (window + 1) * 3600;
    std::vector<std::unique_ptr<plugins::SyncedPolicy>> nodes;
    for (int n = 0; n < 3; ++n) nodes.push_back(std::make_unique<plugins::SyncedPolicy>(std::make_unique<MemoryStore>(counts), 5, 1024));
    // Each node counts a first request for another key so that all three are known to the store
    // (a brand-new key's first interval is optimistic: no split is known yet).
    for (auto& node : nodes) node->increment(key, window, expiresAt, 1, kLimit);
    QTRY_VERIFY_WITH_TIMEOUT(nodes[0]->usageFor(key, window, kLimit) == 3, 5000);
    std::atomic<uint64_t> admitted{3};
    std::vector<std::thread> load;
    for (auto& node : nodes)
      load.emplace_back([&, policy = node.get()] {
        // Bounded: a node stops after 200 refusals in a row (shares settle within a few intervals).
        for (int refusedInARow = 0, steps = 0; refusedInARow < 200 && steps < 1000000; ++steps) {
          if (policy->usageFor(key, window, kLimit) < kLimit) {
            policy->increment(key, window, expiresAt, 1, kLimit);
            ++admitted;
            refusedInARow = 0;
          } else {
            ++refusedInARow;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
          }
        }
      });
    for (auto& t : load) t.join();
    QCOMPARE(admitted.load(), kLimit);
    QTRY_COMPARE_WITH_TIMEOUT(counts.totals.begin()->second, kLimit, 5000);
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
