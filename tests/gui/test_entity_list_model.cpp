// The manager's entity lists against a real sluice: pages load lazily as a view asks for more,
// the tag filter goes to the server, failures are reported, and the model passes Qt's model tester.
#include "api/gateway_connection.h"
#include "model/registry.h"
#include "models/entity_list_model.h"
#include "sluice_process.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace sluice::manager;
using sluice::test::SluiceProcess;

class TestEntityListModel : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  GatewayConnection gateway_;

 private slots:
  void initTestCase() {
    QVERIFY(sluice_.start());
    for (int i = 0; i < 250; ++i)
      QCOMPARE(sluice_.admin()
                   .sendJson("POST", "/services",
                             {{"name", QString("svc%1").arg(i, 3, 10, QChar('0'))},
                              {"url", "http://127.0.0.1:9/"},
                              {"tags", QJsonArray{i % 2 ? "odd" : "even"}}})
                   .status,
               201);
    TransportSettings settings;
    settings.baseUrl = QUrl(QString("http://127.0.0.1:%1").arg(sluice_.adminPort()));
    gateway_.open(settings);
    // The credentials are the gateway's plugins' entities: learned from it on connecting.
    QTRY_VERIFY_WITH_TIMEOUT(sluice::model::findByCollection("key-auths") != nullptr, 5000);
  }

  void loadsAPageAtATimeAsAViewAsks() {
    EntityListModel model;
    model.setPageSize(100);
    QSignalSpy pages(&model, &EntityListModel::pageLoaded);
    model.setSource(gateway_.transport(), "services", {"name", "tags", "id"});
    QVERIFY(pages.wait(5000));
    QCOMPARE(model.rowCount(), 100);  // one page, not everything
    QVERIFY(model.canFetchMore({}));
    QVERIFY(!model.complete());
    model.fetchMore({});
    QVERIFY(pages.wait(5000));
    QCOMPARE(model.rowCount(), 200);
    model.fetchMore({});
    QVERIFY(pages.wait(5000));
    QCOMPARE(model.rowCount(), 250);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.complete());
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QString("name"));
    QVERIFY(model.data(model.index(0, 0)).toString().startsWith("svc"));
    QVERIFY(model.data(model.index(0, 1)).toString() == "odd" || model.data(model.index(0, 1)).toString() == "even");
    QCOMPARE(model.data(model.index(0, 0), Qt::UserRole).toString().size(), 36);  // the entity's id
  }

  void passesTheModelTester() {
    // The tester itself asks for more rows (as a view does): every page arrives, every check holds.
    EntityListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(60);
    model.setSource(gateway_.transport(), "services", {"name", "tags", "id"});
    QTRY_VERIFY_WITH_TIMEOUT(model.complete(), 10000);
    QCOMPARE(model.rowCount(), 250);
  }

  void tagsFilterOnTheServer() {
    EntityListModel model;
    model.setPageSize(1000);
    QSignalSpy pages(&model, &EntityListModel::pageLoaded);
    model.setSource(gateway_.transport(), "services", {"name", "tags"});
    QVERIFY(pages.wait(5000));
    model.setTags("odd");
    QVERIFY(pages.wait(5000));
    QCOMPARE(model.rowCount(), 125);
    for (int r = 0; r < model.rowCount(); ++r) QCOMPARE(model.data(model.index(r, 1)).toString(), QString("odd"));
  }

  void failuresAreReported() {
    EntityListModel model;
    QSignalSpy failed(&model, &EntityListModel::loadFailed);
    model.setSource(gateway_.transport(), "no-such-entities", {"id"});
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().first().toString().contains("Not found"), qPrintable(failed.first().first().toString()));
    QCOMPARE(model.rowCount(), 0);
  }

  void foreignKeysShowTheirEntitysName() {
    QCOMPARE(sluice_.admin().sendJson("POST", "/services", {{"name", "orders"}, {"url", "http://127.0.0.1:9/"}}).status, 201);
    const QString serviceId = sluice_.admin().get("/services/orders").json()["id"].toString();
    QCOMPARE(sluice_.admin().sendJson("POST", "/services/orders/routes", {{"name", "orders-route"}, {"paths", QJsonArray{"/orders"}}}).status, 201);
    QCOMPARE(sluice_.admin().sendJson("POST", "/consumers", {{"custom_id", "no-username"}}).status, 201);
    const QString consumerId = sluice_.admin().get("/consumers?custom_id=no-username").json()["data"].toArray()[0].toObject()["id"].toString();
    QCOMPARE(sluice_.admin().sendJson("POST", "/consumers/" + consumerId.toUtf8() + "/key-auth", {{"key", "k1"}}).status, 201);
    EntityListModel routes;
    routes.setSource(gateway_.transport(), "routes", {"name", "service", "id"});
    QTRY_VERIFY_WITH_TIMEOUT(routes.complete() && routes.rowCount() == 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(routes.data(routes.index(0, 1)).toString(), QString("orders"), 5000);
    QCOMPARE(routes.data(routes.index(0, 1), Qt::ToolTipRole).toString(), QString("orders (%1)").arg(serviceId));
    // Nested lists too; an entity without a name keeps showing its id.
    EntityListModel nested;
    nested.setSource(gateway_.transport(), "services/" + serviceId + "/routes", {"service"});
    QTRY_COMPARE_WITH_TIMEOUT(nested.data(nested.index(0, 0)).toString(), QString("orders"), 5000);
    EntityListModel keys;
    keys.setSource(gateway_.transport(), "key-auths", {"key", "consumer"});
    QTRY_VERIFY_WITH_TIMEOUT(keys.complete() && keys.rowCount() == 1, 5000);
    QTest::qWait(300);  // the consumer's entity has been fetched: it has no username
    QCOMPARE(keys.data(keys.index(0, 1)).toString(), consumerId);
  }

  void displayTextReadsEveryFieldShape() {
    QCOMPARE(EntityListModel::displayText(nlohmann::json::array({"/a", "/b"})), QString("/a, /b"));
    QCOMPARE(EntityListModel::displayText(nlohmann::json{{"id", "abc"}}), QString("abc"));
    QCOMPARE(EntityListModel::displayText(nlohmann::json(true)), QString("yes"));
    QCOMPARE(EntityListModel::displayText(nlohmann::json(8000)), QString("8000"));
    QCOMPARE(EntityListModel::displayText(nlohmann::json()), QString());
  }
};

QTEST_MAIN(TestEntityListModel)
#include "test_entity_list_model.moc"
