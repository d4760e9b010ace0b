// sluice-manager: the desktop manager for Sluice gateways.
#include "api/gateway_connection.h"
#include "app/manager_options.h"
#include "views/main_window.h"

#include <QApplication>

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
