// The Alerts tab against a real gateway and upstream: a route answering in 120 ms under a p99 rule
// fires — the firing table and the history show it, the status bar counts it and the desktop
// notification is raised — and once the traffic stops it resolves and the status bar clears.
#include "connected_window.h"
#include "sluice_process.h"
#include "upstream_process.h"
#include "views/main_window.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using namespace sluice::manager;
using namespace sluice::test;

class TestAlertsView : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess upstream_;

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
    const auto admin = sluice_.admin();
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "orders"}, {"url", QString("http://127.0.0.1:%1/delay/120").arg(upstream_.port())}}).status, 201);
    const QString route = admin.sendJson("POST", "/services/orders/routes", {{"name", "orders"}, {"paths", QJsonArray{"/orders"}}}).json()["id"].toString();
    QCOMPARE(admin.sendJson("POST", "/sluice_alert_rules", {{"name", "orders-slow"}, {"kind", "latency_p99"}, {"route", QJsonObject{{"id", route}}},
                                                            {"threshold", 50}, {"for_seconds", 2}}).status, 201);
  }

  void anAlertFiresAndResolves() {
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    AlertsView& view = window.alerts();
    QSignalSpy notified(&window, &MainWindow::alertNotified);
    window.findChild<QTabWidget*>()->setCurrentWidget(&view);
    QTRY_COMPARE_WITH_TIMEOUT(window.alertState(), MainWindow::tr("No alerts"), 5000);

    // Traffic until the manager shows it firing (bounded).
    const HttpClient proxy = sluice_.proxy();
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000 && view.firing()->rowCount() == 0) {
      QCOMPARE(proxy.get("/orders").status, 200);
      QCoreApplication::processEvents();
    }
    QCOMPARE(view.firing()->rowCount(), 1);
    QCOMPARE(view.firing()->item(0, 0)->text(), QString("orders-slow"));
    QCOMPARE(view.firing()->item(0, 2)->text(), QString("route orders"));
    QVERIFY(view.firing()->item(0, 4)->text().toDouble() > 50);
    QTRY_VERIFY_WITH_TIMEOUT(window.alertState().contains("1"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, 5000);
    QVERIFY(notified.at(0).at(0).toString().contains("orders-slow"));
    QVERIFY(view.history()->rowCount() >= 1);
    QCOMPARE(view.history()->item(0, 1)->text(), AlertsView::tr("firing"));
    for (int i = 0; i < 3; ++i) QCOMPARE(proxy.get("/orders").status, 200);  // still slow while it is shown
    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/alerts.png"));

    // No traffic: resolved.
    QTRY_COMPARE_WITH_TIMEOUT(view.firing()->rowCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(window.alertState(), MainWindow::tr("No alerts"), 5000);
    QCOMPARE(view.history()->item(0, 1)->text(), AlertsView::tr("resolved"));
    QCOMPARE(notified.count(), 1);  // a resolution is not announced
  }

  void cleanupTestCase() {
    QVERIFY(sluice_.stop());
    upstream_.stop();
  }
};

QTEST_MAIN(TestAlertsView)
#include "test_alerts_view.moc"
