// The History tab and the dashboard's change markers against a real gateway and upstream: the
// changes arrive newest first with their author, a selected change shows its field-by-field diff,
// Revert previews what it would change and (once confirmed) the proxy serves as before the change,
// a conflicting revert shows the gateway's 409, Restore returns to a version; the dashboard's time
// charts carry one marker per configuration version with its summary on hover.
#include "charts/time_charts.h"
#include "connected_window.h"
#include "history/history_view.h"
#include "sluice_process.h"
#include "upstream_process.h"
#include "views/main_window.h"

#include <qcustomplot.h>

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace sluice::manager;
using namespace sluice::test;

class TestHistoryView : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess upstream_;

  QString served(const QByteArray& path) {
    const auto r = sluice_.proxy().get(path);
    return r.status == 200 ? r.json()["uri"].toString() : QString::number(r.status);
  }

  static QTreeWidgetItem* rowOf(QTreeWidget* list, const QString& change, const QString& name) {
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
      auto* item = list->topLevelItem(i);
      if (item->text(3) == change && item->text(5) == name) return item;
    }
    return nullptr;
  }

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
    const auto admin = sluice_.admin();
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "shop"}, {"url", QString("http://127.0.0.1:%1/v1").arg(upstream_.port())}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/shop/routes", {{"name", "shop-route"}, {"paths", QJsonArray{"/shop"}}}).status, 201);
    QCOMPARE(admin.sendJson("PATCH", "/services/shop", {{"path", "/v2"}, {"retries", 2}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(served("/shop/a"), QString("/v2/a"), 5000);
  }

  void changesShowTheirDiffAndRevert() {
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    HistoryView& view = window.history();
    QSignalSpy refreshed(&view, &HistoryView::refreshed);
    window.findChild<QTabWidget*>()->setCurrentWidget(&view);
    QTRY_VERIFY_WITH_TIMEOUT(view.changes()->topLevelItemCount() >= 3, 5000);
    QTreeWidget* list = view.changes();
    QCOMPARE(list->topLevelItem(0)->text(3), HistoryView::tr("updated"));  // newest first
    QCOMPARE(list->topLevelItem(0)->text(6), QString("PATCH /services/shop"));

    list->setCurrentItem(list->topLevelItem(0));
    const QString diff = view.diffText();
    QVERIFY2(diff.contains("path") && diff.contains("/v1") && diff.contains("/v2") && diff.contains("retries"), qPrintable(diff));
    QVERIFY2(!diff.contains("updated_at"), qPrintable(diff));
    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/history_diff.png"));

    // Revert: the preview comes first; declining changes nothing.
    QString previewed;
    bool accept = false;
    view.setConfirm([&](const QString&, const QString& preview) {
      previewed = preview;
      return accept;
    });
    QSignalSpy replayed(&view, &HistoryView::replayed);
    view.revertSelected();
    QTRY_COMPARE_WITH_TIMEOUT(replayed.count(), 1, 5000);
    QVERIFY2(previewed.contains("path: /v2 → /v1") && previewed.contains("retries: 2 → 5"), qPrintable(previewed));
    QCOMPARE(replayed.at(0).at(0).toBool(), false);
    QCOMPARE(served("/shop/a"), QString("/v2/a"));

    accept = true;
    view.revertSelected();
    QTRY_COMPARE_WITH_TIMEOUT(replayed.count(), 2, 5000);
    QCOMPARE(replayed.at(1).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(served("/shop/a"), QString("/v1/a"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() >= 4 && list->topLevelItem(0)->text(6).contains("/revert"), 5000);

    // The same change again: the gateway's 409 names the revert that came after it.
    QTreeWidgetItem* patch = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
      if (list->topLevelItem(i)->text(6) == "PATCH /services/shop") patch = list->topLevelItem(i);
    QVERIFY(patch);
    list->setCurrentItem(patch);
    view.revertSelected();
    QTRY_COMPARE_WITH_TIMEOUT(replayed.count(), 3, 5000);
    QCOMPARE(replayed.at(2).at(0).toBool(), false);
    QVERIFY2(view.status().contains("409") || view.status().contains("revert that one first"), qPrintable(view.status()));

    // Restore to the version of the PATCH: the proxy serves /v2 again.
    list->setCurrentItem(patch);
    view.restoreSelected();
    QTRY_COMPARE_WITH_TIMEOUT(replayed.count(), 4, 5000);
    QVERIFY2(previewed.contains("services updated “shop”"), qPrintable(previewed));
    QCOMPARE(replayed.at(3).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(served("/shop/a"), QString("/v2/a"), 5000);
  }

  void theDashboardMarksChanges() {
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    DashboardView& dashboard = window.dashboard();
    window.showDashboard();
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.changeMarkers().size() >= 3, 5000);
    // A frame or two so that the charts have their window; the markers sit on every time chart.
    for (int i = 0; i < 20 && dashboard.frameCount() < 2; ++i) QTest::qWait(500);
    const ChangeMarker& newest = dashboard.changeMarkers().back();
    QVERIFY2(newest.summary.contains("services “shop” updated"), qPrintable(newest.summary));
    QVERIFY2(newest.summary.contains("/sluice/config/restore"), qPrintable(newest.summary));
    QCustomPlot* latency = dashboard.latencyPlot();
    int lines = 0;
    for (int i = 0; i < latency->itemCount(); ++i) lines += qobject_cast<QCPItemStraightLine*>(latency->item(i)) ? 1 : 0;
    QCOMPARE(lines, static_cast<int>(dashboard.changeMarkers().size()));
    QVERIFY2(hoverText(latency, newest.time).contains("Configuration version"), qPrintable(hoverText(latency, newest.time)));
    QVERIFY(markerText(latency, newest.time - 600).isEmpty());
    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/dashboard_change_markers.png"));
  }

  void cleanupTestCase() {
    QVERIFY(sluice_.stop());
    upstream_.stop();
  }
};

QTEST_MAIN(TestHistoryView)
#include "test_history_view.moc"
