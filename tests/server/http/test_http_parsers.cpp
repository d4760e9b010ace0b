// The HTTP/1.1 parsers: well-formed requests and responses, every smuggling pattern rejected,
// limits mapped to 414/431, chunked framing validated.
#include "http/chunked_decoder.h"
#include "http/field_names.h"
#include "http/grpc_status.h"
#include "http/http_date.h"
#include "http/query_string.h"
#include "http/request_parser.h"
#include "http/response_parser.h"

#include <QtTest>

using namespace sluice::http;

Q_DECLARE_METATYPE(std::string)

class TestHttpParsers : public QObject {
  Q_OBJECT

  // `text` must outlive `head`: heads are views into it.
  static ParseResult parse(std::string_view text, RequestHead& head, int* status = nullptr) {
    RequestParser parser;
    const auto r = parser.parse(text, head);
    if (status) *status = parser.status();
    return r;
  }

 private slots:
  void grpcTimeoutsInEveryUnit() {
    QCOMPARE(grpcTimeoutMicros("2H"), uint64_t(7200000000));
    QCOMPARE(grpcTimeoutMicros("3M"), uint64_t(180000000));
    QCOMPARE(grpcTimeoutMicros("1S"), uint64_t(1000000));
    QCOMPARE(grpcTimeoutMicros("300m"), uint64_t(300000));
    QCOMPARE(grpcTimeoutMicros("99999999u"), uint64_t(99999999));
    QCOMPARE(grpcTimeoutMicros("1500n"), uint64_t(2));  // (rounded up)
    for (const char* bad : {"", "S", "123456789S", "1s", "-1S", "1.5S", "10"}) QCOMPARE(grpcTimeoutMicros(bad), uint64_t(0));
  }

  void httpDatesInTheirThreeForms() {
    constexpr int64_t k1994 = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example)
    QCOMPARE(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT").value_or(-1), k1994);
    QCOMPARE(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT").value_or(-1), k1994);
    QCOMPARE(parseHttpDate("Sun Nov  6 08:49:37 1994").value_or(-1), k1994);
    QCOMPARE(parseHttpDate("Thu, 03 Dec 2026 23:59:60 GMT").value_or(-1), int64_t{1796342400});  // a leap second
    QCOMPARE(parseHttpDate("Thu, 29 Feb 2024 12:00:00 GMT").value_or(-1), int64_t{1709208000});  // a leap day
    QCOMPARE(parseHttpDate("Mon, 01 Jan 2001 00:00:00 GMT").value_or(-1), int64_t{978307200});
    for (const char* bad : {"", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Foo 1994 08:49:37 GMT",
                            "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT ",
                            "Sun Nov 6 08:49:37 1994", "1994-11-06T08:49:37Z", "Fri, 31 Feb 2023 10:00:00 GMT",
                            "Tue, 29 Feb 2022 10:00:00 GMT"})
      QVERIFY2(!parseHttpDate(bad), bad);
  }

  void parsesAKeepAliveGet() {
    RequestHead head;
    const std::string text = "GET /a/b?x=1 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: t\r\n\r\n";
    QCOMPARE(parse(text, head), ParseResult::Done);
    QCOMPARE(head.method, std::string_view("GET"));
    QCOMPARE(head.path, std::string_view("/a/b"));
    QCOMPARE(head.query, std::string_view("x=1"));
    QCOMPARE(head.host, std::string_view("example.com"));
    QCOMPARE(head.headers.size(), size_t(2));
    QCOMPARE(head.framing, BodyFraming::None);
    QVERIFY(head.keepAlive);
    QCOMPARE(head.headBytes, text.size());
  }

  void parsesIncrementally() {
    const std::string text = "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello";
    RequestParser parser;
    RequestHead head;
    for (size_t n = 1; n < 45; ++n) QCOMPARE(parser.parse(std::string_view(text).substr(0, n), head), ParseResult::NeedMore);
    QCOMPARE(parser.parse(text, head), ParseResult::Done);
    QCOMPARE(head.framing, BodyFraming::ContentLength);
    QCOMPARE(head.contentLength, uint64_t(5));
    QCOMPARE(text.substr(head.headBytes), std::string("hello"));
  }

  void http10DefaultsToClose() {
    RequestHead head;
    QCOMPARE(parse("GET / HTTP/1.0\r\n\r\n", head), ParseResult::Done);
    QVERIFY(!head.keepAlive);
    QCOMPARE(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", head), ParseResult::Done);
    QVERIFY(head.keepAlive);
  }

  void absoluteFormTargetsGiveTheHost() {
    RequestHead head;
    QCOMPARE(parse("GET http://other.example/x?y HTTP/1.1\r\nHost: ignored\r\n\r\n", head), ParseResult::Done);
    QCOMPARE(head.host, std::string_view("other.example"));
    QCOMPARE(head.path, std::string_view("/x"));
  }

  void expectAndUpgrade() {
    RequestHead head;
    QCOMPARE(parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nExpect: 100-continue\r\n\r\n", head), ParseResult::Done);
    QVERIFY(head.expectContinue);
    QCOMPARE(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n", head), ParseResult::Done);
    QVERIFY(head.upgrade);
    QCOMPARE(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n\r\n", head), ParseResult::Done);
    QVERIFY(!head.upgrade);
  }

  void rejectsHostileRequests_data() {
    QTest::addColumn<std::string>("request");
    QTest::addColumn<int>("status");
    const std::string h = "Host: h\r\n";
    QTest::newRow("CL and TE") << "POST / HTTP/1.1\r\n" + h + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n" << 400;
    QTest::newRow("two CL") << "POST / HTTP/1.1\r\n" + h + "Content-Length: 4\r\nContent-Length: 5\r\n\r\n" << 400;
    QTest::newRow("same CL twice") << "POST / HTTP/1.1\r\n" + h + "Content-Length: 4\r\nContent-Length: 4\r\n\r\n" << 400;
    QTest::newRow("CL list") << "POST / HTTP/1.1\r\n" + h + "Content-Length: 4, 4\r\n\r\n" << 400;
    QTest::newRow("CL sign") << "POST / HTTP/1.1\r\n" + h + "Content-Length: +4\r\n\r\n" << 400;
    QTest::newRow("CL hex") << "POST / HTTP/1.1\r\n" + h + "Content-Length: 0x4\r\n\r\n" << 400;
    QTest::newRow("TE obfuscated") << "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: xchunked\r\n\r\n" << 501;
    QTest::newRow("TE with gzip") << "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: gzip, chunked\r\n\r\n" << 501;
    QTest::newRow("TE twice") << "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n" << 400;
    QTest::newRow("TE vertical tab") << "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: \x0b" "chunked\r\n\r\n" << 400;
    QTest::newRow("TE in 1.0") << std::string("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("space before colon") << "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding : chunked\r\n\r\n" << 400;
    QTest::newRow("obs-fold") << "GET / HTTP/1.1\r\n" + h + "X-A: 1\r\n  folded\r\n\r\n" << 400;
    QTest::newRow("control char") << "GET / HTTP/1.1\r\n" + h + "X-A: a\x01" "b\r\n\r\n" << 400;
    QTest::newRow("bare CR") << "GET / HTTP/1.1\r\n" + h + "X-A: a\rb\r\n\r\n" << 400;
    QTest::newRow("no host") << std::string("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two hosts") << "GET / HTTP/1.1\r\n" + h + h + "\r\n" << 400;
    QTest::newRow("bad version") << std::string("GET / HTTP/1.2x\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("http 2") << std::string("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
    QTest::newRow("double space") << "GET  / HTTP/1.1\r\n" + h + "\r\n" << 400;
    QTest::newRow("fragment") << "GET /a#b HTTP/1.1\r\n" + h + "\r\n" << 400;
    QTest::newRow("CONNECT") << "CONNECT h:443 HTTP/1.1\r\n" + h + "\r\n" << 400;
    QTest::newRow("bad expect") << "GET / HTTP/1.1\r\n" + h + "Expect: magic\r\n\r\n" << 417;
    QTest::newRow("long line") << "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n" + h + "\r\n" << 414;
    QTest::newRow("big headers") << "GET / HTTP/1.1\r\n" + h + "X-Big: " + std::string(40000, 'a') + "\r\n\r\n" << 431;
    std::string many = "GET / HTTP/1.1\r\n" + h;
    for (int i = 0; i < 101; ++i) many += "X-" + std::to_string(i) + ": v\r\n";
    QTest::newRow("too many headers") << many + "\r\n" << 431;
  }

  void rejectsHostileRequests() {
    QFETCH(std::string, request);
    QFETCH(int, status);
    RequestHead head;
    int got = 0;
    QCOMPARE(parse(request, head, &got), ParseResult::Error);
    QCOMPARE(got, status);
  }

  // Values are checked eight bytes at a time: a forbidden byte is found at every offset of a long
  // value, tabs and UTF-8 pass, whitespace around a value is not part of it.
  void fieldValuesAtEveryOffset() {
    for (size_t at = 0; at < 40; ++at)
      for (const char bad : {'\x01', '\x7f', '\r', '\x1f', '\0'}) {
        std::string value(40, 'v');
        value[at] = bad;
        RequestHead head;
        int got = 0;
        const std::string request = "GET / HTTP/1.1\r\nHost: h\r\nX-Long: " + value + "\r\n\r\n";
        QVERIFY2(parse(request, head, &got) == ParseResult::Error && got == 400, qPrintable(QString("offset %1 byte %2").arg(at).arg(int(bad))));
        ResponseParser responses;
        ResponseHead response;
        QCOMPARE(responses.parse("HTTP/1.1 200 OK\r\nX-Long: " + value + "\r\nContent-Length: 0\r\n\r\n", response, false),
                 ParseResult::Error);
      }
    RequestHead head;
    const std::string utf8 = "caf\xc3\xa9 \t tab\x80\xff and more than eight bytes";
    const std::string request = "GET / HTTP/1.1\r\nHost: h\r\nX-A: \t " + utf8 + " \t \r\nX-Empty:\r\nX-Spaces:    \nX-B:b\r\n\r\n";
    QCOMPARE(parse(request, head), ParseResult::Done);
    QCOMPARE(findHeader(head.headers, "x-a"), std::string_view(utf8));
    QCOMPARE(head.headers.size(), size_t(5));
    QCOMPARE(head.headers[2].value, std::string_view());
    QCOMPARE(head.headers[3].value, std::string_view());
    QCOMPARE(head.headers[4].name, std::string_view("X-B"));
    QCOMPARE(head.headers[4].value, std::string_view("b"));
  }

  // One length switch names the fields the gateway acts on, in any case; lookalikes are Other.
  void fieldNamesAreClassified() {
    const std::pair<std::string_view, FieldName> names[] = {
        {"Host", FieldName::Host}, {"CONTENT-LENGTH", FieldName::ContentLength}, {"transfer-encoding", FieldName::TransferEncoding},
        {"Connection", FieldName::Connection}, {"Keep-Alive", FieldName::KeepAlive}, {"Proxy-Connection", FieldName::ProxyConnection},
        {"TE", FieldName::Te}, {"Upgrade", FieldName::Upgrade}, {"Expect", FieldName::Expect},
        {"X-Forwarded-For", FieldName::XForwardedFor}, {"X-Forwarded-Proto", FieldName::XForwardedProto},
        {"x-forwarded-host", FieldName::XForwardedHost}, {"X-Forwarded-Port", FieldName::XForwardedPort},
        {"X-Forwarded-Path", FieldName::XForwardedPath}, {"X-Forwarded-Prefix", FieldName::XForwardedPrefix},
        {"X-Real-IP", FieldName::XRealIp}, {"X-Sluice-Request-Id", FieldName::XSluiceRequestId},
        {"Hosts", FieldName::Other}, {"Content-Lengtx", FieldName::Other}, {"User-Agent", FieldName::Other},
        {"X-Forwarded-Pert", FieldName::Other}, {"Transfer-Encodinh", FieldName::Other}, {"", FieldName::Other}};
    for (const auto& [name, expected] : names) QVERIFY2(fieldName(name) == expected, std::string(name).c_str());
    QVERIFY(isHopByHop("keep-alive") && isHopByHop("Upgrade") && !isHopByHop("Host") && !isHopByHop("X-Real-IP"));
  }

  void longLinesFailBeforeTheHeadEnds() {
    RequestParser parser;
    RequestHead head;
    QCOMPARE(parser.parse("GET /" + std::string(9000, 'a'), head), ParseResult::Error);
    QCOMPARE(parser.status(), 414);
  }

  void parsesResponses() {
    ResponseParser parser;
    ResponseHead head;
    QCOMPARE(parser.parse("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc", head, false), ParseResult::Done);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.framing, BodyFraming::ContentLength);
    QCOMPARE(head.contentLength, uint64_t(3));
    parser.reset();
    QCOMPARE(parser.parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", head, false), ParseResult::Done);
    QCOMPARE(head.framing, BodyFraming::Chunked);
    parser.reset();
    QCOMPARE(parser.parse("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n", head, true), ParseResult::Done);
    QCOMPARE(head.framing, BodyFraming::None);
    parser.reset();
    QCOMPARE(parser.parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 3\r\n\r\n", head, false), ParseResult::Done);
    QCOMPARE(head.framing, BodyFraming::None);
    parser.reset();
    QCOMPARE(parser.parse("HTTP/1.0 200 OK\r\n\r\n", head, false), ParseResult::Done);
    QCOMPARE(head.framing, BodyFraming::UntilClose);
    QVERIFY(!head.keepAlive);
    parser.reset();
    QCOMPARE(parser.parse("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", head, false), ParseResult::Error);
    parser.reset();
    QCOMPARE(parser.parse("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", head, false), ParseResult::Error);
    parser.reset();
    QCOMPARE(parser.parse("SSH-2.0-OpenSSH\r\n\r\n", head, false), ParseResult::Error);
  }

  void decodesChunkedBodies() {
    ChunkedDecoder d;
    std::string data;
    const std::string body = "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nTrailer: x\r\n\r\nNEXT";
    size_t used = 0;
    for (char c : body.substr(0, body.size() - 4)) used += d.feed(std::string_view(&c, 1), [&](std::string_view v) { data += v; });
    QVERIFY(d.done());
    QCOMPARE(data, std::string("Wikipedia"));
    QCOMPARE(used, body.size() - 4);
    ChunkedDecoder whole;
    QCOMPARE(whole.feed(body), body.size() - 4);  // stops at the end of the body
    QVERIFY(whole.done());
  }

  void rejectsBadChunks_data() {
    QTest::addColumn<std::string>("body");
    QTest::newRow("no size") << std::string("\r\nabc\r\n0\r\n\r\n");
    QTest::newRow("bad hex") << std::string("g\r\nabc\r\n0\r\n\r\n");
    QTest::newRow("overflow") << std::string("ffffffffffffffffff\r\n");
    QTest::newRow("missing crlf") << std::string("3\r\nabcX0\r\n\r\n");
    QTest::newRow("negative") << std::string("-3\r\nabc\r\n0\r\n\r\n");
    // Where parsers disagree, a byte for byte forward would be a smuggling opening: refused.
    QTest::newRow("bare LF after a size") << std::string("5\nhello\r\n0\r\n\r\n");
    QTest::newRow("bare LF after data") << std::string("5\r\nhello\n0\r\n\r\n");
    QTest::newRow("bare LF ends the last chunk") << std::string("5\r\nhello\r\n0\n\r\n");
    QTest::newRow("bare LF ends the trailers") << std::string("5\r\nhello\r\n0\r\n\n");
    QTest::newRow("bare LF ends a trailer") << std::string("0\r\nX-T: 1\n\r\n");
    QTest::newRow("bare LF in an extension") << std::string("5;a=b\nhello\r\n0\r\n\r\n");
    QTest::newRow("control in an extension") << std::string("5;a=\x01\r\nhello\r\n0\r\n\r\n");
    static constexpr char kNul[] = "5;a\0b\r\nhello\r\n0\r\n\r\n";
    QTest::newRow("NUL in an extension") << std::string(kNul, sizeof kNul - 1);
    QTest::newRow("space after a size") << std::string("5 \r\nhello\r\n0\r\n\r\n");
    QTest::newRow("trailer obs-fold") << std::string("0\r\nX-T: 1\r\n more\r\n\r\n");
    QTest::newRow("trailer without colon") << std::string("0\r\nX-T 1\r\n\r\n");
    QTest::newRow("trailer space before colon") << std::string("0\r\nX-T : 1\r\n\r\n");
    QTest::newRow("trailer control") << std::string("0\r\nX-T: a\x7f\r\n\r\n");
    QTest::newRow("bare CR in data end") << std::string("5\r\nhello\rX0\r\n\r\n");
  }

  void acceptsStrictChunks() {
    for (const std::string& body : {std::string("5 ;ext\r\nhello\r\n0\r\n\r\n"), std::string("5;a=\"q\tv\"\r\nhello\r\n0\r\n\r\n"),
                                   std::string("0\r\nX-T: 1\r\nX-U:\r\n\r\n"), std::string("A\r\n0123456789\r\n0\r\n\r\n")}) {
      ChunkedDecoder d;
      QCOMPARE(d.feed(body), body.size());
      QVERIFY2(d.done(), body.c_str());
    }
  }

  void rejectsBadChunks() {
    QFETCH(std::string, body);
    ChunkedDecoder d;
    d.feed(body);
    QVERIFY(d.failed());
  }

  void queryArgumentsAreDecodedCountedAndRemoved() {
    std::string value;
    QCOMPARE(findQueryArg("a=1&api%6Bey=s%20e+c&b", "apikey", value), 1);
    QCOMPARE(value, std::string("s e c"));
    QCOMPARE(findQueryArg("k=1&k=2", "k", value), 2);
    QCOMPARE(value, std::string("1"));
    QCOMPARE(findQueryArg("flag&x=1", "flag", value), 1);
    QCOMPARE(value, std::string(""));
    QCOMPARE(findQueryArg("x=%zz", "x", value), 1);
    QCOMPARE(value, std::string("%zz"));  // undecodable: kept as sent
    std::string rest;
    removeQueryArg("a=1&key=s&b=&flag&key=t", "key", rest);
    QCOMPARE(rest, std::string("a=1&b=&flag"));
    removeQueryArg("key=only", "key", rest);
    QCOMPARE(rest, std::string(""));
  }

  void hostsLoseTheirPortOnly() {
    QCOMPARE(hostWithoutPort("a.example:8000"), std::string_view("a.example"));
    QCOMPARE(hostWithoutPort("a.example"), std::string_view("a.example"));
    QCOMPARE(hostWithoutPort("[::1]:8443"), std::string_view("[::1]"));
    QCOMPARE(hostWithoutPort("[::1]"), std::string_view("[::1]"));
    QCOMPARE(hostWithoutPort("::1"), std::string_view("::1"));
    QCOMPARE(toLower("X-Api-KEY"), std::string("x-api-key"));
  }
};

QTEST_GUILESS_MAIN(TestHttpParsers)
#include "test_http_parsers.moc"
