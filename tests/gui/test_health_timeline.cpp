// The health timeline of the troubleshooting view: lanes walked back from each target's health now
// through its changes; against a real gateway, a target whose upstream process stops turns red on
// its lane with the probe's reason on hover, and green again when it is back.
#include "connected_window.h"
#include "sluice_process.h"
#include "upstream_process.h"
#include "views/main_window.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace sluice::manager;
using namespace sluice::test;

class TestHealthTimeline : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess a_, b_;
  QString routeId_;

  QString target(const UpstreamProcess& p) const { return QString("127.0.0.1:%1").arg(p.port()); }

 private slots:
  void stretchesWalkBackFromNow() {
    const auto history = nlohmann::json::parse(R"js([
      {"at": 1000, "target": "a:80", "health": "UNHEALTHY", "reason": "unhealthy after 2 timeouts (active probe)", "source": "active"},
      {"at": 2000, "target": "a:80", "health": "HEALTHY", "reason": "healthy after 1 successes (active probe: last HTTP 200)", "source": "active"},
      {"at": 9000, "target": "a:80", "health": "UNHEALTHY", "reason": "outside the window", "source": "manual"}])js");
    const auto a = HealthTimeline::stretchesOf("a:80", "HEALTHY", history, 0, 3000);
    QCOMPARE(a.size(), size_t{3});
    QCOMPARE(a[0].health, QString("HEALTHY"));
    QCOMPARE(a[0].toMs, qint64{1000});
    QCOMPARE(a[1].health, QString("UNHEALTHY"));
    QVERIFY(a[1].reason.contains("2 timeouts"));
    QCOMPARE(a[2].health, QString("HEALTHY"));
    QCOMPARE(a[2].fromMs, qint64{2000});
    QCOMPARE(a[2].toMs, qint64{3000});
    // A target without changes is its health now all along.
    const auto b = HealthTimeline::stretchesOf("b:80", "HEALTHCHECKS_OFF", history, 0, 3000);
    QCOMPARE(b.size(), size_t{1});
    QCOMPARE(b[0].health, QString("HEALTHCHECKS_OFF"));
  }

  void aStoppedTargetTurnsRedWithItsReason() {
    QVERIFY(a_.start());
    QVERIFY(b_.start());
    QVERIFY(sluice_.start());
    const auto admin = sluice_.admin();
    const QJsonObject checks{{"active", QJsonObject{{"http_path", "/status/200"}, {"timeout", 0.5},
                                                    {"healthy", QJsonObject{{"interval", 0.2}, {"successes", 1}}},
                                                    {"unhealthy", QJsonObject{{"interval", 0.2}, {"tcp_failures", 1}, {"http_failures", 1}, {"timeouts", 1}}}}}};
    QCOMPARE(admin.sendJson("POST", "/upstreams", {{"name", "shop"}, {"healthchecks", checks}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/upstreams/shop/targets", {{"target", target(a_)}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/upstreams/shop/targets", {{"target", target(b_)}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "shop"}, {"host", "shop"}}).status, 201);
    routeId_ = admin.sendJson("POST", "/services/shop/routes", {{"name", "shop"}, {"paths", QJsonArray{"/shop"}}}).json()["id"].toString();
    QTRY_VERIFY_WITH_TIMEOUT(sluice_.proxy().get("/shop").status == 200, 5000);

    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    window.troubleshootRoute(routeId_, "shop");
    TroubleshootView& view = window.troubleshoot();
    HealthTimeline& timeline = *view.healthTimeline();
    QTRY_COMPARE_WITH_TIMEOUT(timeline.lanes().size(), size_t{2}, 5000);
    int laneB = -1;
    for (int i = 0; i < 2; ++i)
      if (timeline.textAt(i, QDateTime::currentMSecsSinceEpoch() - 500).startsWith(target(b_))) laneB = i;
    QVERIFY(laneB >= 0);

    const quint16 port = b_.port();
    QTest::qWait(1500);  // a stretch of green first
    b_.stop();
    QTRY_VERIFY_WITH_TIMEOUT(timeline.lanes()[static_cast<size_t>(laneB)].back().health == "UNHEALTHY", 5000);
    const auto& red = timeline.lanes()[static_cast<size_t>(laneB)].back();
    const QString hover = timeline.textAt(laneB, (red.fromMs + red.toMs) / 2);
    QVERIFY2(hover.contains("UNHEALTHY") && hover.contains("active probe") && hover.contains("TCP failures"), qPrintable(hover));
    QTest::qWait(1500);
    QVERIFY(b_.start(port));
    QTRY_VERIFY_WITH_TIMEOUT(timeline.lanes()[static_cast<size_t>(laneB)].back().health == "HEALTHY" &&
                                 timeline.lanes()[static_cast<size_t>(laneB)].size() == 3,
                             5000);
    QTest::qWait(1500);
    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/health_timeline.png"));
    QVERIFY(sluice_.stop());
  }
};

QTEST_MAIN(TestHealthTimeline)
#include "test_health_timeline.moc"
