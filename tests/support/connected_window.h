#pragma once
// The manager's main window connected to a test gateway and shown (GUI tests and the manager
// benchmark; whoever includes this links sluice_manager_core).
#include "api/gateway_connection.h"
#include "sluice_process.h"
#include "views/main_window.h"

namespace sluice::test {

struct ConnectedWindow {
  explicit ConnectedWindow(const SluiceProcess& sluice, QSize size = {1400, 900}) : window(gateway) {
    manager::TransportSettings settings;
    settings.baseUrl = QUrl(QString("http://127.0.0.1:%1").arg(sluice.adminPort()));
    gateway.open(settings);
    window.resize(size);
    window.show();
  }
  manager::GatewayConnection gateway;
  manager::MainWindow window;
};

}  // namespace sluice::test
