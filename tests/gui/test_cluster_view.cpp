// The Cluster tab against a real control plane with a real data plane: the data plane is listed
// with its address, version and hash, in sync, then behind when it stops answering changes; a
// traditional node says it is not a control plane. The rendered window is saved for a look.
#include "connected_window.h"
#include "sluice_process.h"

#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace sluice::manager;
using namespace sluice::test;

class TestClusterView : public QObject {
  Q_OBJECT

  QTemporaryDir certs_;

  void join(SluiceProcess& node, const QString& role, quint16 clusterPort) {
    node.setEnv("ROLE", role);
    node.setEnv(role == "control_plane" ? "CLUSTER_LISTEN" : "CLUSTER_CONTROL_PLANE", QString("127.0.0.1:%1").arg(clusterPort));
    node.setEnv("CLUSTER_CERT", certs_.filePath("c.crt"));
    node.setEnv("CLUSTER_CERT_KEY", certs_.filePath("c.key"));
    node.setEnv("CLUSTER_PING_INTERVAL", "1s");
  }

 private slots:
  void listsTheDataPlanes() {
    SluiceProcess tool;
    QCOMPARE(tool.run({"hybrid", "gen_cert", certs_.filePath("c.crt"), certs_.filePath("c.key")}), 0);
    const quint16 clusterPort = SluiceProcess::freePort();
    SluiceProcess cp, dp;
    join(cp, "control_plane", clusterPort);
    join(dp, "data_plane", clusterPort);
    QVERIFY(cp.start());
    QVERIFY(dp.start());
    QCOMPARE(cp.admin().sendJson("POST", "/services", {{"name", "echo"}, {"url", "http://127.0.0.1:9"}}).status, 201);

    ConnectedWindow connected(cp);
    MainWindow& window = connected.window;
    window.showCluster();
    QTableWidget& table = window.cluster().table();
    QTRY_COMPARE_WITH_TIMEOUT(table.rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(table.item(0, 4)->text(), QString("In sync"), 10000);
    QCOMPARE(table.item(0, 1)->text(), QString("127.0.0.1"));
    QVERIFY(!table.item(0, 2)->text().isEmpty());
    const QString hash = cp.admin().get("/sluice/cluster").json()["config_hash"].toString();
    QCOMPARE(table.item(0, 3)->toolTip(), hash);
    QVERIFY(window.cluster().summary().contains(hash));
    bool statusShown = false;
    for (auto* label : window.statusBar()->findChildren<QLabel*>()) statusShown = statusShown || label->text().contains("1 data plane");
    QVERIFY(statusShown);
    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/main_window_cluster.png"));

    // The data plane stops: a change it never receives leaves it behind.
    QVERIFY(dp.stop());
    QCOMPARE(cp.admin().sendJson("POST", "/services", {{"name", "more"}, {"url", "http://127.0.0.1:9"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(table.item(0, 4)->text(), QString("Behind (disconnected)"), 10000);
    QVERIFY(cp.stop());
  }

  void aTraditionalNodeHasNoList() {
    SluiceProcess node;
    QVERIFY(node.start());
    ConnectedWindow connected(node);
    connected.window.showCluster();
    QTRY_VERIFY_WITH_TIMEOUT(connected.window.cluster().summary().contains("not a control plane"), 10000);
    QCOMPARE(connected.window.cluster().table().rowCount(), 0);
    QVERIFY(node.stop());
  }
};

QTEST_MAIN(TestClusterView)
#include "test_cluster_view.moc"
