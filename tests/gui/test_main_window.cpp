// The manager's main window against a real sluice (offscreen): it connects, says so in the status
// bar with the node's version and database, lists the entity kinds, follows the gateway going away
// and coming back, and renders its views to PNG files under the build folder for a look.
#include "api/gateway_connection.h"
#include "forms/entity_editor.h"
#include "app/language.h"
#include "app/manager_options.h"
#include "sluice_process.h"
#include "views/main_window.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTranslator>
#include <QTableView>
#include <QtTest>

using namespace sluice::manager;
using sluice::test::SluiceProcess;

namespace {

QString statusText(QMainWindow& w) {
  QStringList parts;
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>()) parts << l->text();
  return parts.join(" | ");
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;

 private slots:
  void initTestCase() {
    QVERIFY(sluice_.start());
    sluice_.admin().sendJson("POST", "/services", {{"name", "orders"}, {"url", "http://127.0.0.1:9/orders"}});
    sluice_.admin().sendJson("POST", "/services/orders/routes", {{"name", "orders-api"}, {"paths", QJsonArray{"/orders"}}});
  }

  void optionsTakeTheAdminUrl() {
    QString help;
    auto o = parseManagerOptions({"sluice-manager", "--admin-url", "http://10.0.0.5:8001"}, &help);
    QVERIFY(o.error.isEmpty());
    QCOMPARE(o.adminUrl->toString(), QString("http://10.0.0.5:8001"));
    o = parseManagerOptions({"sluice-manager", "--admin-url", "ftp://x"}, &help);
    QVERIFY(!o.error.isEmpty());
    parseManagerOptions({"sluice-manager", "--help"}, &help);
    QVERIFY(help.contains("--admin-url"));
  }

  void speaksGermanAndChinese() {
    for (const auto& [code, configuration] : {std::pair{QString("de"), QString("Konfiguration")}, std::pair{QString("zh_CN"), QString("配置")}}) {
      QTranslator translator;
      QVERIFY2(installLanguage(*QCoreApplication::instance(), translator, code), qPrintable(code));
      GatewayConnection gateway;
      MainWindow window(gateway);
      QCOMPARE(window.findChild<QTabWidget*>()->tabText(0), configuration);
      if (code == "de") {
        window.show();
        const QString shots = QDir::currentPath() + "/screenshots";
        QDir().mkpath(shots);
        QVERIFY(window.grab().save(shots + "/main_window_de.png"));
      }
      QCoreApplication::removeTranslator(&translator);
    }
    QCOMPARE(chooseLanguage("zh_CN"), QString("zh_CN"));
    QCOMPARE(chooseLanguage("xx").isEmpty(), false);
  }

  void connectsListsAndFollowsTheGateway() {
    GatewayConnection gateway;
    MainWindow window(gateway);
    TransportSettings settings;
    settings.baseUrl = QUrl(QString("http://127.0.0.1:%1").arg(sluice_.adminPort()));
    QSignalSpy status(&gateway, &GatewayConnection::statusChanged);
    gateway.open(settings, 300);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(gateway.status().reachable, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(statusText(window).contains("Connected"), 2000);
    QVERIFY(statusText(window).contains("Sluice 0.1.0"));
    QVERIFY(statusText(window).contains("Database: sqlite"));
    QVERIFY(gateway.status().configVersion >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 1, 5000);
    QCOMPARE(window.listModel().data(window.listModel().index(0, 0)).toString(), QString("orders"));
    window.showKind("routes");
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 1, 5000);
    QCOMPARE(window.listModel().data(window.listModel().index(0, 1)).toString(), QString("/orders"));
    QCOMPARE(window.findChild<QListWidget*>()->count(), MainWindow::entityKinds().size());

    // Delete from the list: gone from the gateway.
    window.showKind("services");
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 1, 5000);
    sluice_.admin().sendJson("POST", "/services", {{"name", "to-delete"}, {"url", "http://127.0.0.1:9/"}});
    window.listModel().reload();
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 2, 5000);
    int row = 0;
    while (window.listModel().data(window.listModel().index(row, 0)).toString() != "to-delete") ++row;
    window.listView().selectRow(row);
    QSignalSpy deleted(&window, &MainWindow::entityDeleted);
    window.deleteSelected(false);
    QVERIFY(deleted.wait(5000));
    QCOMPARE(sluice_.admin().get("/services/to-delete").status, 404);
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 1, 5000);
    // Relations: a service's routes; an upstream's targets with their live health.
    window.listView().selectRow(0);
    QCOMPARE(window.relatedKinds(), (QStringList{"routes", "plugins"}));
    QTRY_COMPARE_WITH_TIMEOUT(window.relatedModel().rowCount(), 1, 5000);
    QCOMPARE(window.relatedModel().data(window.relatedModel().index(0, 0)).toString(), QString("orders-api"));
    sluice_.admin().sendJson("POST", "/upstreams", {{"name", "pool"}});
    sluice_.admin().sendJson("POST", "/upstreams/pool/targets", {{"target", "127.0.0.1:9"}});
    window.showKind("upstreams");
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 1, 5000);
    window.listView().selectRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(window.relatedModel().rowCount(), 1, 5000);
    QCOMPARE(window.relatedModel().data(window.relatedModel().index(0, 0)).toString(), QString("127.0.0.1:9"));
    QTRY_COMPARE_WITH_TIMEOUT(window.relatedModel().data(window.relatedModel().index(0, 2)).toString(), QString("HEALTHCHECKS_OFF"), 5000);
    QVERIFY(sluice_.admin().request("POST", "/upstreams/pool/targets/127.0.0.1:9/unhealthy").status == 204);
    QTRY_COMPARE_WITH_TIMEOUT(window.relatedModel().data(window.relatedModel().index(0, 2)).toString(), QString("UNHEALTHY"), 8000);
    // A target added from the related list goes to the nested endpoint; the owner is not asked for.
    window.newRelated();
    QVERIFY(window.lastEditor());
    {
      QSignalSpy ready(window.lastEditor(), &EntityEditor::ready);
      QVERIFY(ready.wait(5000));
    }
    QVERIFY(!window.lastEditor()->form().editor("upstream"));
    auto* target = qobject_cast<QLineEdit*>(window.lastEditor()->form().editor("target"));
    QVERIFY(target);
    target->setText("127.0.0.1:19");
    window.lastEditor()->save();
    QTRY_COMPARE_WITH_TIMEOUT(window.relatedModel().rowCount(), 2, 5000);
    QCOMPARE(sluice_.admin().get("/upstreams/pool/targets/127.0.0.1:19").status, 200);
    int added = 0;
    while (window.relatedModel().data(window.relatedModel().index(added, 0)).toString() != "127.0.0.1:19") ++added;
    window.editRelated(added);
    {
      QVERIFY(window.lastEditor());
      QSignalSpy ready(window.lastEditor(), &EntityEditor::ready);
      QVERIFY(ready.wait(5000));
    }
    auto* weight = qobject_cast<QLineEdit*>(window.lastEditor()->form().editor("weight"));
    QVERIFY(weight);
    weight->setText("40");
    window.lastEditor()->save();
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.admin().get("/upstreams/pool/targets/127.0.0.1:19").json()["weight"].toInt(), 40, 5000);
    QSignalSpy removed(&window, &MainWindow::entityDeleted);
    window.deleteRelated(added, false);
    QVERIFY(removed.wait(5000));
    QCOMPARE(sluice_.admin().get("/upstreams/pool/targets/127.0.0.1:19").status, 404);
    QTRY_COMPARE_WITH_TIMEOUT(window.relatedModel().rowCount(), 1, 5000);
    QDir().mkpath(QDir::currentPath() + "/screenshots");
    QVERIFY(window.grab().save(QDir::currentPath() + "/screenshots/main_window_upstream_targets.png"));
    // A plugin opened from the list gets its own form.
    window.showKind("plugins");
    window.newEntity("cors");
    QVERIFY(window.lastEditor());
    QSignalSpy ready(window.lastEditor(), &EntityEditor::ready);
    QVERIFY(ready.wait(5000));
    QVERIFY(window.lastEditor()->form().editor("config.origins"));
    window.lastEditor()->close();
    window.showKind("routes");
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 1, 5000);
    int serviceColumn = -1;
    for (int c = 0; c < window.listModel().columnCount(); ++c)
      if (window.listModel().headerData(c, Qt::Horizontal).toString() == "service") serviceColumn = c;
    QVERIFY(serviceColumn >= 0);
    // The route's service by its name, not its id.
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().data(window.listModel().index(0, serviceColumn)).toString(), QString("orders"), 5000);

    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + "/main_window_routes.png"));

    // The credentials are the gateway's plugins' entities: learned when connecting, they join the
    // kinds, and a key lists its consumer by name.
    QTRY_VERIFY_WITH_TIMEOUT(MainWindow::entityKinds().contains("key-auths"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(window.findChild<QListWidget*>()->count(), MainWindow::entityKinds().size(), 2000);
    QCOMPARE(sluice_.admin().sendJson("POST", "/consumers", {{"username", "carol"}}).status, 201);
    QCOMPARE(sluice_.admin().sendJson("POST", "/consumers/carol/key-auth", {{"key", "carol-key"}}).status, 201);
    window.showKind("key-auths");
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 1, 5000);
    int consumerColumn = -1;
    for (int c = 0; c < window.listModel().columnCount(); ++c)
      if (window.listModel().headerData(c, Qt::Horizontal).toString() == "consumer") consumerColumn = c;
    QVERIFY(consumerColumn >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().data(window.listModel().index(0, consumerColumn)).toString(), QString("carol"), 5000);
    QVERIFY(window.grab().save(shots + "/main_window_key_auths.png"));
    window.showKind("consumers");
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel().rowCount(), 1, 5000);
    window.listView().selectRow(0);
    QCOMPARE(window.relatedKinds(), (QStringList{"plugins", "oauth2", "key-auth", "basic-auth", "jwt", "hmac-auth", "acls"}));

    // The gateway goes away: the status bar says so; it comes back: reconnected without a click.
    QVERIFY(sluice_.stop());
    QTRY_VERIFY_WITH_TIMEOUT(!gateway.status().reachable, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(statusText(window).contains("Unreachable"), 2000);
    QVERIFY(sluice_.start());
    settings.baseUrl = QUrl(QString("http://127.0.0.1:%1").arg(sluice_.adminPort()));
    if (settings.baseUrl != gateway.url()) gateway.open(settings, 300);  // a new port after the restart
    QTRY_VERIFY_WITH_TIMEOUT(gateway.status().reachable, 5000);
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
