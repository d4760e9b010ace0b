// Restarts without a dropped request. Under steady load — keep-alive connections, and a new
// connection for every request — `sluice reload` re-reads the configuration, and `sluice start
// --takeover` starts a new process that takes the listening sockets over while the old one drains
// and exits (twice, with more and then fewer workers than before). Not one request may fail and no
// connection may be reset. A successor that fails to start leaves its predecessor serving.
#include "loadgen/load_engine.h"
#include "sluice_process.h"
#include "upstream_process.h"

#include <QFile>
#include <QTcpServer>
#include <QtTest>

#include <optional>
#include <thread>

using namespace sluice::test;
using namespace sluice::loadgen;

namespace {

LoadPlan steadyLoad(quint16 port, int connections, bool connectionPerRequest, double seconds) {
  LoadPlan plan;
  plan.target.host = "127.0.0.1";
  plan.target.port = port;
  plan.target.hostHeader = "127.0.0.1:" + std::to_string(port);
  RequestTemplate r;
  r.path = "/steady";
  if (connectionPerRequest) r.headers.emplace_back("Connection", "close");
  plan.requests.push_back(r);
  plan.connections = connections;
  plan.durationSeconds = seconds;
  plan.timeoutSeconds = 5;
  return plan;
}

// Runs a plan on its own thread; result() waits for it.
class Background {
 public:
  explicit Background(LoadPlan plan) : engine_(std::move(plan)), thread_([this] { result_.emplace(engine_.run()); }) {}
  ~Background() {
    engine_.cancel();
    if (thread_.joinable()) thread_.join();
  }
  const sluice::core::Result<LoadResult>& result() {
    if (thread_.joinable()) thread_.join();
    return *result_;
  }

 private:
  LoadEngine engine_;
  std::optional<sluice::core::Result<LoadResult>> result_;
  std::thread thread_;
};

QByteArray describe(const char* name, const LoadResult& r) {
  const auto& e = r.transportErrors;
  return QByteArray(name) + ": " + QByteArray::number(qulonglong(r.requests)) + " requests, errors connect " +
         QByteArray::number(qulonglong(e.connect)) + " timeout " + QByteArray::number(qulonglong(e.timeout)) + " reset " +
         QByteArray::number(qulonglong(e.reset)) + " tls " + QByteArray::number(qulonglong(e.tls)) + " protocol " +
         QByteArray::number(qulonglong(e.protocol)) + ", status errors " + QByteArray::number(qulonglong(r.statusErrors()));
}

}  // namespace

class TestTakeover : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;

 private slots:
  void initTestCase() { QVERIFY(upstream_.start()); }

  void reloadAndTakeoversUnderLoadDropNothing() {
    SluiceProcess sluice;
    sluice.setEnv("WORKER_PROCESSES", "2");
    QVERIFY(sluice.start());
    QVERIFY(sluice.routeTo(upstream_.port()));
    const qint64 firstPid = sluice.pidFromFile();
    QVERIFY(firstPid > 0);

    Background kept(steadyLoad(sluice.proxyPort(), 8, false, 12));
    Background fresh(steadyLoad(sluice.proxyPort(), 2, true, 12));
    QThread::msleep(1500);
    QByteArray said;
    QCOMPARE(sluice.run({"reload"}, &said), 0);
    QVERIFY2(said.contains("reload"), said.constData());
    QThread::msleep(1500);
    sluice.setEnv("WORKER_PROCESSES", "3");  // one more socket than handed over: bound beside them
    QVERIFY2(sluice.takeOver(), sluice.logs().constData());
    const qint64 secondPid = sluice.pidFromFile();
    QVERIFY(secondPid != firstPid);
    QThread::msleep(1500);
    sluice.setEnv("WORKER_PROCESSES", "1");  // three sockets for one worker
    QVERIFY2(sluice.takeOver(), sluice.logs().constData());
    QVERIFY(sluice.pidFromFile() != secondPid);

    const auto& k = kept.result();
    const auto& f = fresh.result();
    QVERIFY(k.ok() && f.ok());
    qInfo("%s", describe("keep-alive", *k).constData());
    qInfo("%s", describe("connection per request", *f).constData());
    QVERIFY(k->requests > 1000 && f->requests > 200);
    QVERIFY2(k->errors() == 0, describe("keep-alive", *k).constData());
    QVERIFY2(f->errors() == 0, describe("connection per request", *f).constData());

    QCOMPARE(sluice.proxy().get("/after").status, 200);
    QCOMPARE(sluice.admin().get("/status").status, 200);
    QVERIFY(sluice.stop());
    const QByteArray logs = sluice.logs();
    QVERIFY2(logs.contains("configuration reloaded"), logs.constData());
    QVERIFY2(logs.contains("took over from pid " + QByteArray::number(firstPid) + ": 2 listening sockets handed over"), logs.constData());
    QVERIFY2(logs.contains("took over from pid " + QByteArray::number(secondPid) + ": 3 listening sockets handed over"), logs.constData());
    QVERIFY2(logs.count("handed the listeners over to pid") == 2, logs.constData());
    QVERIFY(!QFile::exists(sluice.prefix() + "/sluice.pid"));
    QVERIFY(!QFile::exists(sluice.prefix() + "/takeover.sock"));
  }

  void failedSuccessorLeavesThePredecessorServing() {
    SluiceProcess sluice;
    QVERIFY(sluice.start());
    QVERIFY(sluice.routeTo(upstream_.port()));
    const qint64 pid = sluice.pidFromFile();
    QTcpServer taken;  // a port the successor's Admin API cannot bind (no SO_REUSEPORT here)
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QVERIFY(!sluice.takeOver({"--admin-listen", "127.0.0.1:" + QString::number(taken.serverPort())}));
    QVERIFY2(sluice.logs().contains("cannot listen on 127.0.0.1:" + QByteArray::number(taken.serverPort())), sluice.logs().constData());
    QVERIFY(sluice.running());
    QCOMPARE(sluice.pidFromFile(), pid);
    QCOMPARE(sluice.proxy().get("/still").status, 200);
    QVERIFY2(sluice.takeOver(), sluice.logs().constData());  // and a later successor can still take over
    QCOMPARE(sluice.proxy().get("/again").status, 200);
    QVERIFY(sluice.stop());
  }

  void startTwiceOnOnePrefixIsRefused() {
    SluiceProcess sluice;
    QByteArray said;
    QCOMPARE(sluice.run({"start", "--takeover"}, &said), 1);
    QVERIFY2(said.contains("no running sluice to take over on this prefix"), said.constData());
    QCOMPARE(sluice.run({"reload"}, &said), 1);
    QVERIFY2(said.contains("no sluice is running on prefix"), said.constData());

    QVERIFY(sluice.start());
    QCOMPARE(sluice.run({"start"}, &said), 1);
    QVERIFY2(said.contains("already running on prefix") && said.contains("sluice start --takeover"), said.constData());
    QVERIFY(sluice.running());
    QCOMPARE(sluice.run({"stop"}, &said), 0);
    QVERIFY2(said.contains("stopped"), said.constData());
    QVERIFY(sluice.waitForExit(5000));
  }
};

QTEST_GUILESS_MAIN(TestTakeover)
#include "test_takeover.moc"
