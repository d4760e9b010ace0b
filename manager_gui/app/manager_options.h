#pragma once
// The manager's command line: --admin-url URL (or SLUICE_ADMIN_URL) opens it connected to that
// gateway; --admin-token TOKEN (or SLUICE_ADMIN_TOKEN) for a gateway with admin tokens; --help.
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace sluice::manager {

struct ManagerOptions {
  std::optional<QUrl> adminUrl;
  QString adminToken;
  bool insecureTls = false;
  QString language;  // --language: en, de, zh_CN
  QString error;  // set when the arguments are wrong
};

// `arguments` as QCoreApplication::arguments() gives them; `helpText` gets --help's text when asked
// (the caller prints it and exits).
ManagerOptions parseManagerOptions(const QStringList& arguments, QString* helpText);

}  // namespace sluice::manager
