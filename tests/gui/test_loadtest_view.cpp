// The manager's Load test tab against a real sluice: a run from this computer through the
// gateway's proxy and one from the gateway host (POST /sluice/loadtests), live seconds, results,
// errors by kind, the gateway's own split of the same seconds, a consumer's key, saving, comparing
// two runs and exporting; the rendered PNG shows a finished run with its charts.
#include "api/gateway_connection.h"
#include "connected_window.h"
#include "sluice_process.h"
#include "upstream_process.h"
#include "views/main_window.h"

#include <qcustomplot.h>

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

using namespace sluice::manager;
using namespace sluice::test;

class TestLoadtestView : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess upstream_;

  static QString cell(QTableWidget* t, const QString& label, int column) {
    for (int r = 0; r < t->rowCount(); ++r)
      if (t->item(r, 0) && t->item(r, 0)->text() == label) return t->item(r, column) ? t->item(r, column)->text() : QString();
    return {};
  }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QDir(SavedRuns().folder()).removeRecursively();
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
    sluice_.admin().sendJson("POST", "/services", {{"name", "shop"}, {"url", QString("http://127.0.0.1:%1").arg(upstream_.port())}});
    sluice_.admin().sendJson("POST", "/services/shop/routes", {{"name", "cart"}, {"paths", QJsonArray{"/cart"}}});
    sluice_.admin().sendJson("POST", "/services/shop/routes", {{"name", "vault"}, {"paths", QJsonArray{"/vault"}}});
    sluice_.admin().sendJson("POST", "/services", {{"name", "slow"}, {"url", QString("http://127.0.0.1:%1/delay/20").arg(upstream_.port())}});
    sluice_.admin().sendJson("POST", "/services/slow/routes", {{"name", "slow"}, {"paths", QJsonArray{"/slow"}}});
    sluice_.admin().sendJson("POST", "/routes/vault/plugins", {{"name", "key-auth"}, {"config", QJsonObject{{"key_names", QJsonArray{"x-vault-key"}}}}});
    sluice_.admin().sendJson("POST", "/consumers", {{"username", "carol"}});
    sluice_.admin().sendJson("POST", "/consumers/carol/key-auth", {{"key", "carol-key"}});
    for (int i = 0; i < 100 && sluice_.proxy().get("/cart/ready").status != 200; ++i) QTest::qWait(50);
    for (int i = 0; i < 100 && sluice_.proxy().get("/vault/").status != 401; ++i) QTest::qWait(50);
  }

  void runsShowsComparesAndExports() {
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    GatewayConnection& gateway = connected.gateway;
    window.loadTestRoute();
    LoadtestView& view = window.loadtest();
    QTRY_VERIFY_WITH_TIMEOUT(view.form().routeCount() == 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!gateway.status().proxyListen.isEmpty(), 5000);

    // 1. From this computer, through the gateway's proxy: three seconds, two connections.
    view.form().selectRoute("cart");
    view.form().setLoad(2, 0, "3s");
    view.form().setThresholds("p99<5s, errors<1%");
    QSignalSpy finished(&view, &LoadtestView::finished);
    view.start();
    QVERIFY(view.running());
    QVERIFY(finished.wait(15000));
    const nlohmann::json first = view.result();
    QVERIFY(first.value("requests", 0) > 50);
    QCOMPARE(first.value("errors", -1), 0);
    QVERIFY(first.value("passed", false));
    QVERIFY(view.timeline().size() >= 3);
    QVERIFY(view.charts().throughput()->graph(0)->dataCount() >= 3);
    QVERIFY(view.charts().latency()->graph(2)->dataCount() >= 3);
    QVERIFY(view.charts().distribution()->graph(0)->dataCount() > 0);
    QVERIFY(!cell(view.percentiles(), "p99 (ms)", 1).isEmpty());
    QCOMPARE(cell(view.errors(), "connect", 1), QString("0"));
    // The gateway's own figures for the same seconds (its live frames, a second apart).
    QTRY_VERIFY_WITH_TIMEOUT(view.gatewaySeconds() >= 2, 5000);
    QVERIFY(!view.save().isEmpty());

    // 2. From the gateway host, with a consumer's key, compared with the first run.
    view.form().setWhere(true);
    view.form().selectRoute("vault");
    view.form().setConsumer("carol");
    view.form().setLoad(2, 100, "2s");
    view.start();
    QVERIFY(finished.wait(15000));
    const nlohmann::json second = view.result();
    QCOMPARE(second.value("mode", ""), std::string("constant-rate"));
    QVERIFY2(std::abs(second.value("requests", 0) - 200) <= 2, second.dump().c_str());
    QCOMPARE(second["status"].value("200", 0), second.value("requests", 0));  // the key went along
    QVERIFY(second.contains("latency_uncorrected_ms"));
    const auto saved = view.savedRuns().list();
    QCOMPARE(saved.size(), size_t{1});
    view.compareWith(saved.front().file);
    QVERIFY(view.charts().distribution()->graph(1)->dataCount() > 0);  // the first run, overlaid
    QVERIFY(view.charts().throughput()->graph(2)->dataCount() >= 3);
    QVERIFY(cell(view.percentiles(), "p99 (ms)", 3).endsWith("%"));
    QCOMPARE(cell(view.percentiles(), "requests", 2), QString::number(first.value("requests", 0)));

    // 2b. The consumer's key from this computer too (the manager picks it over the Admin API).
    view.form().setWhere(false);
    view.form().setLoad(2, 0, "1s", 60);
    view.start();
    QVERIFY(finished.wait(15000));
    QCOMPARE(view.result()["status"].value("200", 0), 60);
    view.form().setLoad(2, 100, "2s");
    view.form().setWhere(true);
    view.start();
    QVERIFY(finished.wait(15000));

    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/main_window_loadtest.png"));

    // 3. A refused request is shown where it happened.
    view.form().setWhere(true);
    view.form().setUrl("http://127.0.0.1:1/");
    QSignalSpy failed(&view, &LoadtestView::failed);
    view.start();
    QVERIFY(!view.running());
    QCOMPARE(failed.count(), 0);  // refused before anything was sent: a message, no run

    QVERIFY(view.exportJson(shots + "/loadtest.json"));
    QVERIFY(view.exportCsv(shots + "/loadtest.csv"));
    QVERIFY(view.exportPng(shots + "/loadtest_results.png"));
    QFile csv(shots + "/loadtest.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readLine().startsWith("second,requests,errors"));
  }

  void capacitySearchDrawsItsKnee() {
    // Two connections to a route whose upstream answers in 20 ms serve about 100 req/s: steps of
    // 20 req/s, a second each, find the knee below that and stop (at most eight steps).
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    window.loadTestRoute();
    LoadtestView& view = window.loadtest();
    QTRY_VERIFY_WITH_TIMEOUT(view.form().routeCount() == 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!connected.gateway.status().proxyListen.isEmpty(), 5000);
    view.form().setWhere(false);
    view.form().selectRoute("slow");
    view.form().setLoad(2, 0, "10s");
    view.form().setCapacity(true, 20, 20, "1s", 8, "500ms");
    QSignalSpy finished(&view, &LoadtestView::finished);
    view.start();
    QVERIFY(finished.wait(30000));
    const auto& steps = view.capacitySteps();
    QVERIFY2(steps.size() >= 2, steps.dump().c_str());
    QCOMPARE(view.charts().capacity()->graph(1)->dataCount(), static_cast<int>(steps.size()));
    QVERIFY2(view.capacitySummary().contains("Stopped because"), qPrintable(view.capacitySummary()));
    const double knee = view.result()["capacity"]["knee_rps"].get<double>();
    QVERIFY2(knee >= 20 && knee <= 140, qPrintable(QString::number(knee)));
    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/loadtest_capacity.png"));

    // From the gateway host: the same search as POST /sluice/loadtests "capacity", its steps as they end.
    view.form().setWhere(true);
    view.form().setCapacity(true, 20, 20, "1s", 2);
    QString error;
    const auto request = view.form().gatewayRequest(error);
    QVERIFY2(request && request->contains("capacity"), qPrintable(error));
    QCOMPARE((*request)["capacity"]["max_steps"].get<int>(), 2);
    view.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(view.capacitySteps().size(), size_t{2});

    // Think time goes with a closed-loop run, and a bad one is refused.
    view.form().setCapacity(false);
    view.form().setThinkTime("100ms-300ms");
    const auto thinking = view.form().gatewayRequest(error);
    QVERIFY(thinking);
    QCOMPARE((*thinking)["think_time"].get<std::string>(), std::string("100ms-300ms"));
    view.form().setWhere(false);
    view.form().setThinkTime("later");
    view.start();
    QVERIFY(!view.running());
    view.form().setThinkTime("");
  }
};

QTEST_MAIN(TestLoadtestView)
#include "test_loadtest_view.moc"
