// sluice-manager: the desktop manager for Sluice gateways.
#include "api/gateway_connection.h"
#include "app/language.h"
#include "app/manager_options.h"
#include "views/main_window.h"
#include "views/theme.h"

#include <QApplication>
#include <QSettings>
#include <QTranslator>

#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  // --help needs no display: answered before the GUI starts.
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      QCoreApplication core(argc, argv);
      QString help;
      sluice::manager::parseManagerOptions(QCoreApplication::arguments(), &help);
      std::fputs(qPrintable(help), stdout);
      return 0;
    }
  QApplication app(argc, argv);
  QApplication::setOrganizationName("Sluice");
  QApplication::setApplicationName("sluice-manager");
  QApplication::setApplicationVersion(SLUICE_MANAGER_VERSION);
  QString help;
  const auto options = sluice::manager::parseManagerOptions(QApplication::arguments(), &help);
  if (!help.isEmpty()) {
    std::fputs(qPrintable(help), stdout);
    return 0;
  }
  if (!options.error.isEmpty()) {
    std::fprintf(stderr, "sluice-manager: %s\n", qPrintable(options.error));
    return 2;
  }
  QTranslator translator;
  const QString language = sluice::manager::chooseLanguage(options.language);
  if (!options.language.isEmpty()) sluice::manager::saveLanguage(language);
  sluice::manager::installLanguage(app, translator, language);
  sluice::manager::applyTheme(QSettings().value("theme", "system").toString());
  sluice::manager::GatewayConnection gateway;
  sluice::manager::MainWindow window(gateway);
  sluice::manager::TransportSettings settings;
  settings.baseUrl = options.adminUrl.value_or(QUrl("http://127.0.0.1:8001"));
  settings.token = options.adminToken;
  settings.verifyTls = !options.insecureTls;
  gateway.open(settings);
  window.show();
  return QApplication::exec();
}
