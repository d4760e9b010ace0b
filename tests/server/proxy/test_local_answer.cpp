// Local answers alone, over a socket pair for the client: a plugin's answer (its headers and the
// ones other plugins added, a JSON message or a raw body, a cached body sent from memory), what
// the client receives, a HEAD request's bodiless answer, and the client side's accounting (bytes
// sent, a copy for a plugin that asked, a slow reader).
#include "loopback_fixture.h"
#include "proxy/local_answer.h"

#include <QtTest>

using namespace sluice;
using Kind = proxy::Step::Kind;

class TestLocalAnswer : public QObject {
  Q_OBJECT

  static proxy::Step answer(testing::WiredExchange& w, const http::GatewayResponse& r, std::shared_ptr<const std::string> body = nullptr) {
    if (!proxy::writeLocalAnswer(*w.worker, *w.client, w.x, r, std::move(body))) return proxy::Step::close();
    return proxy::sendLocalAnswer(*w.client, w.x);
  }

 private slots:
  void aPluginsMessageBecomesKongsJsonBody() {
    plugins::RequestContext ctx;
    ctx.local.status = 401;
    ctx.local.message = "No API key found in request";
    ctx.local.headers.add("WWW-Authenticate", "Key realm=\"kong\"");
    ctx.responseHeaders.add("X-Added", "by another plugin");
    std::string headers;
    const http::GatewayResponse r = proxy::pluginAnswer(ctx, headers, true);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.message, std::string_view("No API key found in request"));
    QVERIFY(!r.rawBody);
    QVERIFY(r.close);  // a request body left unread: the connection cannot go on
    QCOMPARE(headers, std::string("WWW-Authenticate: Key realm=\"kong\"\r\nX-Added: by another plugin\r\n"));

    testing::WiredExchange w;
    QCOMPARE(answer(w, r).kind, Kind::Done);
    const std::string got = w.toClient();
    QVERIFY(got.starts_with("HTTP/1.1 401 Unauthorized\r\n"));
    QVERIFY(got.find("WWW-Authenticate: Key realm=\"kong\"\r\n") != std::string::npos);
    QVERIFY(got.find("\"message\":\"No API key found in request\"") != std::string::npos);  // Kong's JSON shape
    QVERIFY(w.x.anyResponseByte);
    QCOMPARE(w.x.ctx.bytesSent, uint64_t{got.size()});
  }

  void aRawBodyGoesAsItIs() {
    plugins::RequestContext ctx;
    ctx.local.status = 200;
    ctx.local.body = "<ok/>";
    ctx.local.contentType = "application/xml";
    std::string headers;
    const http::GatewayResponse r = proxy::pluginAnswer(ctx, headers, false);
    QVERIFY(r.rawBody);
    testing::WiredExchange w;
    QCOMPARE(answer(w, r).kind, Kind::Done);
    const std::string got = w.toClient();
    QVERIFY(got.find("Content-Type: application/xml\r\n") != std::string::npos);
    QVERIFY(got.ends_with("\r\n\r\n<ok/>"));
  }

  void aCachedBodyIsSentFromMemoryAndCopiedForAPluginThatAsked() {
    plugins::RequestContext ctx;
    ctx.local.status = 200;
    ctx.local.headers.add("Content-Type", "text/plain");
    ctx.local.sharedBody = std::make_shared<const std::string>(std::string(200000, 'x'));
    std::string headers;
    const http::GatewayResponse r = proxy::pluginAnswer(ctx, headers, false);
    QCOMPARE(r.bodyLength.value_or(0), size_t{200000});
    testing::WiredExchange w;
    w.x.ctx.capture.active = true;
    w.x.ctx.capture.limit = 1 << 20;
    std::string got;
    proxy::Step s = answer(w, r, ctx.local.sharedBody);
    for (int i = 0; i < 1000 && s.kind == Kind::WaitForClient; ++i) {  // a socket pair holds less than the body
      got += w.toClient();
      w.client->connection().noteEvents(EPOLLOUT);
      s = proxy::sendLocalAnswer(*w.client, w.x);
    }
    QCOMPARE(s.kind, Kind::Done);
    got += w.toClient();
    QVERIFY(got.find("Content-Length: 200000\r\n") != std::string::npos);
    QVERIFY(got.ends_with(std::string(200000, 'x')));
    QCOMPARE(w.x.ctx.capture.body.size(), size_t{200000});  // the body, not the head
    QVERIFY(!w.x.localBody);                                 // let go once sent
  }

  void aHeadRequestGetsNoBody() {
    testing::WiredExchange w;
    w.x.isHead = true;
    QCOMPARE(answer(w, http::GatewayResponse{404, "no Route matched with those values", {}, false, false}).kind, Kind::Done);
    const std::string got = w.toClient();
    QVERIFY(got.starts_with("HTTP/1.1 404 Not Found\r\n"));
    QVERIFY(got.ends_with("\r\n\r\n"));
  }

  void aClientThatLeftIsAClose() {
    testing::WiredExchange w;
    ::close(w.clientPeer);
    w.clientPeer = -1;
    QCOMPARE(answer(w, http::GatewayResponse{502, {}, {}, false, false}).kind, Kind::Close);
  }
};

QTEST_GUILESS_MAIN(TestLocalAnswer)
#include "test_local_answer.moc"
