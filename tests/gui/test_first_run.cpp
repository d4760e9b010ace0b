// The first run against a real, empty gateway: the Configuration tab shows the first-run path,
// which creates a service and a route, sends a request through the proxy and shows the upstream's
// answer; a gateway that has a service already opens on its tables.
#include "connected_window.h"
#include "sluice_process.h"
#include "upstream_process.h"
#include "views/main_window.h"

#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace sluice::manager;
using namespace sluice::test;

class TestFirstRun : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess upstream_;

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
  }

  void anEmptyGatewayLeadsToAFirstRequest() {
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    QTRY_VERIFY_WITH_TIMEOUT(window.firstRunShown(), 8000);
    FirstRunPanel& panel = window.firstRun();
    panel.serviceName()->setText("hello");
    panel.upstreamUrl()->setText(QString("http://127.0.0.1:%1").arg(upstream_.port()));
    panel.routePath()->setText("/hello");
    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/first_run.png"));
    QSignalSpy tried(&panel, &FirstRunPanel::tried);
    panel.createButton()->click();
    QVERIFY(tried.wait(15000));
    QVERIFY2(panel.answer().contains("→ 200"), qPrintable(panel.answer() + panel.progress()));
    QVERIFY(panel.answer().contains("\"uri\":\"/\""));  // the upstream's echo: the route strips /hello
    QVERIFY(panel.progress().startsWith("It works"));
    QVERIFY(window.grab().save(shots + "/first_run_answer.png"));
    // The gateway has them now.
    QCOMPARE(sluice_.admin().get("/services/hello").status, 200);
    QCOMPARE(sluice_.admin().get("/routes/hello-route").status, 200);
    // Done: the tables come back, on the services.
    QSignalSpy finished(&panel, &FirstRunPanel::finished);
    for (auto* b : panel.findChildren<QPushButton*>())
      if (b->text() == "Open the configuration") b->click();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!window.firstRunShown());
    QCOMPARE(window.listModel().collection(), QString("services"));
  }

  void aFailureSaysWhy() {
    // The gateway has a service now: no first run; the panel itself still explains a refusal.
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    QTest::qWait(1500);
    QVERIFY(!window.firstRunShown());
    FirstRunPanel& panel = window.firstRun();
    panel.setGateway(connected.gateway.transport(), "http://127.0.0.1:1");
    panel.serviceName()->setText("hello");  // taken
    panel.upstreamUrl()->setText("http://127.0.0.1:9");
    QSignalSpy tried(&panel, &FirstRunPanel::tried);
    panel.createButton()->click();
    QVERIFY(tried.wait(5000));
    QVERIFY2(panel.progress().startsWith("The service was not created"), qPrintable(panel.progress()));
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }
};

QTEST_MAIN(TestFirstRun)
#include "test_first_run.moc"
