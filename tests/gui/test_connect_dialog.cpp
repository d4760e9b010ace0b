// Connection profiles: saved with their URL and TLS policy, the token kept out of the settings
// file (system keychain, or memory when there is none), the last one offered again, bad URLs refused.
#include "app/connection_profile.h"
#include "app/secret_store.h"
#include "views/connect_dialog.h"

#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace sluice::manager;

class TestConnectDialog : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // settings in a test location
    QCoreApplication::setOrganizationName("SluiceTest");
    QCoreApplication::setApplicationName("connect-dialog-test");
    QSettings().clear();
  }

  void savesProfilesAndKeepsTokensOutOfSettings() {
    QSettings settings;
    ConnectionProfiles profiles(settings);
    SecretStore secrets("sluice-manager-test");
    {
      ConnectDialog dialog(profiles, secrets);
      dialog.nameEdit()->setText("staging");
      dialog.urlEdit()->setText("https://gw.staging.test:8444");
      dialog.tokenEdit()->setText("s3cret-admin-token");
      dialog.connectToGateway();
      QCOMPARE(dialog.result(), int(QDialog::Accepted));
      QCOMPARE(dialog.settings().baseUrl.toString(), QString("https://gw.staging.test:8444"));
      QCOMPARE(dialog.settings().token, QString("s3cret-admin-token"));
    }
    settings.sync();
    QCOMPARE(profiles.all().size(), 1);
    QCOMPARE(profiles.all().first().name, QString("staging"));
    QCOMPARE(profiles.lastUsed(), QString("staging"));
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(!file.readAll().contains("s3cret-admin-token"), "the token must not be in the settings file");
    // The next dialog offers the last profile, token included (from the keychain or this session's memory).
    ConnectDialog again(profiles, secrets);
    QCOMPARE(again.urlEdit()->text(), QString("https://gw.staging.test:8444"));
    QTRY_COMPARE_WITH_TIMEOUT(again.tokenEdit()->text(), QString("s3cret-admin-token"), 5000);
    again.deleteProfile();
    QVERIFY(profiles.all().isEmpty());
  }

  void refusesUrlsThatAreNotHttp() {
    QSettings settings;
    ConnectionProfiles profiles(settings);
    SecretStore secrets("sluice-manager-test");
    ConnectDialog dialog(profiles, secrets);
    dialog.urlEdit()->setText("ftp://nope");
    dialog.connectToGateway();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(profiles.all().isEmpty());
  }
};

QTEST_MAIN(TestConnectDialog)
#include "test_connect_dialog.moc"
