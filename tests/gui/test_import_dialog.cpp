// Importing a kong.yml from the manager against a real sluice: the preview lists what would be
// created, changed and deleted (with "replace"), Apply makes it so, and export reads it back.
#include "api/gateway_connection.h"
#include "sluice_process.h"
#include "views/import_dialog.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

using namespace sluice::manager;
using sluice::test::SluiceProcess;

namespace {

int childrenOf(QTreeWidget* tree, const QString& group) {
  for (int i = 0; i < tree->topLevelItemCount(); ++i)
    if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == group) return tree->topLevelItem(i)->childCount();
  return -1;
}

}  // namespace

class TestImportDialog : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  GatewayConnection gateway_;

 private slots:
  void initTestCase() {
    QVERIFY(sluice_.start());
    sluice_.admin().sendJson("POST", "/services", {{"name", "billing"}, {"url", "http://b.internal:9000"}});
    sluice_.admin().sendJson("POST", "/services", {{"name", "old"}, {"url", "http://o.internal"}});
    TransportSettings settings;
    settings.baseUrl = QUrl(QString("http://127.0.0.1:%1").arg(sluice_.adminPort()));
    gateway_.open(settings);
  }

  void previewsThenApplies() {
    const QString file = "_format_version: \"3.0\"\nservices:\n- name: billing\n  url: http://b.internal:9100\n- name: fresh\n  url: http://f.internal\n";
    ImportDialog dialog(*gateway_.transport(), file);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    QVERIFY(ready.wait(5000));
    QCOMPARE(childrenOf(dialog.changes(), "create"), 1);
    QCOMPARE(childrenOf(dialog.changes(), "update"), 1);
    QCOMPARE(childrenOf(dialog.changes(), "delete"), 0);
    dialog.replaceBox()->setChecked(true);  // asks again
    QVERIFY(ready.wait(5000));
    QCOMPARE(childrenOf(dialog.changes(), "delete"), 1);
    QCOMPARE(sluice_.admin().get("/services/old").status, 200);  // nothing changed yet
    QSignalSpy applied(&dialog, &ImportDialog::applied);
    dialog.apply();
    QVERIFY(applied.wait(5000));
    QCOMPARE(sluice_.admin().get("/services/old").status, 404);
    QCOMPARE(sluice_.admin().get("/services/billing").json()["port"].toInt(), 9100);
    QCOMPARE(sluice_.admin().get("/services/fresh").status, 200);
    // Export reads the gateway's configuration back.
    QString exported, error;
    bool done = false;
    fetchConfiguration(*gateway_.transport(), [&](const QString& yaml, const QString& e) {
      exported = yaml;
      error = e;
      done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(exported.contains("name: fresh") && exported.contains("name: billing") && !exported.contains("name: old"));
  }

  void aBrokenFileIsRefusedWithItsReason() {
    ImportDialog dialog(*gateway_.transport(), "_format_version: \"3.0\"\nservices:\n- name: nohost\n");
    QSignalSpy failed(&dialog, &ImportDialog::failed);
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().first().toString().contains("services"), qPrintable(failed.first().first().toString()));
  }
};

QTEST_MAIN(TestImportDialog)
#include "test_import_dialog.moc"
