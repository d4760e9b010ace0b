#pragma once
// Admin tokens, kept in the system keychain (QtKeychain: Secret Service, KWallet...), never in
// plain settings. Headless machines and CI have no keychain: then a token is kept in memory for
// this session only, and `persistent()` says so, for the UI to tell the user.
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace sluice::manager {

class SecretStore : public QObject {
  Q_OBJECT

 public:
  explicit SecretStore(QString service = QStringLiteral("sluice-manager"), QObject* parent = nullptr);

  // Asynchronous: `done` gets the token ("" when none).
  void read(const QString& profile, std::function<void(const QString& token)> done);
  void write(const QString& profile, const QString& token);
  void forget(const QString& profile);
  // False once the keychain failed: tokens then live only as long as this process.
  bool persistent() const { return persistent_; }

 signals:
  void persistenceChanged(bool persistent);

 private:
  void fellBack(const QString& why);

  QString service_;
  QHash<QString, QString> memory_;
  bool persistent_ = true;
};

}  // namespace sluice::manager
