// The upstream leg alone, on real loopback sockets: connecting, sending and reading, the retry
// decisions of Kong/nginx, and passive health checks.
#include "loopback_fixture.h"
#include "proxy/proxy_worker.h"
#include "proxy/target_health.h"
#include "proxy/upstream_leg.h"
#include "snapshot/snapshot_publisher.h"

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

using namespace sluice;

using testing::directService;
using testing::Listener;
using testing::loopback;
using testing::NoOwner;

class TestUpstreamLeg : public QObject {
  Q_OBJECT

  std::shared_ptr<snapshot::ConfigSnapshot> snap_;
  snapshot::SnapshotPublisher publisher_;
  std::unique_ptr<proxy::ProxyWorker> worker_;
  proxy::SnapshotPin pin_;
  NoOwner owner_;

  // Publishes a snapshot with one service (index 0) and returns an exchange bound to it.
  void useService(snapshot::ServiceRuntime service, proxy::Exchange& x) {
    snap_->services = {std::move(service)};
    publisher_.publish(snap_);
    worker_ = std::make_unique<proxy::ProxyWorker>(0, std::make_shared<proxy::ProxySettings>(), publisher_);
    pin_.snapshot = snap_;
    x.pin = &pin_;
    x.service = &snap_->services[0];
    x.tries = 0;
  }

 private slots:
  void init() { snap_ = std::make_shared<snapshot::ConfigSnapshot>(); }

  void sendsAndReadsOnALoopbackConnection() {
    Listener peer;
    proxy::Exchange x;
    useService(directService(peer.port), x);
    proxy::UpstreamLeg leg(*worker_, owner_);
    const auto started = leg.start(x);
    QVERIFY(started == proxy::UpstreamLeg::Start::Connected || started == proxy::UpstreamLeg::Start::Connecting);
    const int accepted = ::accept(peer.fd, nullptr, nullptr);
    QVERIFY(accepted >= 0);
    if (started == proxy::UpstreamLeg::Start::Connecting) {
      leg.noteEvents(EPOLLOUT);
      QVERIFY(leg.finishConnect(x));
    }
    QCOMPARE(x.tries, 1);
    QCOMPARE(leg.send(x, "ping", 4), ssize_t{4});
    char got[8] = {};
    QCOMPARE(::read(accepted, got, sizeof got), ssize_t{4});
    QCOMPARE(std::string(got, 4), std::string("ping"));
    QCOMPARE(::write(accepted, "pong", 4), ssize_t{4});
    leg.noteEvents(EPOLLIN);
    ssize_t n = 0;
    for (int i = 0; i < 100 && n == 0; ++i) {
      n = leg.read();
      if (n == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        leg.noteEvents(EPOLLIN);
      }
    }
    QCOMPARE(n, ssize_t{4});
    QCOMPARE(leg.in().view(), std::string_view("pong"));
    leg.in().consume(4);
    leg.release(x, true);
    QVERIFY(!leg.active());
    ::close(accepted);
  }

  void aRefusedConnectIsRetriedUpToRetries() {
    Listener nobody(false);
    proxy::Exchange x;
    useService(directService(nobody.port, 2), x);
    proxy::UpstreamLeg leg(*worker_, owner_);
    std::vector<proxy::UpstreamLeg::AfterFailure> decisions;
    for (int i = 0; i < 3; ++i) {
      const auto started = leg.start(x);
      QVERIFY(started != proxy::UpstreamLeg::Start::NoPeer);
      if (started == proxy::UpstreamLeg::Start::Connecting) QVERIFY(!leg.finishConnect(x));
      decisions.push_back(leg.failed(x, proxy::UpstreamLeg::Failure::Connect));
    }
    using A = proxy::UpstreamLeg::AfterFailure;
    QCOMPARE(decisions, (std::vector<A>{A::Retry, A::Retry, A::Respond}));  // 1 try + 2 retries
    QCOMPARE(x.tries, 3);
  }

  void whatIsNotRetried() {
    Listener peer;
    proxy::Exchange x;
    useService(directService(peer.port), x);
    proxy::UpstreamLeg leg(*worker_, owner_);
    using A = proxy::UpstreamLeg::AfterFailure;
    using F = proxy::UpstreamLeg::Failure;
    (void)leg.start(x);
    QCOMPARE(leg.failed(x, F::Timeout), A::Respond);  // the request may have been processed
    (void)leg.start(x);
    x.anyResponseByte = true;
    QCOMPARE(leg.failed(x, F::Reset), A::Close);  // the client has part of the response already
    x.anyResponseByte = false;
    (void)leg.start(x);
    QCOMPARE(leg.failed(x, F::Protocol), A::Respond);
  }

  void noAddressIsNoPeer() {
    proxy::Exchange x;
    useService(snapshot::ServiceRuntime{}, x);
    proxy::UpstreamLeg leg(*worker_, owner_);
    QCOMPARE(leg.start(x), proxy::UpstreamLeg::Start::NoPeer);
    QCOMPARE(leg.noPeerMessage(), std::string_view("name resolution failed"));
  }

  void passiveChecksMoveTheTargetsHealth() {
    snapshot::UpstreamRuntime up;
    up.health.passiveTcpFailures = 2;
    up.health.passiveUnhealthyStatuses = {503};
    up.health.passiveHttpFailures = 1;
    snapshot::TargetRuntime target;
    target.addresses = {loopback(1)};
    target.health = std::make_shared<proxy::CheckedTarget>();
    up.targets = {target};
    snap_->upstreams = {up};
    snapshot::ServiceRuntime service;
    service.upstream = 0;
    proxy::Exchange x;
    useService(service, x);
    x.targetIndex = 0;
    proxy::UpstreamLeg leg(*worker_, owner_);
    const auto& health = *snap_->upstreams[0].targets[0].health;
    leg.reportOutcome(x, snapshot::Outcome::TcpFailure);
    QVERIFY(health.healthy());
    leg.reportOutcome(x, snapshot::Outcome::TcpFailure);
    QVERIFY(!health.healthy());
    snap_->upstreams[0].targets[0].health->set(true, "by hand");
    leg.reportOutcome(x, snapshot::Outcome::Success, 200);
    QVERIFY(health.healthy());
    leg.reportOutcome(x, snapshot::Outcome::Success, 503);  // a listed status counts as an HTTP failure
    QVERIFY(!health.healthy());
  }
};

QTEST_GUILESS_MAIN(TestUpstreamLeg)
#include "test_upstream_leg.moc"
