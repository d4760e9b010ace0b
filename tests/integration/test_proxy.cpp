// The data plane, black box: a real sluice, real upstream processes, raw HTTP on loopback.
#include "http_client.h"
#include "sluice_process.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace sluice::test;

namespace {

// Splits a byte stream of responses (Content-Length or chunked) into status codes and bodies.
QList<QPair<int, QByteArray>> splitResponses(QByteArray data) {
  QList<QPair<int, QByteArray>> out;
  while (!data.isEmpty()) {
    const int end = data.indexOf("\r\n\r\n");
    if (end < 0) break;
    const QByteArray head = data.left(end);
    const int status = head.mid(9, 3).toInt();
    data.remove(0, end + 4);
    const int cl = head.toLower().indexOf("content-length:");
    QByteArray body;
    if (cl >= 0) {
      const int n = head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toInt();
      body = data.left(n);
      data.remove(0, n);
    }
    out.append({status, body});
  }
  return out;
}

QByteArray readAll(QTcpSocket& socket, int ms = 5000) {
  QByteArray data;
  QElapsedTimer timer;
  timer.start();
  while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < ms) {
    if (socket.waitForReadyRead(200)) data += socket.readAll();
  }
  return data + socket.readAll();
}

}  // namespace

class TestProxy : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_, second_;
  SluiceProcess sluice_;
  HttpClient admin_{0}, proxy_{0};

  void post(const QByteArray& path, const QJsonObject& body) {
    const auto r = admin_.sendJson("POST", path, body);
    QVERIFY2(r.status == 201, (path + " -> " + QByteArray::number(r.status) + " " + r.body).constData());
  }

  // Waits until the proxy serves `path` with something other than 404 (the snapshot is live).
  void waitForRoute(const QByteArray& path) {
    QTRY_VERIFY_WITH_TIMEOUT(proxy_.get(path).status != 404, 5000);
  }

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(second_.start());
    sluice_.setEnv("CLIENT_HEADER_TIMEOUT", "1s");
    sluice_.setEnv("CLIENT_MAX_BODY_SIZE", "100k");
    sluice_.setEnv("WORKER_PROCESSES", "2");
    QVERIFY(sluice_.start());
    admin_ = sluice_.admin();
    proxy_ = sluice_.proxy();
    const QString up = QString("http://127.0.0.1:%1").arg(upstream_.port());
    post("/services", {{"name", "echo"}, {"url", up}, {"read_timeout", 500}, {"retries", 1}});
    post("/services/echo/routes", {{"name", "echo"}, {"paths", QJsonArray{"/echo"}}});
    post("/services", {{"name", "based"}, {"url", up + "/base"}});
    post("/services/based/routes", {{"name", "v0"}, {"paths", QJsonArray{"/v0"}}});
    post("/services/based/routes", {{"name", "v1"}, {"paths", QJsonArray{"/v1"}}, {"path_handling", "v1"}});
    post("/services/based/routes", {{"name", "keep"}, {"paths", QJsonArray{"/keep"}}, {"strip_path", false}, {"preserve_host", true}});
    post("/services", {{"name", "down"}, {"url", QString("http://127.0.0.1:%1").arg(SluiceProcess::freePort())}, {"retries", 2}});
    post("/services/down/routes", {{"paths", QJsonArray{"/down"}}});
    post("/services", {{"name", "unresolvable"}, {"host", "no-such-host.invalid"}});
    post("/services/unresolvable/routes", {{"paths", QJsonArray{"/nxdomain"}}});
    post("/upstreams", {{"name", "pool.test"}});
    post("/upstreams/pool.test/targets", {{"target", QString("127.0.0.1:%1").arg(upstream_.port())}});
    post("/upstreams/pool.test/targets", {{"target", QString("127.0.0.1:%1").arg(second_.port())}});
    post("/services", {{"name", "pooled"}, {"host", "pool.test"}});
    post("/services/pooled/routes", {{"paths", QJsonArray{"/pool"}}});
    post("/upstreams", {{"name", "empty.test"}});
    post("/services", {{"name", "nopeer"}, {"host", "empty.test"}});
    post("/services/nopeer/routes", {{"paths", QJsonArray{"/nopeer"}}});
    post("/services", {{"name", "tls-only"}, {"url", up}});
    post("/services/tls-only/routes", {{"paths", QJsonArray{"/tls"}}, {"protocols", QJsonArray{"https"}}});
    post("/services/tls-only/routes", {{"paths", QJsonArray{"/moved"}}, {"protocols", QJsonArray{"https"}}, {"https_redirect_status_code", 301}});
    waitForRoute("/moved");
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void forwardsWithKongHeaders() {
    const auto r = proxy_.request("GET", "/echo/items?q=1", {}, {{"X-Forwarded-For", "10.9.8.7"}});
    QCOMPARE(r.status, 200);
    const auto echo = r.json();
    QCOMPARE(echo["uri"].toString(), QString("/items?q=1"));
    const auto h = echo["headers"].toObject();
    QCOMPARE(h["x-forwarded-for"].toString(), QString("10.9.8.7, 127.0.0.1"));
    QCOMPARE(h["x-forwarded-proto"].toString(), QString("http"));
    QCOMPARE(h["x-forwarded-host"].toString(), QString("127.0.0.1"));
    QCOMPARE(h["x-forwarded-port"].toString(), QString::number(sluice_.proxyPort()));
    QCOMPARE(h["x-forwarded-path"].toString(), QString("/echo/items"));
    QCOMPARE(h["x-forwarded-prefix"].toString(), QString("/echo"));
    QCOMPARE(h["x-real-ip"].toString(), QString("127.0.0.1"));
    QCOMPARE(h["host"].toString(), QString("127.0.0.1:%1").arg(upstream_.port()));
    QCOMPARE(r.header("Via"), QByteArray("1.1 sluice/0.1.0"));
    QVERIFY(!r.header("X-Sluice-Upstream-Latency").isEmpty());
    QVERIFY(!r.header("X-Sluice-Proxy-Latency").isEmpty());
    QCOMPARE(r.header("X-Sluice-Request-Id").size(), 32);
    QCOMPARE(h["x-sluice-request-id"].toString().toUtf8(), r.header("X-Sluice-Request-Id"));
    QCOMPARE(r.header("X-Upstream"), QByteArray("test"));
  }

  void unmatchedRequestsGetKongs404() {
    const auto r = proxy_.get("/nowhere");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json()["message"].toString(), QString("no Route matched with those values"));
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
  }

  void pathHandlingAndPreserveHost() {
    QCOMPARE(proxy_.get("/v0/x").json()["uri"].toString(), QString("/base/x"));
    QCOMPARE(proxy_.get("/v0").json()["uri"].toString(), QString("/base"));
    QCOMPARE(proxy_.get("/v1/x").json()["uri"].toString(), QString("/basex"));
    const auto keep = proxy_.request("GET", "/keep/y", {}, {}).json();
    QCOMPARE(keep["uri"].toString(), QString("/base/keep/y"));
    QCOMPARE(keep["headers"].toObject()["host"].toString(), QString("127.0.0.1:%1").arg(sluice_.proxyPort()));
  }

  void httpsOnlyRoutesAnswer426OrRedirect() {
    const auto r = proxy_.get("/tls");
    QCOMPARE(r.status, 426);
    QCOMPARE(r.json()["message"].toString(), QString("Please use HTTPS protocol"));
    QCOMPARE(r.header("Upgrade"), QByteArray("TLS/1.2, HTTP/1.1"));
    const auto moved = proxy_.get("/moved/a?b=1");
    QCOMPARE(moved.status, 301);
    QCOMPARE(moved.header("Location"), QByteArray("https://127.0.0.1/moved/a?b=1"));
  }

  void hopByHopHeadersStayHere() {
    const auto echo = proxy_.request("GET", "/echo", {}, {{"Connection", "close, X-Secret"}, {"X-Secret", "1"},
                                                          {"Keep-Alive", "timeout=5"}, {"TE", "trailers"},
                                                          {"X-Kept", "yes"}}).json()["headers"].toObject();
    QVERIFY(!echo.contains("x-secret"));
    QVERIFY(!echo.contains("keep-alive"));
    QVERIFY(!echo.contains("te"));
    QCOMPARE(echo["x-kept"].toString(), QString("yes"));
  }

  void keepAlivePipeliningAndUpstreamReuse() {
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", sluice_.proxyPort());
    QVERIFY(socket.waitForConnected(3000));
    const QByteArray get = "GET /echo/p HTTP/1.1\r\nHost: a\r\n\r\n";
    socket.write(get + get + get + "GET /echo/last HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    const auto responses = splitResponses(readAll(socket));
    QCOMPARE(responses.size(), 4);
    QSet<int> connections;
    for (const auto& [status, body] : responses) {
      QCOMPARE(status, 200);
      connections.insert(QJsonDocument::fromJson(body).object()["connection"].toInt());
    }
    QCOMPARE(QJsonDocument::fromJson(responses[3].second).object()["uri"].toString(), QString("/last"));
    QCOMPARE(connections.size(), 1);  // one upstream keep-alive connection carried all four
  }

  void chunkedBodiesBothWays() {
    const QByteArray chunked = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    const auto r = proxy_.raw("POST /echo HTTP/1.1\r\nHost: a\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["body"].toString(), QString("hello world"));
    QCOMPARE(r.json()["chunked"].toBool(), true);
    const auto down = proxy_.get("/echo/../echo/chunked/5000");  // dot segments are normalised
    QCOMPARE(down.status, 200);
    QCOMPARE(down.header("Transfer-Encoding"), QByteArray("chunked"));
    QCOMPARE(down.body.size(), 5000);
  }

  void largeBodiesStream() {
    const auto r = proxy_.get("/echo/bytes/300000");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.size(), 300000);
    const QByteArray body(90000, 'b');
    const auto up = proxy_.request("POST", "/echo", body, {{"Content-Type", "application/octet-stream"}});
    QCOMPARE(up.json()["body_length"].toInt(), 90000);
  }

  void http10ClientsGetADechunkedBody() {
    const auto r = proxy_.raw("GET /echo/chunked/3000 HTTP/1.0\r\n\r\n");
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Transfer-Encoding").isEmpty());
    QCOMPARE(r.body.size(), 3000);
  }

  void expectContinueGetsAnInterimResponse() {
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", sluice_.proxyPort());
    QVERIFY(socket.waitForConnected(3000));
    socket.write("PUT /echo HTTP/1.1\r\nHost: a\r\nConnection: close\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QVERIFY(socket.waitForReadyRead(3000));
    QVERIFY(socket.readAll().startsWith("HTTP/1.1 100 Continue"));
    socket.write("data");
    const QByteArray rest = readAll(socket);
    QVERIFY2(rest.startsWith("HTTP/1.1 200"), rest.constData());
    QVERIFY(rest.contains("\"body\":\"data\""));
  }

  void smugglingAttemptsAreRefused() {
    const auto r = proxy_.raw("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /echo/smuggled HTTP/1.1\r\nHost: a\r\n\r\n");
    QCOMPARE(r.status, 400);
    QVERIFY(!r.body.contains("smuggled"));
    QCOMPARE(proxy_.raw("GET /echo HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").status, 400);
    QCOMPARE(proxy_.raw("GET /echo HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n").status, 400);
    QCOMPARE(proxy_.raw("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n").status, 501);
    // Chunk framing that parsers read differently (a bare LF ends a line for some) is refused, not
    // passed on for the upstream to frame its own way.
    for (const QByteArray& body : {QByteArray("5\nhello\r\n0\r\n\r\n"), QByteArray("5\r\nhello\n0\r\n\r\n"),
                                  QByteArray("0\r\nX-T: 1\r\n more\r\n\r\n"), QByteArray("5;x\nhello\r\n0\r\n\r\n")}) {
      const auto bad = proxy_.raw("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
      QVERIFY2(bad.status == 400, body.constData());
      QVERIFY(!bad.body.contains("hello"));
    }
  }

  void limitsAnswer414_431_413() {
    QCOMPARE(proxy_.get("/echo/" + QByteArray(9000, 'a')).status, 414);
    QCOMPARE(proxy_.request("GET", "/echo", {}, {{"X-Big", QByteArray(40000, 'h')}}).status, 431);
    QCOMPARE(proxy_.request("POST", "/echo", QByteArray(200 * 1024, 'x')).status, 413);
    const QByteArray bigChunk = QByteArray::number(150 * 1024, 16) + "\r\n" + QByteArray(150 * 1024, 'c') + "\r\n0\r\n\r\n";
    QCOMPARE(proxy_.raw("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + bigChunk).status, 413);
  }

  void upstreamFailuresUseKongsBodies() {
    const auto down = proxy_.get("/down");
    QCOMPARE(down.status, 502);
    QCOMPARE(down.json()["message"].toString(), QString("An invalid response was received from the upstream server"));
    const auto slow = proxy_.get("/echo/delay/2000");
    QCOMPARE(slow.status, 504);
    QCOMPARE(slow.json()["message"].toString(), QString("The upstream server is timing out"));
    const auto nopeer = proxy_.get("/nopeer");
    QCOMPARE(nopeer.status, 503);
    QCOMPARE(nopeer.json()["message"].toString(), QString("failure to get a peer from the ring-balancer"));
    const auto nxdomain = proxy_.get("/nxdomain");
    QCOMPARE(nxdomain.status, 503);
    QCOMPARE(nxdomain.json()["message"].toString(), QString("name resolution failed"));
    QCOMPARE(proxy_.get("/echo/status/503").status, 503);  // an upstream's own status passes through
  }

  void upstreamTargetsShareTheLoad() {
    QSet<int> ports;
    for (int i = 0; i < 10; ++i) ports.insert(proxy_.get("/pool").json()["server_port"].toInt());
    QCOMPARE(ports, QSet<int>({upstream_.port(), second_.port()}));
  }

  void slowClientsTimeOutWhileOthersAreServed() {
    QTcpSocket slow;
    slow.connectToHost("127.0.0.1", sluice_.proxyPort());
    QVERIFY(slow.waitForConnected(3000));
    slow.write("GET /echo HTTP/1.1\r\nHost: a\r\n");  // and never the blank line
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(proxy_.get("/echo").status, 200);
    const QByteArray answer = readAll(slow, 4000);
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
    QVERIFY(timer.elapsed() < 3500);
  }

  void webSocketsAreTunnelled() {
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", sluice_.proxyPort());
    QVERIFY(socket.waitForConnected(3000));
    socket.write("GET /echo/ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                 "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
    QByteArray head;
    while (!head.contains("\r\n\r\n") && socket.waitForReadyRead(3000)) head += socket.readAll();
    QVERIFY2(head.startsWith("HTTP/1.1 101"), head.constData());
    QVERIFY(head.toLower().contains("upgrade: websocket"));
    QVERIFY(head.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));  // the upstream's accept key came through
    // A masked text frame "hello", as a client must send it.
    const QByteArray mask("\x01\x02\x03\x04", 4);
    QByteArray frame("\x81\x85", 2);
    frame += mask;
    const QByteArray text = "hello";
    for (int i = 0; i < text.size(); ++i) frame += char(text[i] ^ mask[i % 4]);
    socket.write(frame);
    QByteArray echo = head.mid(head.indexOf("\r\n\r\n") + 4);
    while (echo.size() < 7 && socket.waitForReadyRead(3000)) echo += socket.readAll();
    QCOMPARE(echo, QByteArray("\x81\x05hello", 7));
  }

  void configChangesUnderLoadFailNothing() {
    std::atomic<bool> stop{false};
    std::atomic<int> ok{0}, failed{0};
    std::thread load([&] {
      HttpClient client(sluice_.proxyPort());
      for (int i = 0; i < 3000 && !stop; ++i) (client.get("/echo/load").status == 200 ? ok : failed)++;
    });
    for (int i = 0; i < 20; ++i) {
      const QByteArray name = "churn-" + QByteArray::number(i);
      QCOMPARE(admin_.sendJson("POST", "/services/echo/routes", {{"name", QString(name)}, {"paths", QJsonArray{"/" + QString(name)}}}).status, 201);
      QCOMPARE(admin_.del("/routes/" + name).status, 204);
    }
    stop = true;
    load.join();
    QVERIFY(ok > 0);
    QCOMPARE(failed.load(), 0);
  }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "test_proxy.moc"
