// HTTP/2 toward clients: h2 negotiated in TLS (ALPN) and prior-knowledge h2c on listeners with the
// http2 flag, streams proxied as exchanges to an HTTP/1.1 upstream (bodies both ways, local
// answers, plugins, the access log), the per-connection limits, and the floods a client may send
// to keep a connection busy for nothing — each answered with GOAWAY while other clients are
// served. Real clients from Debian (curl, h2load from nghttp2-client) and frames written by hand.
#include "raw_http2_client.h"
#include "sluice_process.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace sluice::test;

namespace {

struct CurlResult {
  int exitCode = -1;
  QByteArray version, status, body;
};

// curl with `args` against `url`: the HTTP version it spoke, the status and the body.
CurlResult curl(const QStringList& args, const QString& url) {
  QProcess p;
  p.start("curl", QStringList{"-sk", "--max-time", "20", "-o", "-", "-w", "\n%{http_version} %{http_code}"} + args + QStringList{url});
  p.waitForFinished(30000);
  CurlResult r;
  r.exitCode = p.exitCode();
  QByteArray out = p.readAllStandardOutput();
  const int cut = out.lastIndexOf('\n');
  const QList<QByteArray> tail = out.mid(cut + 1).split(' ');
  r.version = tail.value(0);
  r.status = tail.value(1);
  r.body = out.left(cut);
  return r;
}

// h2load's summary line "requests: N total, N started, N done, N succeeded, ...": the succeeded count.
int h2loadSucceeded(const QStringList& args, QByteArray* output = nullptr) {
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start("h2load", args);
  p.waitForFinished(120000);
  const QByteArray out = p.readAll();
  if (output) *output = out;
  const QRegularExpression re("(\\d+) succeeded");
  const auto m = re.match(QString::fromUtf8(out));
  return m.hasMatch() ? m.captured(1).toInt() : -1;
}

}  // namespace

class TestHttp2 : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;
  SluiceProcess sluice_;
  quint16 h2cPort_ = 0, tlsPort_ = 0, tlsHttp11Port_ = 0;

  QString h2c(const QString& path) const { return QString("http://127.0.0.1:%1%2").arg(h2cPort_).arg(path); }
  QString tls(const QString& path) const { return QString("https://127.0.0.1:%1%2").arg(tlsPort_).arg(path); }

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    h2cPort_ = SluiceProcess::freePort();
    tlsPort_ = SluiceProcess::freePort();
    tlsHttp11Port_ = SluiceProcess::freePort();
    sluice_.setEnv("PROXY_LISTEN", QString("127.0.0.1:%1, 127.0.0.1:%2 http2, 127.0.0.1:%3 http2 ssl, 127.0.0.1:%4 ssl")
                                       .arg(sluice_.proxyPort()).arg(h2cPort_).arg(tlsPort_).arg(tlsHttp11Port_));
    sluice_.setEnv("ACCESS_LOG", sluice_.prefix() + "/access.log");
    sluice_.setEnv("HTTP2_MAX_REQUESTS", "300");  // (more than the resets a rapid reset may send: 2 x 128)
    sluice_.setEnv("CLIENT_MAX_BODY_SIZE", "2m");
    sluice_.setEnv("CLIENT_HEADER_TIMEOUT", "2s");
    QVERIFY(sluice_.start());
    QVERIFY(sluice_.routeTo(upstream_.port()));
    HttpClient admin = sluice_.admin();
    QCOMPARE(admin.sendJson("POST", "/services/echo/routes", {{"name", "keyed"}, {"paths", QJsonArray{"/keyed"}}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/routes/keyed/plugins", {{"name", "key-auth"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/echo/routes", {{"paths", QJsonArray{"/secure"}}, {"protocols", QJsonArray{"https"}}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/consumers", {{"username", "ann"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/consumers/ann/key-auth", {{"key", "ann-key"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.proxy().get("/keyed").status, 401, 5000);
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void tlsListenerNegotiatesH2ThenHttp11() {
    const CurlResult h2 = curl({"--http2"}, tls("/tls?q=1"));
    QCOMPARE(h2.version, QByteArray("2"));
    QCOMPARE(h2.status, QByteArray("200"));
    const QJsonObject echoed = QJsonDocument::fromJson(h2.body).object();
    QCOMPARE(echoed["uri"].toString(), QString("/tls?q=1"));
    QCOMPARE(echoed["version"].toString(), QString("HTTP/1.1"));  // the upstream is spoken to in HTTP/1.1
    QCOMPARE(echoed["headers"].toObject()["x-forwarded-proto"].toString(), QString("https"));
    // A client that offers only http/1.1 gets it; a listener without http2 never offers h2.
    QCOMPARE(curl({"--http1.1"}, tls("/")).version, QByteArray("1.1"));
    const CurlResult plain = curl({"--http2"}, QString("https://127.0.0.1:%1/").arg(tlsHttp11Port_));
    QCOMPARE(plain.version, QByteArray("1.1"));
    QCOMPARE(plain.status, QByteArray("200"));
  }

  void plainListenerTakesPriorKnowledgeH2cOnlyWhenAsked() {
    const CurlResult r = curl({"--http2-prior-knowledge"}, h2c("/h2c"));
    QCOMPARE(r.version, QByteArray("2"));
    QCOMPARE(r.status, QByteArray("200"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object()["uri"].toString(), QString("/h2c"));
    // The same listener still speaks HTTP/1.1 to everybody else.
    QCOMPARE(curl({"--http1.1"}, h2c("/h1")).version, QByteArray("1.1"));
    // A listener without the flag: the preface is no HTTP/1.1 request.
    const CurlResult refused = curl({"--http2-prior-knowledge"}, QString("http://127.0.0.1:%1/").arg(sluice_.proxyPort()));
    QVERIFY(refused.status != "200");
  }

  void requestBodiesWithAndWithoutLength() {
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray body(300000, 'b');
    for (int i = 0; i < body.size(); i += 997) body[i] = static_cast<char>('a' + i % 26);
    file.write(body);
    file.flush();
    const CurlResult sized = curl({"--http2", "--data-binary", "@" + file.fileName()}, tls("/post"));
    QCOMPARE(sized.status, QByteArray("200"));
    QJsonObject echoed = QJsonDocument::fromJson(sized.body).object();
    QCOMPARE(echoed["body_length"].toInt(), 300000);
    QCOMPARE(echoed["chunked"].toBool(), false);
    // No content-length: the stream's DATA goes up chunked.
    const CurlResult streamed = curl({"--http2-prior-knowledge", "-H", "Transfer-Encoding: chunked", "--data-binary", "@" + file.fileName()}, h2c("/post"));
    QCOMPARE(streamed.status, QByteArray("200"));
    echoed = QJsonDocument::fromJson(streamed.body).object();
    QCOMPARE(echoed["body_length"].toInt(), 300000);
    QCOMPARE(echoed["chunked"].toBool(), true);
    // client_max_body_size holds for streams too.
    QByteArray large(3 * 1024 * 1024, 'x');
    QTemporaryFile big;
    QVERIFY(big.open());
    big.write(large);
    big.flush();
    QCOMPARE(curl({"--http2-prior-knowledge", "--data-binary", "@" + big.fileName()}, h2c("/post")).status, QByteArray("413"));
  }

  void largeResponsesAndHeadRequests() {
    const CurlResult big = curl({"--http2-prior-knowledge"}, h2c("/bytes/2000000"));
    QCOMPARE(big.status, QByteArray("200"));
    QCOMPARE(big.body.size(), 2000000);
    const CurlResult head = curl({"--http2-prior-knowledge", "-I"}, h2c("/bytes/10"));
    QCOMPARE(head.status, QByteArray("200"));
    QVERIFY2(head.body.contains("via: 2 sluice/"), head.body.constData());
  }

  void localAnswersAndPluginsOverStreams() {
    // The gateway's own answer (an https-only route over h2c): its status and Kong's JSON message.
    const CurlResult insecure = curl({"--http2-prior-knowledge"}, h2c("/secure"));
    QCOMPARE(insecure.status, QByteArray("426"));
    QCOMPARE(QJsonDocument::fromJson(insecure.body).object()["message"].toString(), QString("Please use HTTPS protocol"));
    QCOMPARE(curl({"--http2"}, tls("/secure")).status, QByteArray("200"));
    const CurlResult denied = curl({"--http2"}, tls("/keyed"));
    QCOMPARE(denied.status, QByteArray("401"));
    QCOMPARE(QJsonDocument::fromJson(denied.body).object()["message"].toString(), QString("No API key found in request"));
    QCOMPARE(curl({"--http2", "-H", "apikey: ann-key"}, tls("/keyed")).status, QByteArray("200"));
    const auto logged = [this] {
      QFile log(sluice_.prefix() + "/access.log");
      return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(logged().contains("\"GET /keyed HTTP/2.0\" 401"), 5000);
  }

  void grpcClientsGetTheGatewaysAnswersAsGrpcStatus() {
    // As Kong's: the HTTP status stays, grpc-status and grpc-message say it, and there is no body.
    QProcess p;
    p.start("curl", {"-s", "--http2-prior-knowledge", "-D", "-", "-o", "/dev/null", "-H", "content-type: application/grpc",
                     "--data-binary", "", h2c("/keyed")});
    QVERIFY(p.waitForFinished(20000));
    const QByteArray head = p.readAllStandardOutput();
    QVERIFY2(head.startsWith("HTTP/2 401"), head.constData());
    QVERIFY2(head.contains("grpc-status: 16\r\n"), head.constData());
    QVERIFY2(head.contains("grpc-message: No API key found in request\r\n"), head.constData());
    QVERIFY2(head.contains("content-length: 0\r\n"), head.constData());
    QVERIFY2(!head.contains("content-type"), head.constData());
    // A 426 is past Kong's table: a 4xx is InvalidArgument.
    p.start("curl", {"-s", "--http2-prior-knowledge", "-D", "-", "-o", "/dev/null", "-H", "content-type: application/grpc+proto",
                     "--data-binary", "", h2c("/secure")});
    QVERIFY(p.waitForFinished(20000));
    const QByteArray insecure = p.readAllStandardOutput();
    QVERIFY2(insecure.contains("grpc-status: 3\r\n") && insecure.contains("grpc-message: Please use HTTPS protocol\r\n"),
             insecure.constData());
    // Not gRPC (HTTP/2 all the same): the JSON answer.
    QVERIFY(curl({"--http2-prior-knowledge"}, h2c("/keyed")).body.contains("No API key found in request"));
  }

  void manyStreamsOnFewConnections() {
    QByteArray out;
    // 4 connections x 40 requests (under http2_max_requests), 8 streams at a time on each.
    QCOMPARE(h2loadSucceeded({"-n", "160", "-c", "4", "-m", "8", h2c("/load")}, &out), 160);
    QCOMPARE(h2loadSucceeded({"-n", "160", "-c", "4", "-m", "8", tls("/load")}, &out), 160);
  }

  void maxRequestsEndsTheConnectionWithGoAway() {
    // One connection, more requests than http2_max_requests (300): the first 300 are answered, then GOAWAY.
    QByteArray out;
    QCOMPARE(h2loadSucceeded({"-n", "400", "-c", "1", "-m", "4", h2c("/")}, &out), 300);
  }

  void floodsEndTheirConnectionWhileOthersAreServed_data() {
    QTest::addColumn<QString>("attack");
    QTest::newRow("rapid reset") << "rapid-reset";
    QTest::newRow("CONTINUATION flood") << "continuation";
    QTest::newRow("PING flood") << "ping";
    QTest::newRow("SETTINGS flood") << "settings";
    QTest::newRow("HPACK bomb") << "hpack-bomb";
  }
  void floodsEndTheirConnectionWhileOthersAreServed() {
    QFETCH(QString, attack);
    // A well-behaved client keeps asking throughout.
    QProcess bystander;
    bystander.setProcessChannelMode(QProcess::MergedChannels);
    bystander.start("h2load", {"-n", "40", "-c", "1", "-m", "1", h2c("/bystander")});
    QVERIFY(bystander.waitForStarted(5000));

    RawHttp2Client client;
    QVERIFY(client.connect(h2cPort_));
    QByteArray bytes;
    if (attack == "rapid-reset") {
      // Open a stream and cancel it at once, over and over (CVE-2023-44487).
      for (uint32_t id = 1; id < 2 * 3000; id += 2)
        bytes += RawHttp2Client::frame(RawHttp2Client::Headers, RawHttp2Client::EndHeaders | RawHttp2Client::EndStream, id,
                                       RawHttp2Client::requestBlock("/reset")) +
                 RawHttp2Client::frame(RawHttp2Client::RstStream, 0, id, QByteArray("\0\0\0\x08", 4));
    } else if (attack == "continuation") {
      // A header block that never ends: CONTINUATION after CONTINUATION (CVE-2024-27316).
      bytes += RawHttp2Client::frame(RawHttp2Client::Headers, 0, 1, RawHttp2Client::requestBlock("/c"));
      for (int i = 0; i < 200; ++i)
        bytes += RawHttp2Client::frame(RawHttp2Client::Continuation, 0, 1,
                                       RawHttp2Client::literalIndexed("x-c" + QByteArray::number(i), QByteArray(40, 'c')));
    } else if (attack == "ping") {
      for (int i = 0; i < 5000; ++i) bytes += RawHttp2Client::frame(RawHttp2Client::Ping, 0, 0, QByteArray(8, 'p'));
    } else if (attack == "settings") {
      for (int i = 0; i < 5000; ++i) bytes += RawHttp2Client::frame(RawHttp2Client::Settings, 0, 0, {});
    } else {
      // One 4000-byte field put in the table, then referred to thousands of times: a few bytes
      // that decode to tens of megabytes.
      QByteArray block = RawHttp2Client::requestBlock("/bomb") + RawHttp2Client::literalIndexed("x-bomb", QByteArray(4000, 'b'));
      while (block.size() < 16000) block += RawHttp2Client::indexed(62);
      bytes += RawHttp2Client::frame(RawHttp2Client::Headers, RawHttp2Client::EndHeaders, 1, block);
    }
    client.send(bytes);
    QCOMPARE(client.waitForGoAwayAndClose(10000), 11);  // ENHANCE_YOUR_CALM
    QVERIFY(client.closedByServer());

    QVERIFY(bystander.waitForFinished(60000));
    QVERIFY2(bystander.readAll().contains("40 succeeded"), qPrintable(attack));
    QCOMPARE(curl({"--http2-prior-knowledge"}, h2c("/after")).status, QByteArray("200"));
    QVERIFY(sluice_.running());
  }

  void aHeadThatNeverEndsTimesOut() {
    // HEADERS without END_HEADERS, then nothing: past client_header_timeout (2s) the connection ends.
    RawHttp2Client client;
    QVERIFY(client.connect(h2cPort_));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.send(RawHttp2Client::frame(RawHttp2Client::Headers, 0, 1, RawHttp2Client::requestBlock("/slow"))));
    QCOMPARE(client.waitForGoAwayAndClose(10000), 0);  // NO_ERROR: a slow client, not an attack
    QVERIFY(client.closedByServer());
    QVERIFY2(timer.elapsed() >= 1500, qPrintable(QString::number(timer.elapsed())));
  }

  void sigtermLetsOpenStreamsFinish() {
    SluiceProcess draining;
    const quint16 port = draining.proxyPort();  // (routeTo checks the route there in HTTP/1.1: the listener takes both)
    draining.setEnv("PROXY_LISTEN", QString("127.0.0.1:%1 http2").arg(port));
    QVERIFY(draining.start());
    QVERIFY(draining.routeTo(upstream_.port()));
    QProcess slow;
    slow.start("curl", {"-s", "--http2-prior-knowledge", "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
                        QString("http://127.0.0.1:%1/delay/1500").arg(port)});
    QVERIFY(slow.waitForStarted(5000));
    QTest::qWait(500);  // the stream is waiting for its upstream
    draining.signal(SIGTERM);
    QVERIFY(slow.waitForFinished(10000));
    QCOMPARE(slow.readAllStandardOutput(), QByteArray("2 200"));
    QVERIFY(draining.waitForExit(10000));
  }

  void oversizedHeadGets431() {
    const CurlResult r = curl({"--http2-prior-knowledge", "-H", "x-big: " + QString(40000, 'h')}, h2c("/"));
    QCOMPARE(r.status, QByteArray("431"));
    QCOMPARE(curl({"--http2-prior-knowledge"}, h2c("/")).status, QByteArray("200"));
  }
};

QTEST_GUILESS_MAIN(TestHttp2)
#include "test_http2.moc"
