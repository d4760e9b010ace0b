// The HTTP/1.x server codec alone: a client's pipelined bytes, cut anywhere, give the same requests
// and bodies; an upstream's response goes out in the framing the client can take.
#include "http/http1_server_codec.h"

#include <QtTest>

using namespace sluice;
using namespace sluice::http;

namespace {

// What the codec makes of a connection's bytes arriving in `pieces`: one line per request head,
// one per complete body, one per refusal.
std::vector<std::string> requests(const std::vector<std::string_view>& pieces) {
  Http1ServerCodec codec;
  RequestHead head;
  std::string buffer, body;
  bool inBody = false;
  std::vector<std::string> events;
  for (std::string_view piece : pieces) {
    buffer.append(piece);
    for (;;) {
      if (!inBody) {
        const auto r = codec.readHead(buffer, head);
        if (r == Http1ServerCodec::Head::NeedMore) break;
        if (r == Http1ServerCodec::Head::Error) {
          events.push_back("refused " + std::to_string(codec.errorStatus()));
          return events;
        }
        events.push_back("head " + std::string(head.method) + " " + std::string(head.target));
        buffer.erase(0, head.headBytes);  // (the head's views die here: copied above)
        inBody = true;
      }
      const size_t used = codec.readBody(buffer, [&body](std::string_view d) { body.append(d); });
      buffer.erase(0, used);
      if (codec.bodyFailed()) {
        events.push_back("bad body");
        return events;
      }
      if (!codec.bodyDone()) break;
      events.push_back("body [" + body + "] seen " + std::to_string(codec.bodySeen()));
      body.clear();
      inBody = false;
      codec.reset();
    }
  }
  return events;
}

// An upstream's response as the session holds it: its head parsed, the rest in the upstream's
// buffer, and the client's buffer to write into.
struct Relay {
  std::string upstream;
  ResponseHead response;
  net::BufferPool& pool;
  net::IoBuffer in, out;
  Http1ServerCodec codec;
  Relay(net::BufferPool& buffers, std::string bytes) : upstream(std::move(bytes)), pool(buffers) {
    ResponseParser parser;
    if (parser.parse(upstream, response, false) != ParseResult::Done) qFatal("unparsable test response");
    pool.acquire(in);
    pool.acquire(out);
    (void)in.append(std::string_view(upstream).substr(response.headBytes));
  }
  ~Relay() {
    in.clear();
    out.clear();
    pool.release(in);
    pool.release(out);
  }
};

}  // namespace

class TestHttp1ServerCodec : public QObject {
  Q_OBJECT

  net::BufferPool pool_{16384};

 private slots:
  void pipelinedRequestsCutAnywhereGiveTheSameEvents() {
    const std::string bytes =
        "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3;x=y\r\nefg\r\n0\r\n\r\n"
        "PUT /put HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
        "GET /last?q=1 HTTP/1.1\r\nHost: a\r\n\r\n";
    const std::vector<std::string> expected{"head POST /upload", "body [abcdefg] seen 7", "head PUT /put",
                                            "body [hello] seen 5", "head GET /last?q=1", "body [] seen 0"};
    const std::string_view all = bytes;
    QCOMPARE(requests({all}), expected);
    for (size_t i = 0; i <= all.size(); ++i)
      QVERIFY2(requests({all.substr(0, i), all.substr(i)}) == expected, qPrintable(QString("cut at %1").arg(i)));
    std::vector<std::string_view> bytewise;
    for (size_t i = 0; i < all.size(); ++i) bytewise.push_back(all.substr(i, 1));
    QCOMPARE(requests(bytewise), expected);
  }

  void badRequestsAreRefusedWhereverCut() {
    const std::string smuggling = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n";
    const std::string badChunk = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n";
    for (const std::string& bytes : {smuggling, badChunk}) {
      const std::string_view all = bytes;
      const auto whole = requests({all});
      QVERIFY(!whole.empty() && (whole.back().rfind("refused 400", 0) == 0 || whole.back() == "bad body"));
      for (size_t i = 0; i <= all.size(); ++i)
        QVERIFY2(requests({all.substr(0, i), all.substr(i)}) == whole, qPrintable(QString("cut at %1").arg(i)));
    }
  }

  void aChunkedResponseGoesDechunkedToAnHttp10Client() {
    Relay r(pool_, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    Http1ServerCodec& codec = r.codec;
    net::IoBuffer &in = r.in, &out = r.out;
    PassedResponse passed;
    passed.clientMinor = 0;
    QVERIFY(codec.writeResponseHead(out, r.response, passed));
    QVERIFY(passed.dechunk);
    QVERIFY(!passed.keepAlive);  // the end of the data is the end of the connection
    BodyDecoder body;
    body.start(r.response.framing, r.response.contentLength);
    QVERIFY(codec.responseBody(body, in, out).empty());  // nothing to pass as it is: decoded into out
    QVERIFY(body.done());
    const std::string sent(out.view());
    QVERIFY2(sent.size() > 11 && sent.compare(sent.size() - 11, 11, "hello world") == 0, sent.c_str());
  }

  void anHttp11ClientGetsTheUpstreamsFramingAsItIs() {
    Relay r(pool_, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nHTTP/1.1 204");
    Http1ServerCodec& codec = r.codec;
    net::IoBuffer &in = r.in, &out = r.out;
    PassedResponse passed;
    QVERIFY(codec.writeResponseHead(out, r.response, passed));
    QVERIFY(!passed.dechunk);
    QVERIFY(passed.keepAlive);
    BodyDecoder body;
    body.start(r.response.framing, r.response.contentLength);
    const std::string_view raw = codec.responseBody(body, in, out);
    QCOMPARE(raw, std::string_view("5\r\nhello\r\n0\r\n\r\n"));  // up to the body's end, not the next response
    QVERIFY(!body.done());
    codec.responseBodySent(body, raw.substr(0, 4));
    QVERIFY(!body.done());
    codec.responseBodySent(body, raw.substr(4));
    QVERIFY(body.done());
  }
};

QTEST_GUILESS_MAIN(TestHttp1ServerCodec)
#include "test_http1_server_codec.moc"
