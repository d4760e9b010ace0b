#include "app/connection_profile.h"

#include <QSettings>

namespace sluice::manager {

QList<ConnectionProfile> ConnectionProfiles::all() const {
  QList<ConnectionProfile> out;
  const int n = settings_.beginReadArray("profiles");
  for (int i = 0; i < n; ++i) {
    settings_.setArrayIndex(i);
    ConnectionProfile p;
    p.name = settings_.value("name").toString();
    p.url = settings_.value("url").toUrl();
    p.verifyTls = settings_.value("verifyTls", true).toBool();
    p.caFile = settings_.value("caFile").toString();
    if (!p.name.isEmpty()) out << p;
  }
  settings_.endArray();
  return out;
}

void ConnectionProfiles::save(const ConnectionProfile& profile) {
  QList<ConnectionProfile> list = all();
  bool replaced = false;
  for (auto& p : list)
    if (p.name == profile.name) {
      p = profile;
      replaced = true;
    }
  if (!replaced) list << profile;
  writeAll(list);
}

void ConnectionProfiles::remove(const QString& name) {
  QList<ConnectionProfile> list = all();
  list.removeIf([&](const ConnectionProfile& p) { return p.name == name; });
  writeAll(list);
}

void ConnectionProfiles::writeAll(const QList<ConnectionProfile>& list) {
  settings_.remove("profiles");
  settings_.beginWriteArray("profiles", static_cast<int>(list.size()));
  for (int i = 0; i < list.size(); ++i) {
    settings_.setArrayIndex(i);
    settings_.setValue("name", list[i].name);
    settings_.setValue("url", list[i].url);
    settings_.setValue("verifyTls", list[i].verifyTls);
    settings_.setValue("caFile", list[i].caFile);
  }
  settings_.endArray();
}

QString ConnectionProfiles::lastUsed() const { return settings_.value("lastProfile").toString(); }

void ConnectionProfiles::setLastUsed(const QString& name) { settings_.setValue("lastProfile", name); }

}  // namespace sluice::manager
