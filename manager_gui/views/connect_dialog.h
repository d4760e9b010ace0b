#pragma once
// Gateway ▸ Connect: pick a saved profile or type a gateway (name, Admin API URL, admin token, TLS
// verification, a CA file); Connect opens it, and saves the profile — its token into the system
// keychain (secret_store.h), never into the settings file.
#include "api/qt_transport.h"
#include "app/connection_profile.h"
#include "app/secret_store.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace sluice::manager {

class ConnectDialog : public QDialog {
  Q_OBJECT

 public:
  ConnectDialog(ConnectionProfiles& profiles, SecretStore& secrets, QWidget* parent = nullptr);

  // What to connect to, once accepted.
  TransportSettings settings() const;
  ConnectionProfile profile() const;

  QLineEdit* nameEdit() const { return name_; }
  QLineEdit* urlEdit() const { return url_; }
  QLineEdit* tokenEdit() const { return token_; }

 public slots:
  void connectToGateway();  // validates, saves the profile and its token, accepts
  void loadProfile(const QString& name);
  void deleteProfile();

 private:
  void refreshProfiles();

  ConnectionProfiles& profiles_;
  SecretStore& secrets_;
  QComboBox* saved_;
  QLineEdit* name_;
  QLineEdit* url_;
  QLineEdit* token_;
  QCheckBox* verify_;
  QLineEdit* ca_;
  QLabel* note_;
};

}  // namespace sluice::manager
