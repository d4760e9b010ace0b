#include "app/manager_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

namespace sluice::manager {

ManagerOptions parseManagerOptions(const QStringList& arguments, QString* helpText) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("main", "Sluice Manager: configure Sluice gateways, watch their traffic and load-test their routes."));
  const QCommandLineOption help({"h", "help"}, QCoreApplication::translate("main", "Show this help."));
  const QCommandLineOption url("admin-url", QCoreApplication::translate("main", "Open connected to the gateway whose Admin API is at <url> (or SLUICE_ADMIN_URL)."),
                               "url");
  const QCommandLineOption token("admin-token", QCoreApplication::translate("main", "The admin token for that gateway (or SLUICE_ADMIN_TOKEN)."),
                                 "token");
  const QCommandLineOption insecure("insecure", QCoreApplication::translate("main", "Do not verify the gateway's TLS certificate."));
  parser.addOption(help);
  parser.addOption(url);
  parser.addOption(token);
  const QCommandLineOption language("language", QCoreApplication::translate("main", "The interface language: en, de or zh_CN (remembered)."), "code");
  parser.addOption(insecure);
  parser.addOption(language);
  ManagerOptions o;
  if (!parser.parse(arguments)) {
    o.error = parser.errorText();
    return o;
  }
  if (parser.isSet(help)) {
    if (helpText) *helpText = parser.helpText();
    return o;
  }
  const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  const QString urlText = parser.isSet(url) ? parser.value(url) : env.value("SLUICE_ADMIN_URL");
  if (!urlText.isEmpty()) {
    const QUrl u = QUrl::fromUserInput(urlText);
    if (!u.isValid() || (u.scheme() != "http" && u.scheme() != "https"))
      o.error = QCoreApplication::translate("main", "not an http(s) URL: %1").arg(urlText);
    else
      o.adminUrl = u;
  }
  o.adminToken = parser.isSet(token) ? parser.value(token) : env.value("SLUICE_ADMIN_TOKEN");
  o.insecureTls = parser.isSet(insecure);
  o.language = parser.value(language);
  return o;
}

}  // namespace sluice::manager
