// The process around the data plane: SIGHUP applies sluice.conf changes live, SIGTERM drains
// (in-flight requests finish, new connections are refused).
#include "sluice_process.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QtTest>

#include <csignal>
#include <thread>

using namespace sluice::test;

class TestLifecycle : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;

 private slots:
  void initTestCase() { QVERIFY(upstream_.start()); }

  void sighupAppliesHeadersAndLimits() {
    SluiceProcess sluice;
    QFile conf(sluice.prefix() + "/sluice.conf");
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("headers = server_tokens\nclient_max_body_size = 1m\n");
    conf.close();
    QVERIFY(sluice.start({"-c", conf.fileName()}));
    QVERIFY(sluice.routeTo(upstream_.port()));
    HttpClient proxy = sluice.proxy();
    QCOMPARE(proxy.get("/").header("Via"), QByteArray("1.1 sluice/0.1.0"));
    QCOMPARE(proxy.request("POST", "/", QByteArray(2000, 'x')).status, 200);

    QVERIFY(conf.open(QIODevice::WriteOnly | QIODevice::Truncate));
    conf.write("headers = off\nclient_max_body_size = 1k\nworker_processes = 7\n");
    conf.close();
    sluice.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.get("/").header("Via").isEmpty(), 5000);
    QCOMPARE(proxy.request("POST", "/", QByteArray(2000, 'x')).status, 413);
    QVERIFY(sluice.running());
    QVERIFY(sluice.stop());
    QVERIFY2(sluice.logs().contains("need a restart: worker_processes"), sluice.logs().constData());
  }

  void clientTimeoutsAndKeepAliveLimits() {
    SluiceProcess sluice;
    sluice.setEnv("CLIENT_BODY_TIMEOUT", "500ms");
    sluice.setEnv("KEEPALIVE_TIMEOUT", "700ms");
    sluice.setEnv("KEEPALIVE_REQUESTS", "3");
    QVERIFY(sluice.start());
    QVERIFY(sluice.routeTo(upstream_.port()));

    // A body that stops arriving: 408 after client_body_timeout.
    QTcpSocket stalled;
    stalled.connectToHost("127.0.0.1", sluice.proxyPort());
    QVERIFY(stalled.waitForConnected(3000));
    stalled.write("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly part");
    QByteArray answer;
    while (stalled.waitForReadyRead(3000)) answer += stalled.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());

    // keepalive_requests: the third response says close and the connection ends.
    QTcpSocket counted;
    counted.connectToHost("127.0.0.1", sluice.proxyPort());
    QVERIFY(counted.waitForConnected(3000));
    const QByteArray get = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    counted.write(get + get + get + get);
    QByteArray all;
    while (counted.state() == QAbstractSocket::ConnectedState && counted.waitForReadyRead(3000)) all += counted.readAll();
    QCOMPARE(all.count("HTTP/1.1 200"), 3);
    QVERIFY(all.contains("Connection: close"));

    // keepalive_timeout: an idle connection is closed by the server.
    QTcpSocket idle;
    idle.connectToHost("127.0.0.1", sluice.proxyPort());
    QVERIFY(idle.waitForConnected(3000));
    idle.write(get);
    QVERIFY(idle.waitForReadyRead(3000));
    idle.readAll();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(idle.waitForDisconnected(5000));
    QVERIFY(timer.elapsed() >= 500);
    QVERIFY(sluice.stop());
  }

  // Out of descriptors, connections wait in the listen queue; as soon as others close, the waiting
  // ones are accepted and served in turn (no new connection event is needed to notice).
  void connectionsWaitingForDescriptorsAreServedLater() {
    SluiceProcess sluice;
    sluice.setEnv("WORKER_PROCESSES", "1");
    sluice.setDescriptorLimit(100);
    QVERIFY(sluice.start());
    QVERIFY(sluice.routeTo(upstream_.port()));
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 140; ++i) {
      auto c = std::make_unique<QTcpSocket>();
      c->connectToHost("127.0.0.1", sluice.proxyPort());
      QVERIFY(c->waitForConnected(3000));  // the kernel completes handshakes into the queue
      c->write("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
      QVERIFY(c->waitForBytesWritten(1000));
      clients.push_back(std::move(c));
    }
    QTest::qWait(1000);
    std::vector<QTcpSocket*> waiting;
    for (auto& c : clients)
      if (c->bytesAvailable() == 0 && !c->waitForReadyRead(20)) waiting.push_back(c.get());
    QVERIFY2(!waiting.empty(), "the descriptor limit was never reached");
    for (auto& c : clients)
      if (std::find(waiting.begin(), waiting.end(), c.get()) == waiting.end()) c->close();
    for (QTcpSocket* c : waiting) {
      QByteArray answer = c->readAll();
      while (!answer.contains("\r\n\r\n") && c->waitForReadyRead(3000)) answer += c->readAll();
      // 200, or 502 when the upstream connection finds no descriptor left: an answer either way.
      QVERIFY2(answer.startsWith("HTTP/1.1 200") || answer.startsWith("HTTP/1.1 502"), answer.constData());
      c->close();  // its descriptor goes to the next one in the queue
    }
    QVERIFY(sluice.stop());
  }

  void sigtermLetsInFlightRequestsFinish() {
    SluiceProcess sluice;
    sluice.setEnv("DRAIN_TIMEOUT", "10s");
    QVERIFY(sluice.start());
    QVERIFY(sluice.routeTo(upstream_.port()));
    QTcpSocket slow;
    slow.connectToHost("127.0.0.1", sluice.proxyPort());
    QVERIFY(slow.waitForConnected(3000));
    slow.write("GET /delay/1000 HTTP/1.1\r\nHost: a\r\n\r\n");
    QVERIFY(slow.waitForBytesWritten(1000));
    QTest::qWait(200);
    sluice.signal(SIGTERM);
    QTest::qWait(200);
    QTcpSocket late;
    late.connectToHost("127.0.0.1", sluice.proxyPort());
    QVERIFY(!late.waitForConnected(1000) || !late.waitForReadyRead(1000));  // listeners are closed
    QByteArray answer;
    while (slow.waitForReadyRead(3000)) answer += slow.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QVERIFY(answer.contains("Connection: close"));
    QVERIFY(sluice.waitForExit(10000));
  }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "test_lifecycle.moc"
