// Upstreams that fail the ways real ones do, each a real process (sluice_faulty_upstream): killed in
// the middle of a response (the client's connection closes, never hangs), killed before it answers
// (502), accepting and never answering (504 after the service's read_timeout), and resetting a
// kept-alive connection as a request goes out on it (sent again on a new connection for an
// idempotent method, as Kong's nginx does; a POST is never sent twice: 502).
#include "sluice_process.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

using namespace sluice::test;

class TestUpstreamFaults : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess upstream_{QStringLiteral(SLUICE_FAULTY_UPSTREAM)};
  quint16 upstreamPort_ = 0;

  // The upstream again on its port (after a test killed it), its earlier output dropped.
  void restartUpstream() {
    upstream_.stop();
    QVERIFY(upstream_.start(upstreamPort_));
    upstream_.output();
  }
  // Waits until the upstream has logged a request for `path`.
  bool upstreamSaw(const QByteArray& path) {
    QElapsedTimer timer;
    timer.start();
    QByteArray seen;
    while (timer.elapsed() < 5000) {
      seen += upstream_.output();
      if (seen.contains(" " + path + " ")) return true;
    }
    return false;
  }

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    upstreamPort_ = upstream_.port();
    sluice_.setEnv("WORKER_PROCESSES", "1");  // one upstream keep-alive pool: the reuse below is certain
    QVERIFY(sluice_.start());
    HttpClient admin = sluice_.admin();
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "faulty"}, {"url", QString("http://127.0.0.1:%1").arg(upstreamPort_)},
                                                  {"read_timeout", 800}, {"retries", 5}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/faulty/routes", {{"paths", QJsonArray{"/"}}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.proxy().get("/ok").status, 200, 5000);
  }
  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void killedMidResponseClosesTheClientsConnection() {
    restartUpstream();
    QTcpSocket client;
    client.connectToHost("127.0.0.1", sluice_.proxyPort());
    QVERIFY(client.waitForConnected(3000));
    client.write("GET /half HTTP/1.1\r\nHost: faulty\r\n\r\n");
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (received.size() < 1000 && timer.elapsed() < 5000 && client.waitForReadyRead(1000)) received += client.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 200"), received.left(200).constData());
    upstream_.kill();
    timer.restart();
    while (client.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
      client.waitForReadyRead(200);
      received += client.readAll();
    }
    QVERIFY2(client.state() != QAbstractSocket::ConnectedState, "the client's connection stayed open after the upstream died");
    QVERIFY(received.size() < 1000000);  // cut short: the client can tell (Content-Length not reached)
  }

  void killedBeforeAnsweringIs502() {
    restartUpstream();
    QTcpSocket client;
    client.connectToHost("127.0.0.1", sluice_.proxyPort());
    QVERIFY(client.waitForConnected(3000));
    client.write("GET /silent HTTP/1.1\r\nHost: faulty\r\n\r\n");
    QVERIFY(client.waitForBytesWritten(3000));
    QVERIFY(upstreamSaw("/silent"));
    upstream_.kill();
    QByteArray received;
    while (!received.contains("\r\n\r\n") && client.waitForReadyRead(3000)) received += client.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 502"), received.constData());
    QVERIFY(received.contains("An invalid response was received from the upstream server"));
  }

  void silentUpstreamIs504AfterReadTimeout() {
    restartUpstream();
    QElapsedTimer timer;
    timer.start();
    const auto r = sluice_.proxy().get("/silent");
    const qint64 took = timer.elapsed();
    QCOMPARE(r.status, 504);
    QCOMPARE(r.json()["message"].toString(), QString("The upstream server is timing out"));
    QVERIFY2(took >= 700 && took < 5000, QByteArray::number(took).constData());
  }

  void resetOfAReusedConnectionIsRetriedOnlyWhenIdempotent() {
    restartUpstream();
    QCOMPARE(sluice_.proxy().get("/reset-reused").status, 200);  // connection 1, kept alive in the pool
    QCOMPARE(sluice_.proxy().get("/reset-reused").status, 200);  // reset on connection 1, sent again on 2
    QByteArray seen = upstream_.output();
    QVERIFY2(seen.contains("GET /reset-reused connection=1 request=2") && seen.contains("GET /reset-reused connection=2 request=1"),
             seen.constData());
    const auto post = sluice_.proxy().request("POST", "/reset-reused");  // no body: only the method forbids a resend
    QCOMPARE(post.status, 502);
    QTest::qWait(300);  // a second attempt would have arrived by now
    seen = upstream_.output();
    QCOMPARE(seen.count("POST /reset-reused"), 1);
    QVERIFY2(seen.contains("POST /reset-reused connection=2 request=2"), seen.constData());
    QCOMPARE(sluice_.proxy().get("/ok").status, 200);  // and the gateway carries on
  }
};

QTEST_GUILESS_MAIN(TestUpstreamFaults)
#include "test_upstream_faults.moc"
