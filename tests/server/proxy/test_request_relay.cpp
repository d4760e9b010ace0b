// The request relay alone, on real sockets (the test plays the client and the upstream): the
// request head and a streamed body going up whatever the split of the client's bytes, a new
// connection completed first, client_max_body_size and a plugin's limit, a broken chunked body,
// a client that leaves mid-body, and bodies the plugins read (100 Continue, the size limit).
#include "loopback_fixture.h"
#include "proxy/request_relay.h"

#include <QtTest>

using namespace sluice;
using Kind = proxy::Step::Kind;

class TestRequestRelay : public QObject {
  Q_OBJECT

  // Parses `head` as the client's request head (the bytes stay in `keep`) and puts the head for
  // the upstream (here: the same bytes) in the leg's request head.
  static bool readHead(testing::WiredExchange& w, const std::string& head) {
    if (w.x.codec.readHead(head, w.x.head) != http::Http1ServerCodec::Head::Ready) return false;
    w.worker->clientBuffers().acquire(w.leg->requestHead());
    return w.leg->requestHead().append(head);
  }

  // Sends the request with the client's body bytes arriving in `parts`; returns the last step.
  static proxy::Step sendWith(testing::WiredExchange& w, proxy::RequestRelay& relay, const std::vector<std::string>& parts) {
    proxy::Step last = w.run([&] { return relay.send(w.x); });
    for (const std::string& part : parts) {
      if (last.kind != Kind::WaitForClient && last.kind != Kind::Wait) break;
      w.fromClient(part);
      last = w.run([&] { return relay.send(w.x); });
    }
    return last;
  }

 private slots:
  void sendsHeadAndBodyWhateverTheSplitOfTheBody() {
    const std::string head = "POST /orders HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
    const std::string body = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    for (size_t cut = 1; cut < body.size(); ++cut) {
      testing::WiredExchange w;
      QVERIFY(w.connectUpstream());
      QVERIFY(readHead(w, head));
      proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
      const proxy::Step last = sendWith(w, relay, {body.substr(0, cut), body.substr(cut)});
      QVERIFY2(last.kind == Kind::Done, qPrintable(QString("cut at %1").arg(cut)));
      QCOMPARE(w.toUpstream(), head + body);  // the chunks go up with their framing
      QVERIFY(w.x.sentUs > 0);
      QVERIFY(w.x.requestBodyDone());
    }
  }

  void completesANewConnectionFirst() {
    testing::WiredExchange w;
    const auto started = w.leg->start(w.x);
    QVERIFY(started != proxy::UpstreamLeg::Start::NoPeer && started != proxy::UpstreamLeg::Start::Failed);
    w.upstreamPeer = ::accept(w.upstream.fd, nullptr, nullptr);
    QVERIFY(readHead(w, "GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
    if (w.leg->connecting()) {
      QCOMPARE(relay.send(w.x).kind, Kind::Wait);  // not writable yet
      w.leg->noteEvents(EPOLLOUT);
    }
    QCOMPARE(w.run([&] { return relay.send(w.x); }).kind, Kind::Done);
    QCOMPARE(w.toUpstream(), std::string("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
  }

  void aRefusedConnectIsAConnectFailure() {
    testing::WiredExchange w;
    testing::Listener nobody(false);
    w.snap->services[0] = testing::directService(nobody.port);
    const auto started = w.leg->start(w.x);
    if (started == proxy::UpstreamLeg::Start::Failed) return;  // refused at once: the session's concern
    QVERIFY(readHead(w, "GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
    w.leg->noteEvents(EPOLLOUT | EPOLLERR);
    const proxy::Step s = relay.send(w.x);
    QCOMPARE(s.kind, Kind::UpstreamFailed);
    QCOMPARE(s.failure, proxy::UpstreamLeg::Failure::Connect);
  }

  void bodyLimits() {
    {  // client_max_body_size, on a chunked body as it arrives
      auto settings = std::make_shared<proxy::ProxySettings>();
      settings->clientMaxBodySize = 8;
      testing::WiredExchange w(settings);
      QVERIFY(w.connectUpstream());
      QVERIFY(readHead(w, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"));
      proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
      const proxy::Step s = sendWith(w, relay, {"10\r\n0123456789abcdef\r\n0\r\n\r\n"});
      QCOMPARE(s.kind, Kind::Respond);
      QCOMPARE(s.status, 413);
      QVERIFY(s.unreadBody);
      QVERIFY(s.message.empty());
    }
    {  // a plugin's limit (request-size-limiting) answers with the plugin's message
      testing::WiredExchange w;
      QVERIFY(w.connectUpstream());
      QVERIFY(readHead(w, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"));
      w.x.ctx.bodyLimit = 4;
      w.x.ctx.bodyLimitMessage = "Request size limit exceeded";
      proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
      const proxy::Step s = sendWith(w, relay, {"10\r\n0123456789abcdef\r\n0\r\n\r\n"});
      QCOMPARE(s.kind, Kind::Respond);
      QCOMPARE(s.status, 413);
      QCOMPARE(s.message, std::string_view("Request size limit exceeded"));
    }
  }

  void aBrokenChunkIsA400() {
    testing::WiredExchange w;
    QVERIFY(w.connectUpstream());
    QVERIFY(readHead(w, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"));
    proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
    const proxy::Step s = sendWith(w, relay, {"zz\r\nnot a chunk\r\n"});
    QCOMPARE(s.kind, Kind::Respond);
    QCOMPARE(s.status, 400);
  }

  void aClientLeavingMidBodyCloses() {
    testing::WiredExchange w;
    QVERIFY(w.connectUpstream());
    QVERIFY(readHead(w, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n"));
    proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
    QCOMPARE(sendWith(w, relay, {"12345"}).kind, Kind::WaitForClient);
    w.clientCloses();
    QCOMPARE(w.run([&] { return relay.send(w.x); }).kind, Kind::Close);
  }

  void readsABodyForThePluginsAfterA100Continue() {
    testing::WiredExchange w;
    const std::string head = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n";
    QVERIFY(w.x.codec.readHead(head, w.x.head) == http::Http1ServerCodec::Head::Ready);
    proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
    QCOMPARE(relay.startReadingBody(w.x, head.data()).kind, Kind::Done);
    QCOMPARE(w.toClient(), std::string("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(!w.x.anyResponseByte);  // an interim response: an error may still follow
    QCOMPARE(w.run([&] { return relay.readBody(w.x); }).kind, Kind::WaitForClient);
    w.fromClient("hello");
    QCOMPARE(w.run([&] { return relay.readBody(w.x); }).kind, Kind::WaitForClient);
    w.fromClient(" world");
    QCOMPARE(w.run([&] { return relay.readBody(w.x); }).kind, Kind::Done);
    QCOMPARE(w.x.body, std::string("hello world"));
    QCOMPARE(w.x.requestHeadCopy, head);  // the head moved into the exchange
  }

  void aBodyForThePluginsOverTheBufferIsA413() {
    auto settings = std::make_shared<proxy::ProxySettings>();
    settings->bodyBufferSize = 4;
    testing::WiredExchange w(settings);
    const std::string head = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n";
    QVERIFY(w.x.codec.readHead(head, w.x.head) == http::Http1ServerCodec::Head::Ready);
    proxy::RequestRelay relay(*w.worker, *w.client, *w.leg);
    const proxy::Step s = relay.startReadingBody(w.x, head.data());
    QCOMPARE(s.kind, Kind::Respond);
    QCOMPARE(s.status, 413);
  }
};

QTEST_GUILESS_MAIN(TestRequestRelay)
#include "test_request_relay.moc"
