// ip-restriction, bot-detection, request-size-limiting and correlation-id through a real sluice
// and a real upstream.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

using namespace sluice::test;

class TestPluginsTraffic : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

  HttpResponse get(const QList<QPair<QByteArray, QByteArray>>& headers = {}) { return bed_.proxy().request("GET", "/", {}, headers); }
  QByteArray raw(const QByteArray& bytes) {
    QTcpSocket s;
    s.connectToHost("127.0.0.1", bed_.sluice().proxyPort());
    if (!s.waitForConnected(3000)) return {};
    s.write(bytes);
    QByteArray answer;
    while (s.waitForReadyRead(2000)) answer += s.readAll();
    return answer;
  }

 private slots:
  void initTestCase() { QVERIFY(bed_.start()); }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void ipRestrictionDeniesAndAllows() {
    bed_.addPlugin({{"name", "ip-restriction"}, {"config", QJsonObject{{"deny", QJsonArray{"127.0.0.0/8"}}}}});
    auto r = bed_.until(403, "/");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json()["message"].toString(), QString("Your IP address is not allowed"));
    QVERIFY(bed_.removePlugins());
    bed_.addPlugin({{"name", "ip-restriction"}, {"config", QJsonObject{{"allow", QJsonArray{"10.0.0.0/8", "::1"}}, {"status", 401}, {"message", "go away"}}}});
    r = bed_.until(401, "/");
    QCOMPARE(r.json()["message"].toString(), QString("go away"));
    QVERIFY(bed_.removePlugins());
    bed_.addPlugin({{"name", "ip-restriction"}, {"config", QJsonObject{{"allow", QJsonArray{"127.0.0.1"}}, {"deny", QJsonArray{"192.0.2.0/24"}}}}});
    QTest::qWait(300);
    QCOMPARE(get().status, 200);
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "ip-restriction"}, {"config", QJsonObject{{"allow", QJsonArray{"300.1.1.1"}}}}}).status, 400);
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "ip-restriction"}, {"config", QJsonObject{}}}).status, 400);
  }

  void botDetectionRefusesBotsUnlessAllowed() {
    bed_.addPlugin({{"name", "bot-detection"}, {"config", QJsonObject{{"allow", QJsonArray{"PartnerBot/\\d"}}, {"deny", QJsonArray{"EvilClient"}}}}});
    QCOMPARE(bed_.until(403, "/", {{"User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)"}}).json()["message"].toString(), QString("Forbidden"));
    QCOMPARE(get({{"User-Agent", "EvilClient 1.0"}}).status, 403);
    QCOMPARE(get({{"User-Agent", "sqlmap/1.7"}}).status, 403);
    QCOMPARE(get({{"User-Agent", "PartnerBot/3.0"}}).status, 200);  // allowed before the bot rules
    QCOMPARE(get({{"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"}}).status, 200);
    QCOMPARE(get().status, 200);  // no User-Agent at all
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "bot-detection"}, {"config", QJsonObject{{"deny", QJsonArray{"(unclosed"}}}}}).status, 400);
  }

  void requestSizeLimitingBySizeAndWhileStreaming() {
    bed_.addPlugin({{"name", "request-size-limiting"}, {"config", QJsonObject{{"allowed_payload_size", 1}, {"size_unit", "kilobytes"}}}});
    HttpResponse r;
    for (int i = 0; i < 100 && r.status != 413; ++i) {
      r = bed_.proxy().request("POST", "/", QByteArray(2000, 'x'));
      if (r.status != 413) QTest::qWait(50);
    }
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json()["message"].toString(), QString("Request size limit exceeded"));
    QCOMPARE(bed_.proxy().request("POST", "/", QByteArray(1024, 'x')).status, 200);
    // Expect: 100-continue gets 417 before any byte of the body is sent.
    QByteArray answer = raw("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 417"), answer.constData());
    // A chunked body is counted as it streams.
    const QByteArray chunk = QByteArray::number(600, 16) + "\r\n" + QByteArray(600, 'y') + "\r\n";
    answer = raw("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk + "0\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("Request size limit exceeded"));
    answer = raw("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunk + "0\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
  }

  void requestSizeLimitingCanRequireContentLength() {
    bed_.addPlugin({{"name", "request-size-limiting"}, {"config", QJsonObject{{"require_content_length", true}}}});
    QByteArray answer;
    for (int i = 0; i < 100 && !answer.startsWith("HTTP/1.1 411"); ++i) {
      answer = raw("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
      if (!answer.startsWith("HTTP/1.1 411")) QTest::qWait(50);
    }
    QVERIFY2(answer.startsWith("HTTP/1.1 411"), answer.constData());
    QVERIFY(answer.contains("A valid Content-Length header is required"));
    QCOMPARE(get().status, 200);  // no body at all is fine
  }

  void correlationIdGeneratesKeepsAndEchoes() {
    bed_.addPlugin({{"name", "correlation-id"}, {"config", QJsonObject{{"echo_downstream", true}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(!(r = get()).header("Kong-Request-ID").isEmpty(), 5000);
    const QString sent = PluginTestBed::upstreamHeaders(r)["kong-request-id"].toString();
    QCOMPARE(r.header("Kong-Request-ID"), sent.toUtf8());
    QVERIFY2(QRegularExpression("^[0-9a-f-]{36}#\\d+$").match(sent).hasMatch(), qPrintable(sent));
    const QString next = PluginTestBed::upstreamHeaders(get())["kong-request-id"].toString();
    QVERIFY(next != sent);
    r = get({{"Kong-Request-ID", "from-client"}});
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["kong-request-id"].toString(), QString("from-client"));
    QCOMPARE(r.header("Kong-Request-ID"), QByteArray("from-client"));
  }

  void correlationIdGenerators() {
    bed_.addPlugin({{"name", "correlation-id"}, {"config", QJsonObject{{"generator", "uuid"}, {"header_name", "X-Trace"}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(PluginTestBed::upstreamHeaders(r = get()).contains("x-trace"), 5000);
    QVERIFY(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
                .match(PluginTestBed::upstreamHeaders(r)["x-trace"].toString()).hasMatch());
    QVERIFY(r.header("X-Trace").isEmpty());  // echo_downstream is off
  }
};

QTEST_GUILESS_MAIN(TestPluginsTraffic)
#include "test_plugins_traffic.moc"
