// "Why this route?" against a real gateway and upstream: a typed URL comes back as the chosen route,
// the routes that also match and the nearest that do not (their failing rules as child rows); a
// request nobody takes says 404 with what each route misses; a trace's request is explained from
// the troubleshooting tab in one click.
#include "connected_window.h"
#include "sluice_process.h"
#include "upstream_process.h"
#include "views/main_window.h"

#include <QDir>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace sluice::manager;
using namespace sluice::test;

namespace {
QStringList column(const QTreeWidget& tree, int c) {
  QStringList out;
  for (int i = 0; i < tree.topLevelItemCount(); ++i) out << tree.topLevelItem(i)->text(c);
  return out;
}
}  // namespace

class TestExplainView : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess upstream_;
  QString hostRouteId_;

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
    const auto admin = sluice_.admin();
    admin.sendJson("POST", "/services", {{"name", "shop"}, {"url", QString("http://127.0.0.1:%1").arg(upstream_.port())}});
    hostRouteId_ = admin.sendJson("POST", "/services/shop/routes", {{"name", "by-host"}, {"hosts", QJsonArray{"shop.test"}}, {"paths", QJsonArray{"/orders"}}})
                       .json()["id"].toString();
    admin.sendJson("POST", "/services/shop/routes", {{"name", "by-regex"}, {"paths", QJsonArray{"/orders/\\d+$"}}, {"methods", QJsonArray{"GET"}}});
    admin.sendJson("POST", "/services/shop/routes", {{"name", "plain"}, {"paths", QJsonArray{"/orders"}}});
    admin.sendJson("POST", "/services/shop/routes", {{"name", "versioned"}, {"paths", QJsonArray{"/carts"}}, {"headers", QJsonObject{{"x-version", QJsonArray{"2"}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(admin.sendJson("POST", "/sluice/router/explain", {{"path", "/"}}).json()["routes"].toInt(), 4, 5000);
  }

  void headersAreTypedAsPairs() {
    const auto h = ExplainView::headersFrom("X-Version: 2; Content-Type: application/grpc ;bad; :x");
    QCOMPARE(h.size(), size_t{2});
    QCOMPARE(h["X-Version"].get<std::string>(), std::string("2"));
    QCOMPARE(h["Content-Type"].get<std::string>(), std::string("application/grpc"));
  }

  void aUrlIsExplained() {
    ConnectedWindow connected(sluice_);
    ExplainView& view = connected.window.explainer();
    QSignalSpy done(&view, &ExplainView::explained);
    view.explainRequest("GET", "http://shop.test/orders/12");
    QVERIFY(done.wait(5000));
    const QTreeWidget& tree = *view.results();
    QCOMPARE(column(tree, 0).value(0), QString("by-host"));
    QCOMPARE(column(tree, 2).value(0), QString("Chosen"));
    QVERIFY(column(tree, 0).contains("by-regex"));
    QVERIFY(column(tree, 0).contains("plain"));
    QVERIFY2(view.summary().contains("by-host") && view.summary().contains("position 1 of 4"), qPrintable(view.summary()));
    // The header route is among the nearest: its failing rules as child rows.
    QTreeWidgetItem* versioned = nullptr;
    for (int i = 0; i < tree.topLevelItemCount(); ++i)
      if (tree.topLevelItem(i)->text(0) == "versioned") versioned = tree.topLevelItem(i);
    QVERIFY(versioned);
    QStringList rules;
    for (int i = 0; i < versioned->childCount(); ++i) rules << versioned->child(i)->text(2);
    QCOMPARE(rules, (QStringList{"header", "path"}));

    // The missing header given: the same view, another answer.
    QSignalSpy again(&view, &ExplainView::explained);
    view.explainRequest("GET", "http://shop.test/carts", "X-Version: 2");
    QVERIFY(again.wait(5000));
    QCOMPARE(column(tree, 0).value(0), QString("versioned"));

    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    connected.window.explainRequest("GET", "http://other.test/orders/12");
    QVERIFY(again.wait(5000));
    connected.window.setFocus();
    QTest::qWait(200);
    QVERIFY(connected.window.grab().save(shots + "/explain.png"));
  }

  void aRequestNoRouteTakesSays404() {
    ConnectedWindow connected(sluice_);
    ExplainView& view = connected.window.explainer();
    QSignalSpy done(&view, &ExplainView::explained);
    connected.window.explainRequest("DELETE", "http://shop.test/carts");
    QVERIFY(done.wait(5000));
    QVERIFY2(view.summary().contains("404"), qPrintable(view.summary()));
    QCOMPARE(column(*view.results(), 2).value(0), QString("Does not match"));
    // Fewest failing rules first: the host route misses on its path alone, the header route on its header alone.
    QCOMPARE(column(*view.results(), 0).mid(0, 2), (QStringList{"by-host", "versioned"}));
    QCOMPARE(view.results()->topLevelItem(1)->childCount(), 1);
    QCOMPARE(view.results()->topLevelItem(1)->child(0)->text(2), QString("header"));
    QVERIFY(connected.window.grab().save(QDir::currentPath() + "/screenshots/explain_404.png"));
  }

  void aTraceIsExplainedInOneClick() {
    QByteArray raw = "GET /orders/7 HTTP/1.1\r\nHost: shop.test\r\nX-Sluice-Trace: 1\r\nConnection: close\r\n\r\n";
    QCOMPARE(sluice_.proxy().raw(raw).status, 200);
    ConnectedWindow connected(sluice_);
    MainWindow& window = connected.window;
    window.troubleshootRoute(hostRouteId_, "by-host");
    TroubleshootView& troubleshoot = window.troubleshoot();
    QSignalSpy loaded(&troubleshoot, &TroubleshootView::tracesLoaded);
    QTRY_VERIFY_WITH_TIMEOUT((troubleshoot.refreshTraces(), loaded.wait(1000), troubleshoot.tracesTable()->rowCount() >= 1), 10000);
    troubleshoot.tracesTable()->setCurrentCell(0, 0);
    QPushButton* explainButton = nullptr;
    for (auto* b : troubleshoot.findChildren<QPushButton*>())
      if (b->text() == "Explain the selected request") explainButton = b;
    QVERIFY(explainButton);
    QSignalSpy done(&window.explainer(), &ExplainView::explained);
    explainButton->click();
    QVERIFY(done.wait(5000));
    QCOMPARE(qobject_cast<QTabWidget*>(window.centralWidget())->currentWidget(), &window.explainer());
    QCOMPARE(column(*window.explainer().results(), 0).value(0), QString("by-host"));
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }
};

QTEST_MAIN(TestExplainView)
#include "test_explain_view.moc"
