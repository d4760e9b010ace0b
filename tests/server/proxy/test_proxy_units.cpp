// Pieces of the proxy that need no sockets: Kong's path joining and smooth weighted round-robin.
#include "proxy/balancer.h"
#include "proxy/upstream_request.h"

#include <QtTest>

using namespace sluice;

class TestProxyUnits : public QObject {
  Q_OBJECT

 private slots:
  void joinsPathsLikeKong_data() {
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("rest");
    QTest::addColumn<bool>("v1");
    QTest::addColumn<QString>("expected");
    // Kong's path_handling table: v0 joins with one slash, v1 treats the service path as a prefix.
    QTest::newRow("v0 /s + /t") << "/s" << "/t" << false << "/s/t";
    QTest::newRow("v0 /s/ + /t") << "/s/" << "/t" << false << "/s/t";
    QTest::newRow("v0 /s + t") << "/s" << "t" << false << "/s/t";
    QTest::newRow("v0 /s + empty") << "/s" << "" << false << "/s";
    QTest::newRow("v0 none + /t") << "" << "/t" << false << "/t";
    QTest::newRow("v0 none + empty") << "" << "" << false << "/";
    QTest::newRow("v1 /s + /t") << "/s" << "/t" << true << "/st";
    QTest::newRow("v1 /s/ + /t") << "/s/" << "/t" << true << "/s/t";
    QTest::newRow("v1 none + /t") << "" << "/t" << true << "/t";
  }

  void joinsPathsLikeKong() {
    QFETCH(QString, service);
    QFETCH(QString, rest);
    QFETCH(bool, v1);
    QFETCH(QString, expected);
    std::string out;
    proxy::joinUpstreamPath(service.toStdString(), rest.toStdString(), v1, out);
    QCOMPARE(QString::fromStdString(out), expected);
  }

  void roundRobinIsSmoothAndWeighted() {
    snapshot::UpstreamRuntime up;
    for (int w : {5, 1, 1}) {
      snapshot::TargetRuntime t;
      t.weight = w;
      t.addresses.resize(1);
      up.targets.push_back(t);
    }
    proxy::RoundRobin rr;
    QString sequence;
    for (int i = 0; i < 7; ++i) sequence += QChar('a' + rr.pick(up));
    QCOMPARE(sequence, QString("aabacaa"));
    up.targets[0].weight = 0;  // disabled
    QVERIFY(rr.pick(up) != 0);
    QVERIFY(rr.pick(up, {1, 2}) < 0);
  }
};

QTEST_GUILESS_MAIN(TestProxyUnits)
#include "test_proxy_units.moc"
