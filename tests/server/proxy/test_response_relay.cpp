// The response relay alone, on real sockets (the test plays the upstream and the client): heads
// with interim responses, bodies passed on as they arrive whatever the split of their bytes,
// collected for body filters, tunnels, and what a broken or truncated upstream response causes.
#include "loopback_fixture.h"
#include "proxy/response_relay.h"

#include <QtTest>

using namespace sluice;
using Kind = proxy::Step::Kind;
using Mode = proxy::ResponseRelay::Mode;

class TestResponseRelay : public QObject {
  Q_OBJECT

  // Reads the head (and passes or collects the body) of what the upstream sends in `parts`, one
  // write each; returns the bytes the client got, and the last step.
  static std::pair<std::string, proxy::Step> relay(testing::WiredExchange& w, const std::vector<std::string>& parts,
                                                    bool upstreamCloses = false) {
    proxy::ResponseRelay relay(*w.worker, *w.client, *w.leg);
    bool keepAlive = true;
    bool headIn = false;
    proxy::Step last = proxy::Step::wait();
    std::string got;
    for (size_t i = 0; i <= parts.size(); ++i) {
      if (i < parts.size()) w.fromUpstream(parts[i]);
      else if (upstreamCloses) w.upstreamCloses();
      else break;
      if (!headIn) {
        last = w.run([&] { return relay.readHead(w.x, keepAlive); });
        if (last.kind != Kind::Done) continue;
        headIn = true;
      }
      last = w.run([&] { return relay.mode() == Mode::Collect ? relay.collect(w.x, keepAlive) : relay.pass(w.x); });
      got += w.toClient();
      if (last.kind == Kind::Done && relay.mode() == Mode::Collect) {
        last = w.run([&] {
          proxy::Step s = proxy::Step::wait();
          const std::string_view body = w.x.localBody ? std::string_view(*w.x.localBody) : std::string_view();
          const ssize_t n = w.client->write(w.x, body.substr(w.x.localBodySent));
          if (n > 0) w.x.localBodySent += static_cast<size_t>(n);
          if (w.client->out().readable() == 0 && w.x.localBodySent == body.size()) s = proxy::Step::done();
          return s;
        });
        got += w.toClient();
      }
      if (last.kind != Kind::Wait) break;
    }
    return {got, last};
  }

 private slots:
  void passesABodyOnWhateverTheSplitOfItsBytes() {
    const std::string response = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-Up: 1\r\n\r\nhello world";
    std::string first;
    auto settings = std::make_shared<proxy::ProxySettings>();
    settings->latencyTokens = false;  // (they differ from run to run)
    for (size_t cut = 1; cut < response.size(); ++cut) {
      testing::WiredExchange w(settings);
      QVERIFY(w.connectUpstream());
      const auto [got, last] = relay(w, {response.substr(0, cut), response.substr(cut)});
      QVERIFY2(last.kind == Kind::Done, qPrintable(QString("cut at %1").arg(cut)));
      QVERIFY(got.starts_with("HTTP/1.1 200 OK\r\n"));
      QVERIFY(got.ends_with("\r\n\r\nhello world"));
      QVERIFY(got.find("X-Up: 1\r\n") != std::string::npos);
      if (first.empty()) first = got;
      QCOMPARE(QString::fromStdString(got), QString::fromStdString(first));  // the same bytes reach the client, cut wherever
    }
  }

  void dropsInterimResponses() {
    testing::WiredExchange w;
    QVERIFY(w.connectUpstream());
    const auto [got, last] = relay(w, {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"});
    QCOMPARE(last.kind, Kind::Done);
    QVERIFY(got.starts_with("HTTP/1.1 204 No Content\r\n"));
    QVERIFY(got.find("100 Continue") == std::string::npos);
  }

  void aBodyUntilCloseEndsWithTheUpstreamsClose() {
    testing::WiredExchange w;
    QVERIFY(w.connectUpstream());
    const auto [got, last] = relay(w, {"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nsome", " more"}, true);
    QCOMPARE(last.kind, Kind::Done);
    QVERIFY(got.ends_with("some more"));
    QVERIFY(!w.leg->reusableAfter(w.x));
  }

  void aTruncatedBodyClosesTheClient() {
    testing::WiredExchange w;
    QVERIFY(w.connectUpstream());
    const auto [got, last] = relay(w, {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"}, true);
    QCOMPARE(last.kind, Kind::Close);  // the client must see the connection end
    QVERIFY(got.ends_with("short"));
  }

  void collectsTheBodyForTheBodyFilters() {
    testing::WiredExchange w;
    QVERIFY(w.connectUpstream());
    w.x.ctx.bufferResponse = true;  // as a plugin's header_filter asks
    const auto [got, last] = relay(w, {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", "6\r\n world\r\n0\r\n\r\n"});
    QCOMPARE(last.kind, Kind::Done);
    QVERIFY(got.find("Content-Length: 11\r\n") != std::string::npos);  // de-chunked, with its length
    QVERIFY(got.find("chunked") == std::string::npos);
    QVERIFY(got.ends_with("\r\n\r\nhello world"));
    QVERIFY(!w.leg->active());  // released once the body was in
  }

  void aCollectedBodyOverTheLimitIsA502() {
    auto settings = std::make_shared<proxy::ProxySettings>();
    settings->bodyBufferSize = 8;
    testing::WiredExchange w(settings);
    QVERIFY(w.connectUpstream());
    w.x.ctx.bufferResponse = true;
    const auto [got, last] = relay(w, {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n"});
    QCOMPARE(last.kind, Kind::Respond);
    QCOMPARE(last.status, 502);
    QVERIFY(got.empty());  // nothing reached the client
  }

  void brokenUpstreamsFail() {
    {
      testing::WiredExchange w;
      QVERIFY(w.connectUpstream());
      const auto [got, last] = relay(w, {"garbage\r\n\r\n"});
      QCOMPARE(last.kind, Kind::UpstreamFailed);
      QCOMPARE(last.failure, proxy::UpstreamLeg::Failure::Protocol);
    }
    {
      testing::WiredExchange w;
      QVERIFY(w.connectUpstream());
      const auto [got, last] = relay(w, {}, true);  // closed before a byte: a stale connection, retried
      QCOMPARE(last.kind, Kind::UpstreamFailed);
      QCOMPARE(last.failure, proxy::UpstreamLeg::Failure::Reset);
    }
    {
      testing::WiredExchange w;
      QVERIFY(w.connectUpstream());
      const auto [got, last] = relay(w, {"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"});
      QCOMPARE(last.kind, Kind::UpstreamFailed);  // an upgrade the client did not ask for
    }
  }

  void tunnelsBothWaysAfterAnUpgrade() {
    testing::WiredExchange w;
    QVERIFY(w.connectUpstream());
    w.x.head.upgrade = true;
    proxy::ResponseRelay relay(*w.worker, *w.client, *w.leg);
    bool keepAlive = true;
    w.fromUpstream("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nfrom-up");
    QCOMPARE(w.run([&] { return relay.readHead(w.x, keepAlive); }).kind, Kind::Done);
    QCOMPARE(relay.mode(), Mode::Tunnel);
    QCOMPARE(w.run([&] { return relay.tunnel(w.x); }).kind, Kind::Wait);
    const std::string got = w.toClient();
    QVERIFY(got.starts_with("HTTP/1.1 101 Switching Protocols\r\n"));
    w.fromClient("from-client");
    w.leg->noteEvents(EPOLLOUT);
    QCOMPARE(w.run([&] { return relay.tunnel(w.x); }).kind, Kind::Wait);
    QCOMPARE(w.toUpstream(), std::string("from-client"));
    QVERIFY(got.ends_with("from-up") || w.toClient() == "from-up");
    w.upstreamCloses();
    QCOMPARE(w.run([&] { return relay.tunnel(w.x); }).kind, Kind::Close);
  }
};

QTEST_GUILESS_MAIN(TestResponseRelay)
#include "test_response_relay.moc"
