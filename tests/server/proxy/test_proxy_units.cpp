// Pieces of the proxy that need no sockets: Kong's path joining, the balancers, the reactor's
// timers, and the memory pools behind idle connections.
#include "net/io_buffer.h"
#include "net/slab_allocator.h"
#include "net/timer.h"
#include "proxy/balancer.h"
#include "proxy/exchange.h"
#include "proxy/health_registry.h"
#include "proxy/target_health.h"
#include "proxy/upstream_path.h"
#include "snapshot/hash_ring.h"
#include "snapshot/snapshot_publisher.h"

#include <QtTest>

#include <set>

using namespace sluice;

class TestProxyUnits : public QObject {
  Q_OBJECT

 private slots:
  // Changes of state only go into the history (not every outcome), each upstream keeps its newest
  // `kept`, and an upstream without targets any more is forgotten.
  void healthHistoryKeepsChangesPerUpstream() {
    proxy::HealthRegistry registry(3);
    auto a = registry.get("up-a", "10.0.0.1:80");
    auto b = registry.get("up-b", "10.0.0.2:80");
    QVERIFY(!a->record(snapshot::Outcome::HttpFailure, 1, 2, {"active", 500}));  // one failure of two: no change
    QVERIFY(a->record(snapshot::Outcome::HttpFailure, 1, 2, {"active", 500}));
    auto events = registry.history("up-a", 0);
    QCOMPARE(events.size(), size_t{1});
    QCOMPARE(events[0].reason, std::string("unhealthy after 2 HTTP failures (active probe: last HTTP 500)"));
    QCOMPARE(events[0].source, std::string("active"));
    QVERIFY(!events[0].healthy);
    for (int i = 0; i < 4; ++i) a->set(i % 2 == 0, "by hand");
    events = registry.history("up-a", 0);
    QCOMPARE(events.size(), size_t{3});  // the newest three
    QCOMPARE(events.back().source, std::string("manual"));
    QVERIFY(!events.back().healthy);
    QVERIFY(registry.history("up-b", 0).empty());
    QVERIFY(registry.history("up-a", events.back().atMs + 1).empty());
    registry.keepOnly({snapshot::HealthSource::key("up-b", "10.0.0.2:80")});
    QVERIFY(registry.history("up-a", 0).empty());
    (void)b;
  }

  // A replaced snapshot still held by a reactor is not freed by the reactor letting go, but by
  // the publishing side afterwards.
  void replacedSnapshotsAreFreedByThePublisher() {
    snapshot::SnapshotPublisher publisher;
    auto first = std::make_shared<snapshot::ConfigSnapshot>();
    std::weak_ptr<const snapshot::ConfigSnapshot> watch = first;
    publisher.publish(std::move(first));
    snapshot::ConfigSnapshotConstSharedPtr held = publisher.current();  // a reactor's copy
    publisher.publish(std::make_shared<snapshot::ConfigSnapshot>());
    QVERIFY(!watch.expired());
    held.reset();  // the reactor takes the new one
    QVERIFY(!watch.expired());  // still kept: not freed on the reactor's thread
    publisher.releaseRetired();
    QVERIFY(watch.expired());
    QCOMPARE(publisher.current().use_count(), 2L);  // the current one is never retired
  }

  void joinsPathsLikeKong_data() {
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("rest");
    QTest::addColumn<bool>("v1");
    QTest::addColumn<QString>("expected");
    // Kong's path_handling table: v0 joins with one slash, v1 treats the service path as a prefix.
    QTest::newRow("v0 /s + /t") << "/s" << "/t" << false << "/s/t";
    QTest::newRow("v0 /s/ + /t") << "/s/" << "/t" << false << "/s/t";
    QTest::newRow("v0 /s + t") << "/s" << "t" << false << "/s/t";
    QTest::newRow("v0 /s + empty") << "/s" << "" << false << "/s";
    QTest::newRow("v0 none + /t") << "" << "/t" << false << "/t";
    QTest::newRow("v0 none + empty") << "" << "" << false << "/";
    QTest::newRow("v1 /s + /t") << "/s" << "/t" << true << "/st";
    QTest::newRow("v1 /s/ + /t") << "/s/" << "/t" << true << "/s/t";
    QTest::newRow("v1 none + /t") << "" << "/t" << true << "/t";
  }

  void joinsPathsLikeKong() {
    QFETCH(QString, service);
    QFETCH(QString, rest);
    QFETCH(bool, v1);
    QFETCH(QString, expected);
    std::string out;
    proxy::joinUpstreamPath(service.toStdString(), rest.toStdString(), v1, out);
    QCOMPARE(QString::fromStdString(out), expected);
  }

  static snapshot::UpstreamRuntime upstream(std::initializer_list<int> weights,
                                            snapshot::Algorithm algorithm = snapshot::Algorithm::RoundRobin) {
    snapshot::UpstreamRuntime up;
    up.algorithm = algorithm;
    int n = 0;
    for (int w : weights) {
      snapshot::TargetRuntime t;
      t.target = "10.0.0." + std::to_string(++n) + ":80";
      t.weight = w;
      t.addresses.resize(1);
      up.targets.push_back(t);
    }
    if (algorithm == snapshot::Algorithm::ConsistentHashing) up.ring = snapshot::buildHashRing(up);
    return up;
  }

  void roundRobinIsSmoothAndWeighted() {
    auto up = upstream({5, 1, 1});
    proxy::Balancer rr;
    QString sequence;
    for (int i = 0; i < 7; ++i) sequence += QChar('a' + rr.pick(up, {}));
    QCOMPARE(sequence, QString("aabacaa"));
    up.targets[0].weight = 0;  // disabled
    QVERIFY(rr.pick(up, {}) != 0);
    QVERIFY(rr.pick(up, {}, {1, 2}) < 0);
  }

  void unhealthyTargetsAreSkipped() {
    auto up = upstream({1, 1});
    up.targets[0].health = std::make_shared<proxy::CheckedTarget>();
    up.targets[0].health->set(false, "set unhealthy by the test");
    proxy::Balancer b;
    for (int i = 0; i < 4; ++i) QCOMPARE(b.pick(up, {}), 1);
  }

  void leastConnectionsPrefersTheIdle() {
    auto up = upstream({1, 1}, snapshot::Algorithm::LeastConnections);
    proxy::Balancer b;
    const int first = b.pick(up, {});
    b.started(first);
    const int second = b.pick(up, {});
    QCOMPARE(second, 1 - first);
    b.started(second);
    b.finished(first, 1000);
    QCOMPARE(b.pick(up, {}), first);
  }

  void latencyPrefersTheFaster() {
    auto up = upstream({1, 1}, snapshot::Algorithm::Latency);
    proxy::Balancer b;
    (void)b.pick(up, {});  // sizes the balancer to the upstream
    b.started(0);
    b.finished(0, 50000);
    b.started(1);
    b.finished(1, 2000);
    QCOMPARE(b.pick(up, {}), 1);
  }

  void consistentHashingIsStickyAndSpread() {
    auto up = upstream({1, 1, 1}, snapshot::Algorithm::ConsistentHashing);
    proxy::Balancer b;
    const int a = b.pick(up, "client-a");
    for (int i = 0; i < 5; ++i) QCOMPARE(b.pick(up, "client-a"), a);
    QSet<int> used;
    for (int i = 0; i < 300; ++i) used.insert(b.pick(up, "user-" + std::to_string(i)));
    QCOMPARE(used.size(), 3);
    const int next = b.pick(up, "client-a", {a});  // a retry moves on along the ring
    QVERIFY(next >= 0 && next != a);
  }

  void hashKeysComeFromTheRequest() {
    auto up = upstream({1}, snapshot::Algorithm::ConsistentHashing);
    const std::vector<std::pair<std::string, std::string>> headers{{"x-user", "u1"}, {"cookie", "a=1; session=s9"}};
    proxy::BalanceInput in;
    in.clientIp = "192.0.2.7";
    in.path = "/p";
    in.query = "a=1&tenant=t3";
    in.headerContext = &headers;
    in.header = [](const void* ctx, std::string_view name) -> std::string_view {
      for (const auto& [k, v] : *static_cast<const decltype(headers)*>(ctx))
        if (k == name) return v;
      return {};
    };
    up.hashOn = "header";
    up.hashOnHeader = "x-user";
    QCOMPARE(proxy::requestHashKey(up, in), std::string_view("u1"));
    up.hashOn = "cookie";
    up.hashOnCookie = "session";
    QCOMPARE(proxy::requestHashKey(up, in), std::string_view("s9"));
    up.hashOn = "query_arg";
    up.hashOnQueryArg = "tenant";
    QCOMPARE(proxy::requestHashKey(up, in), std::string_view("t3"));
    up.hashOn = "header";
    up.hashOnHeader = "x-missing";
    up.hashFallback = "ip";
    QCOMPARE(proxy::requestHashKey(up, in), std::string_view("192.0.2.7"));
    up.hashOn = "path";
    QCOMPARE(proxy::requestHashKey(up, in), std::string_view("/p"));
    up.hashOn = "consumer";  // no consumer authenticated: the fallback
    QCOMPARE(proxy::requestHashKey(up, in), std::string_view("192.0.2.7"));
    in.consumerId = "c-42";
    QCOMPARE(proxy::requestHashKey(up, in), std::string_view("c-42"));
  }

  // Timers fire in deadline order per duration; a re-arm within the lazy margin keeps the timer's
  // place and deadline, one beyond it moves the timer to the back.
  void timersFireInOrderAndReArmLazily() {
    struct Recording : net::Timer {
      std::vector<int>* fired;
      int id;
      Recording(std::vector<int>* f, int i) : fired(f), id(i) {}
      void onTimer() override { fired->push_back(id); }
    };
    std::vector<int> fired;
    net::TimerQueue queue;
    Recording a(&fired, 1), b(&fired, 2), c(&fired, 3);
    queue.arm(a, 6400, 0);
    queue.arm(b, 6400, 10);
    queue.arm(c, 50, 10);  // another duration: its own list
    QCOMPARE(queue.expire(59), 1);
    QCOMPARE(queue.expire(60), 6340);
    QCOMPARE(fired, std::vector<int>{3});
    QCOMPARE(net::TimerQueue::lazyMs(6400), uint64_t{100});
    queue.arm(a, 6400, 100);  // within 100 ms of its deadline: stays first, deadline 6400
    QCOMPARE(a.deadline(), uint64_t{6400});
    queue.arm(a, 6400, 101);  // beyond: behind b
    QCOMPARE(a.deadline(), uint64_t{6501});
    QCOMPARE(queue.expire(6410), 91);
    QCOMPARE(fired, (std::vector<int>{3, 2}));
    queue.arm(b, 640, 6410);  // a duration seen before and after others: the same list
    queue.arm(c, 6400, 6410);
    QCOMPARE(queue.expire(7050), 5760);  // b (7050) and a (6501), list by list; c due at 12810
    QCOMPARE(fired, (std::vector<int>{3, 2, 2, 1}));
    QCOMPARE(queue.expire(20000), -1);
    QCOMPARE(fired, (std::vector<int>{3, 2, 2, 1, 3}));
    net::TimerQueue::disarm(a);
    QVERIFY(!a.armed());
  }

  void slabReusesSlotsAndUnmapsEmptyChunks() {
    net::SlabAllocator slab(300);
    std::vector<void*> objects;
    for (int i = 0; i < 2000; ++i) {
      void* p = slab.allocate();
      std::memset(p, 0xab, 300);  // the whole slot is usable
      objects.push_back(p);
    }
    QCOMPARE(std::set<void*>(objects.begin(), objects.end()).size(), objects.size());
    const size_t peak = slab.chunks();
    QVERIFY(peak >= 2000 * 304 / net::SlabAllocator::kChunkSize);
    for (void* p : objects) net::SlabAllocator::release(p);
    QCOMPARE(slab.chunks(), size_t{1});  // one empty chunk is kept for the next burst
    void* again = slab.allocate();
    QVERIFY(again != nullptr);
    net::SlabAllocator::release(again);
    QCOMPARE(slab.chunks(), size_t{1});
  }

  void poolsGiveBackWhatASecondDidNotUse() {
    net::BufferPool buffers(4096);
    std::vector<net::IoBuffer> held(100);
    for (auto& b : held) buffers.acquire(b);
    for (auto& b : held) buffers.release(b);
    QCOMPARE(buffers.trim(), size_t{0});         // they were in use during this period
    net::IoBuffer one;
    buffers.acquire(one);
    buffers.release(one);
    QCOMPARE(buffers.trim(), size_t{99} * 4096);  // all but the one taken again stayed free

    proxy::ExchangePool exchanges;
    std::vector<std::unique_ptr<proxy::Exchange>> taken;
    for (int i = 0; i < 50; ++i) taken.push_back(exchanges.take({}));
    for (auto& x : taken) exchanges.giveBack(std::move(x));
    QCOMPARE(exchanges.trim(), size_t{0});
    QCOMPARE(exchanges.trim(), size_t{50});
    QCOMPARE(exchanges.spare(), size_t{0});
  }
};

QTEST_GUILESS_MAIN(TestProxyUnits)
#include "test_proxy_units.moc"
