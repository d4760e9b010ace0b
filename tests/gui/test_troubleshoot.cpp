// Latency troubleshooting against a real sluice: a slow upstream and a slow plugin (basic-auth's
// PBKDF2) on a route; the view shows the route's time per part, its traces, a trace as a
// waterfall with the time on the right row, and leads back to the route and the plugin.
#include "api/gateway_connection.h"
#include "connected_window.h"
#include "sluice_process.h"
#include "upstream_process.h"
#include "views/main_window.h"
#include "views/theme.h"

#include <qcustomplot.h>

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace sluice::manager;
using namespace sluice::test;

class TestTroubleshoot : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess upstream_;
  QString routeId_;

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
    sluice_.admin().sendJson("POST", "/services", {{"name", "slow"}, {"url", QString("http://127.0.0.1:%1").arg(upstream_.port())}});
    routeId_ = sluice_.admin().sendJson("POST", "/services/slow/routes", {{"name", "slow-api"}, {"paths", QJsonArray{"/slow"}}}).json()["id"].toString();
    sluice_.admin().sendJson("POST", "/consumers", {{"username", "ann"}});
    sluice_.admin().sendJson("POST", "/consumers/ann/basic-auth", {{"username", "ann"}, {"password", "a-long-password"}});
    sluice_.admin().sendJson("POST", "/routes/slow-api/plugins", {{"name", "basic-auth"}});
    for (int i = 0; i < 100 && sluice_.proxy().get("/slow/x").status != 401; ++i) QTest::qWait(50);
  }

  void showsWhereARoutesTimeGoes() {
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    window.troubleshootRoute(routeId_, "slow-api");
    TroubleshootView& view = window.troubleshoot();
    QCOMPARE(view.routeId(), routeId_);

    // Slow upstream answers, and one request asked to be traced whose password is checked for the first time.
    const QByteArray auth = "Basic " + QByteArray("ann:a-long-password").toBase64();
    for (int i = 0; i < 3; ++i) QCOMPARE(sluice_.proxy().request("GET", "/slow/delay/150", {}, {{"Authorization", auth}}).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(view.secondsShown() >= 2, 8000);  // a bar per second
    QSignalSpy loaded(&view, &TroubleshootView::tracesLoaded);
    QTRY_VERIFY_WITH_TIMEOUT((view.refreshTraces(), loaded.wait(1000), view.tracesTable()->rowCount() >= 3), 10000);

    // The slowest trace: its time is on the upstream response row.
    int slowest = 0;
    for (int r = 1; r < view.tracesTable()->rowCount(); ++r)
      if (view.tracesTable()->item(r, 2)->text().toDouble() > view.tracesTable()->item(slowest, 2)->text().toDouble()) slowest = r;
    view.tracesTable()->setCurrentCell(slowest, 0);
    const auto& bars = view.waterfall()->bars();
    QVERIFY(!bars.empty());
    const auto longest = std::max_element(bars.begin(), bars.end() - 1, [](const auto& a, const auto& b) { return a.durationMs < b.durationMs; });
    QVERIFY2(longest->label == "upstream response", qPrintable(longest->label));
    QVERIFY(longest->durationMs >= 145);
    bool pluginRow = false;
    for (const auto& b : bars) pluginRow = pluginRow || b.plugin == "basic-auth";
    QVERIFY(pluginRow);  // plugin phases have their rows

    // From the waterfall back to the configuration.
    QSignalSpy plugin(&view, &TroubleshootView::openPlugin);
    emit view.waterfall()->pluginActivated("basic-auth");
    QCOMPARE(plugin.count(), 1);
    QCOMPARE(window.listModel().collection(), QString("plugins"));

    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    window.troubleshootRoute(routeId_, "slow-api");
    QTRY_VERIFY_WITH_TIMEOUT((view.refreshTraces(), loaded.wait(1000), view.tracesTable()->rowCount() >= 3), 10000);
    view.tracesTable()->setCurrentCell(0, 0);
    for (int i = 0; i < 6; ++i) {  // a few seconds of traffic for the per-second chart
      sluice_.proxy().request("GET", "/slow/delay/" + QByteArray::number(40 + 30 * i), {}, {{"Authorization", auth}});
      QTest::qWait(400);
    }
    QTest::qWait(1200);
    QVERIFY(window.grab().save(shots + "/troubleshooting.png"));
    applyTheme("dark");
    QCoreApplication::processEvents();
    QVERIFY(window.grab().save(shots + "/troubleshooting_dark.png"));
    applyTheme("light");
  }

  void waterfallRowsFollowTheTimeline() {
    const auto trace = nlohmann::json::parse(R"({"total_ms": 10, "method": "GET", "path": "/x", "status": 200,
      "timeline": [{"event": "headers parsed", "at_ms": 0}, {"event": "routed", "at_ms": 0.1},
                   {"event": "plugin", "plugin": "key-auth", "phase": "access", "at_ms": 0.1, "duration_ms": 2},
                   {"event": "peer chosen", "at_ms": 2.2}, {"event": "connected", "at_ms": 3.2},
                   {"event": "request sent", "at_ms": 3.3}, {"event": "first byte", "at_ms": 9},
                   {"event": "last byte", "at_ms": 10}]})");
    const auto bars = TraceWaterfall::barsOf(trace);
    QCOMPARE(bars.size(), size_t{6});
    QCOMPARE(bars[1].plugin, QString("key-auth"));
    QCOMPARE(bars[1].durationMs, 2.0);
    QCOMPARE(bars[2].label, QString("upstream connect"));
    QVERIFY(std::abs(bars[2].durationMs - 1.0) < 1e-9);
    QVERIFY(std::abs(bars[3].durationMs - 5.7) < 1e-9);
    QCOMPARE(bars.back().durationMs, 10.0);
  }
};

QTEST_MAIN(TestTroubleshoot)
#include "test_troubleshoot.moc"
