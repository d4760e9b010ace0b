#pragma once
// Saved gateways: name, Admin API URL and TLS policy, kept in the user's settings. Tokens are not
// here: they live in the system keychain (secret_store.h).
#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace sluice::manager {

struct ConnectionProfile {
  QString name;
  QUrl url{"http://127.0.0.1:8001"};
  bool verifyTls = true;
  QString caFile;
  bool operator==(const ConnectionProfile&) const = default;
};

class ConnectionProfiles {
 public:
  explicit ConnectionProfiles(QSettings& settings) : settings_(settings) {}
  QList<ConnectionProfile> all() const;
  void save(const ConnectionProfile& profile);  // by name: replaces one of the same name
  void remove(const QString& name);
  QString lastUsed() const;
  void setLastUsed(const QString& name);

 private:
  void writeAll(const QList<ConnectionProfile>& list);
  QSettings& settings_;
};

}  // namespace sluice::manager
