// Forms generated from the gateway's schemas, against a real sluice: create a service, a route
// (its service typed by name) and a rate-limiting plugin through them, see them in the Admin API,
// edit, see the server's validation error under the right field, and duplicate.
#include "api/gateway_connection.h"
#include "model/registry.h"
#include "forms/entity_editor.h"
#include "sluice_process.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QtTest>

using namespace sluice::manager;
using sluice::test::SluiceProcess;

namespace {

void type(SchemaForm& form, const char* path, const QString& text) {
  auto* edit = qobject_cast<QLineEdit*>(form.editor(path));
  QVERIFY2(edit, path);
  edit->setText(text);
}

}  // namespace

class TestEntityEditor : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  GatewayConnection gateway_;

  bool ready(EntityEditor& editor) {
    QSignalSpy spy(&editor, &EntityEditor::ready);
    return spy.wait(5000);
  }

 private slots:
  void initTestCase() {
    QVERIFY(sluice_.start());
    TransportSettings settings;
    settings.baseUrl = QUrl(QString("http://127.0.0.1:%1").arg(sluice_.adminPort()));
    gateway_.open(settings);
    // The credentials are the gateway's plugins' entities: learned from it on connecting.
    QTRY_VERIFY_WITH_TIMEOUT(sluice::model::findByCollection("key-auths") != nullptr, 5000);
  }

  void createsAServiceFromItsSchema() {
    EntityEditor editor(*gateway_.transport(), "services");
    editor.startNew();
    QVERIFY(ready(editor));
    SchemaForm& form = editor.form();
    QVERIFY(!form.editor("id"));  // filled in by the server
    // Defaults from the schema are in place.
    QCOMPARE(qobject_cast<QComboBox*>(form.editor("protocol"))->currentText(), QString("http"));
    QCOMPARE(qobject_cast<QLineEdit*>(form.editor("retries"))->text(), QString("5"));
    type(form, "name", "billing");
    type(form, "host", "billing.internal");
    type(form, "port", "9000");
    type(form, "tags", "team-a, prod");
    QSignalSpy saved(&editor, &EntityEditor::saved);
    editor.save();
    QVERIFY(saved.wait(5000));
    const QJsonObject s = sluice_.admin().get("/services/billing").json();
    QCOMPARE(s["host"].toString(), QString("billing.internal"));
    QCOMPARE(s["port"].toInt(), 9000);
    QCOMPARE(s["retries"].toInt(), 5);
    QCOMPARE(s["tags"].toArray(), (QJsonArray{"team-a", "prod"}));
  }

  void createsARouteWithItsServiceByName() {
    EntityEditor editor(*gateway_.transport(), "routes");
    editor.startNew();
    QVERIFY(ready(editor));
    type(editor.form(), "name", "billing-api");
    type(editor.form(), "paths", "/billing, /invoices");
    type(editor.form(), "service", "billing");
    qobject_cast<QPlainTextEdit*>(editor.form().editor("headers"))->setPlainText("x-version: 1, 2");
    QSignalSpy saved(&editor, &EntityEditor::saved);
    editor.save();
    QVERIFY(saved.wait(5000));
    const QJsonObject r = sluice_.admin().get("/routes/billing-api").json();
    QCOMPARE(r["paths"].toArray(), (QJsonArray{"/billing", "/invoices"}));
    QCOMPARE(r["service"].toObject()["id"].toString(), sluice_.admin().get("/services/billing").json()["id"].toString());
    QCOMPARE(r["headers"].toObject()["x-version"].toArray(), (QJsonArray{"1", "2"}));
    // A service that does not exist is said so under the field.
    EntityEditor other(*gateway_.transport(), "routes");
    other.startNew();
    QVERIFY(ready(other));
    type(other.form(), "paths", "/x");
    type(other.form(), "service", "nonexistent");
    QSignalSpy failed(&other, &EntityEditor::failed);
    other.save();
    QVERIFY(failed.wait(5000));
    QVERIFY(other.form().errorText("service").contains("nonexistent"));
  }

  void serverErrorsLandUnderTheirField() {
    EntityEditor editor(*gateway_.transport(), "plugins");
    editor.setPluginName("rate-limiting");
    editor.startNew();
    QVERIFY(ready(editor));
    QVERIFY(editor.form().editor("config.minute"));  // a nested record's field
    type(editor.form(), "config.minute", "-5");
    QSignalSpy failed(&editor, &EntityEditor::failed);
    editor.save();
    QVERIFY(failed.wait(5000));
    QVERIFY2(!editor.form().errorText("config.minute").isEmpty(), qPrintable(editor.form().formError()));
    QVERIFY(editor.form().errorText("config.hour").isEmpty());
    const QString shots = QDir::currentPath() + "/screenshots";
    QDir().mkpath(shots);
    editor.show();
    QVERIFY(editor.grab().save(shots + "/plugin_form_error.png"));
    // Fixed, it saves; the plugin is there with its config.
    type(editor.form(), "config.minute", "50");
    type(editor.form(), "service", "billing");
    QSignalSpy saved(&editor, &EntityEditor::saved);
    editor.save();
    QVERIFY(saved.wait(5000));
    const QJsonArray plugins = sluice_.admin().get("/plugins").json()["data"].toArray();
    QCOMPARE(plugins.size(), 1);
    QCOMPARE(plugins.first().toObject()["config"].toObject()["minute"].toInt(), 50);
    QCOMPARE(plugins.first().toObject()["name"].toString(), QString("rate-limiting"));
  }

  void createsAConsumersCredential() {
    sluice_.admin().sendJson("POST", "/consumers", {{"username", "carol"}});
    EntityEditor editor(*gateway_.transport(), "key-auths");
    editor.startNew();
    QVERIFY(ready(editor));
    type(editor.form(), "key", "carol-key");
    type(editor.form(), "consumer", "carol");
    QSignalSpy saved(&editor, &EntityEditor::saved);
    editor.save();
    QVERIFY(saved.wait(5000));
    const QJsonArray keys = sluice_.admin().get("/consumers/carol/key-auth").json()["data"].toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().toObject()["key"].toString(), QString("carol-key"));
  }

  void editsAndDuplicates() {
    const auto billing = nlohmann::json::parse(sluice_.admin().get("/services/billing").body.toStdString());
    EntityEditor editor(*gateway_.transport(), "services");
    editor.startEdit(billing);
    QVERIFY(ready(editor));
    QCOMPARE(qobject_cast<QLineEdit*>(editor.form().editor("host"))->text(), QString("billing.internal"));
    type(editor.form(), "port", "9100");
    QSignalSpy saved(&editor, &EntityEditor::saved);
    editor.save();
    QVERIFY(saved.wait(5000));
    QCOMPARE(sluice_.admin().get("/services/billing").json()["port"].toInt(), 9100);
    // Duplicate: the same fields, a new name, a new entity.
    EntityEditor copy(*gateway_.transport(), "services");
    copy.startNew(nlohmann::json::parse(sluice_.admin().get("/services/billing").body.toStdString()));
    QVERIFY(ready(copy));
    type(copy.form(), "name", "billing-copy");
    QSignalSpy copied(&copy, &EntityEditor::saved);
    copy.save();
    QVERIFY(copied.wait(5000));
    QCOMPARE(sluice_.admin().get("/services/billing-copy").json()["port"].toInt(), 9100);
    QVERIFY(sluice_.admin().get("/services/billing-copy").json()["id"] != sluice_.admin().get("/services/billing").json()["id"]);
  }
};

QTEST_MAIN(TestEntityEditor)
#include "test_entity_editor.moc"
