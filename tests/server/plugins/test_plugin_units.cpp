// Plugin pieces that need no sockets: the rate-limiting counters and the chain's precedence.
#include "plugins/plugin_chain.h"
#include "plugins/rate_limiting/local_counters.h"

#include <QtTest>

#include <ctime>
#include <thread>

using namespace sluice;

class TestPluginUnits : public QObject {
  Q_OBJECT

 private slots:
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
};

QTEST_GUILESS_MAIN(TestPluginUnits)
#include "test_plugin_units.moc"
