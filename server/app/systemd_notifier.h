#pragma once
// The daemon's side of systemd's notify protocol (a unit with Type=notify): READY once the
// listeners are bound and the first configuration serves, RELOADING then READY around a SIGHUP,
// STOPPING while draining, and the watchdog heartbeat (WatchdogSec=), sent only while the data
// plane answers. Started by anything else than systemd (no NOTIFY_SOCKET), every call does nothing.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace sluice::app {

class SystemdNotifier {
 public:
  SystemdNotifier();
  ~SystemdNotifier();  // stops the heartbeat
  SystemdNotifier(const SystemdNotifier&) = delete;
  SystemdNotifier& operator=(const SystemdNotifier&) = delete;

  void ready(const std::string& status);
  void reloading();
  void stopping(const std::string& status);

  // When the unit asks for a watchdog: every half of its period `alive(deadline)` is asked (the
  // deadline is a quarter of the period) and the heartbeat sent only when it answers true, so that
  // a stuck reactor gets the service restarted. Nothing when the unit has no WatchdogSec.
  void startWatchdog(std::function<bool(std::chrono::milliseconds)> alive);
  void stopWatchdog();

 private:
  void send(const std::string& state);

  std::chrono::microseconds period_{0};
  std::thread heartbeat_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
};

}  // namespace sluice::app
