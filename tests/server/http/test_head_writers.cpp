// The HTTP/1.x head writers alone: the request forwarded upstream, the response passed to the
// client, and the gateway's own responses.
#include "http/gateway_response.h"
#include "http/request_head_writer.h"
#include "http/request_parser.h"
#include "http/response_head_writer.h"
#include "http/response_parser.h"

#include <QtTest>

using namespace sluice;
using namespace sluice::http;

class TestHeadWriters : public QObject {
  Q_OBJECT

  net::BufferPool pool_{16384};

  std::string written(const std::function<bool(net::IoBuffer&)>& write) {
    net::IoBuffer out;
    pool_.acquire(out);
    if (!write(out)) return "<did not fit>";
    std::string text(out.view());
    out.clear();
    pool_.release(out);
    return text;
  }

 private slots:
  void theForwardedRequestDropsHopByHopAndAddsForwarding() {
    const std::string text =
        "POST /a?x=1 HTTP/1.1\r\nHost: example.com:8000\r\nConnection: keep-alive, X-Secret\r\nX-Secret: s\r\n"
        "Keep-Alive: 5\r\nX-Forwarded-For: 1.2.3.4\r\nX-Real-IP: 9.9.9.9\r\nExpect: 100-continue\r\nContent-Length: 3\r\n"
        "Accept: */*\r\n\r\n";
    RequestHead head;
    RequestParser parser;
    QCOMPARE(parser.parse(text, head), ParseResult::Done);
    ForwardedRequest f;
    f.clientIp = "10.0.0.7";
    f.serverPort = 8000;
    f.upstreamPath = "/svc/a?x=1";
    f.host = "backend:80";
    f.requestId = "abc";
    f.forwardedPrefix = "/api";
    const std::string out = written([&](net::IoBuffer& b) { return writeForwardedRequestHead(b, head, f); });
    QCOMPARE(out, std::string("POST /svc/a?x=1 HTTP/1.1\r\nHost: backend:80\r\nAccept: */*\r\n"
                              "X-Forwarded-For: 1.2.3.4, 10.0.0.7\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: example.com\r\n"
                              "X-Forwarded-Port: 8000\r\nX-Forwarded-Path: /a\r\nX-Real-IP: 10.0.0.7\r\n"
                              "X-Forwarded-Prefix: /api\r\nX-Sluice-Request-Id: abc\r\nContent-Length: 3\r\n\r\n"));
  }

  void theForwardedRequestCarriesChangesAndFraming() {
    const std::string text = "GET / HTTP/1.1\r\nHost: h\r\nX-Drop: 1\r\nX-Keep: 2\r\nX-Set: old\r\nTransfer-Encoding: chunked\r\n\r\n";
    RequestHead head;
    RequestParser parser;
    QCOMPARE(parser.parse(text, head), ParseResult::Done);
    HeaderEdits set;
    set.add("X-Set", "new");
    set.add("X-Keep", "3", true);
    NameList removed;
    removed.add("x-drop");
    ForwardedRequest f;
    f.method = "PUT";
    f.clientIp = "1.1.1.1";
    f.upstreamPath = "/";
    f.host = "h";
    f.chunkedBody = true;
    f.close = true;
    f.changes = {&set, &removed};
    const std::string out = written([&](net::IoBuffer& b) { return writeForwardedRequestHead(b, head, f); });
    QVERIFY2(out.rfind("PUT / HTTP/1.1\r\n", 0) == 0, out.c_str());
    QVERIFY2(out.find("X-Drop") == std::string::npos, out.c_str());
    QVERIFY2(out.find("X-Set: old") == std::string::npos, out.c_str());
    QVERIFY2(out.find("X-Keep: 2\r\n") != std::string::npos && out.find("X-Keep: 3\r\n") != std::string::npos, out.c_str());
    QVERIFY2(out.find("X-Set: new\r\n") != std::string::npos, out.c_str());
    QVERIFY2(out.find("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n") != std::string::npos, out.c_str());
    // A body read whole goes with its length instead.
    f.chunkedBody = false;
    f.bufferedBodyLength = 11;
    const std::string whole = written([&](net::IoBuffer& b) { return writeForwardedRequestHead(b, head, f); });
    QVERIFY2(whole.find("Content-Length: 11\r\n") != std::string::npos && whole.find("chunked") == std::string::npos, whole.c_str());
  }

  void thePassedResponseFollowsTheClientsVersion() {
    const std::string text = "HTTP/1.1 200 OK\r\nConnection: X-Hop\r\nX-Hop: 1\r\nServer: up\r\nTransfer-Encoding: chunked\r\nVary: A\r\n\r\n";
    ResponseHead response;
    ResponseParser parser;
    QCOMPARE(parser.parse(text, response, false), ParseResult::Done);
    HeaderEdits set;
    set.add("Vary", "B", true);
    PassedResponse p;
    p.changes = {&set, nullptr};
    p.via = "1.1 sluice/0.1.0";
    p.requestId = "r1";
    QCOMPARE(written([&](net::IoBuffer& b) { return writePassedResponseHead(b, response, p); }),
             std::string("HTTP/1.1 200 OK\r\nServer: up\r\nVary: A\r\nVary: B\r\nTransfer-Encoding: chunked\r\n"
                         "Via: 1.1 sluice/0.1.0\r\nX-Sluice-Request-Id: r1\r\n\r\n"));
    // An HTTP/1.0 client gets the body de-chunked and the connection closed after it.
    PassedResponse old;
    old.clientMinor = 0;
    old.dechunk = true;
    old.keepAlive = false;
    QCOMPARE(written([&](net::IoBuffer& b) { return writePassedResponseHead(b, response, old); }),
             std::string("HTTP/1.0 200 OK\r\nServer: up\r\nVary: A\r\nConnection: close\r\n\r\n"));
  }

  void aWholeBodyGoesWithItsLengthAndAnUpgradeWithItsHeaders() {
    const std::string text = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";
    ResponseHead response;
    ResponseParser parser;
    QCOMPARE(parser.parse(text, response, false), ParseResult::Done);
    response.contentLength = 12;  // edited by a body filter
    PassedResponse p;
    p.wholeBody = true;
    p.upstreamLatencyMs = 3;
    p.proxyLatencyMs = 1;
    QCOMPARE(written([&](net::IoBuffer& b) { return writePassedResponseHead(b, response, p); }),
             std::string("HTTP/1.1 200 OK\r\nContent-Length: 12\r\nX-Sluice-Upstream-Latency: 3\r\nX-Sluice-Proxy-Latency: 1\r\n\r\n"));
    const std::string switching = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
    ResponseHead upgrade;
    ResponseParser again;
    QCOMPARE(again.parse(switching, upgrade, false), ParseResult::Done);
    PassedResponse u;
    u.upgrade = true;
    QCOMPARE(written([&](net::IoBuffer& b) { return writePassedResponseHead(b, upgrade, u); }),
             std::string("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n"));
  }

  void gatewayResponsesAreKongsJson() {
    GatewayResponse r{404, "no Route matched with those values", {}, false, false};
    QCOMPARE(written([&](net::IoBuffer& b) { return writeGatewayResponse(b, r, false, "sluice", "id1"); }),
             std::string("HTTP/1.1 404 Not Found\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 52\r\n"
                         "Server: sluice\r\nX-Sluice-Request-Id: id1\r\n\r\n{\n  \"message\":\"no Route matched with those values\"\n}"));
    GatewayResponse quoted{400, "a \"b\"\n", {}, true, false};
    const std::string out = written([&](net::IoBuffer& b) { return writeGatewayResponse(b, quoted, false, {}, {}); });
    QVERIFY2(out.find("{\n  \"message\":\"a \\\"b\\\"\\n\"\n}") != std::string::npos, out.c_str());
    QVERIFY2(out.find("Connection: close\r\n") != std::string::npos, out.c_str());
    // A HEAD request gets the head alone; the default message stands in for an empty one.
    GatewayResponse plain{502, {}, {}, false, false};
    const std::string head = written([&](net::IoBuffer& b) { return writeGatewayResponse(b, plain, true, {}, {}); });
    QVERIFY2(head.size() >= 4 && head.compare(head.size() - 4, 4, "\r\n\r\n") == 0, head.c_str());
    const std::string body = written([&](net::IoBuffer& b) { return writeGatewayResponse(b, plain, false, {}, {}); });
    QVERIFY2(body.find("An invalid response was received from the upstream server") != std::string::npos, body.c_str());
  }

  void aHeadThatDoesNotFitSaysSo() {
    net::BufferPool small(64);
    net::IoBuffer out;
    small.acquire(out);
    GatewayResponse r{404, "no Route matched with those values", {}, false, false};
    QVERIFY(!writeGatewayResponse(out, r, false, "sluice", "id1"));
    out.clear();
    small.release(out);
  }
};

QTEST_GUILESS_MAIN(TestHeadWriters)
#include "test_head_writers.moc"
