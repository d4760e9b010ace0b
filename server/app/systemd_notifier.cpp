#include "app/systemd_notifier.h"

#include "app/logging.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <ctime>

namespace sluice::app {

SystemdNotifier::SystemdNotifier() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0) period_ = std::chrono::microseconds(usec);
}

SystemdNotifier::~SystemdNotifier() { stopWatchdog(); }

void SystemdNotifier::send(const std::string& state) {
  if (const int r = sd_notify(0, state.c_str()); r < 0) log().warning("cannot notify systemd (" + state.substr(0, state.find('\n')) + ")");
}

void SystemdNotifier::ready(const std::string& status) { send("READY=1\nSTATUS=" + status); }

void SystemdNotifier::reloading() {
  // MONOTONIC_USEC lets systemd tell this reload from an earlier one (Type=notify-reload wants it).
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  const uint64_t usec = static_cast<uint64_t>(now.tv_sec) * 1000000 + static_cast<uint64_t>(now.tv_nsec) / 1000;
  send("RELOADING=1\nSTATUS=reloading the configuration\nMONOTONIC_USEC=" + std::to_string(usec));
}

void SystemdNotifier::stopping(const std::string& status) { send("STOPPING=1\nSTATUS=" + status); }

void SystemdNotifier::startWatchdog(std::function<bool(std::chrono::milliseconds)> alive) {
  if (period_.count() == 0 || heartbeat_.joinable()) return;
  const auto interval = std::chrono::duration_cast<std::chrono::milliseconds>(period_ / 2);
  const auto deadline = std::max(std::chrono::milliseconds(1), std::chrono::duration_cast<std::chrono::milliseconds>(period_ / 4));
  heartbeat_ = std::thread([this, alive = std::move(alive), interval, deadline] {
    std::unique_lock lock(mutex_);
    while (!stop_) {
      lock.unlock();
      if (alive(deadline)) send("WATCHDOG=1");
      else log().error("watchdog: a proxy worker did not answer within " + std::to_string(deadline.count()) + " ms; no heartbeat sent");
      lock.lock();
      wake_.wait_for(lock, interval, [this] { return stop_; });
    }
  });
}

void SystemdNotifier::stopWatchdog() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (heartbeat_.joinable()) heartbeat_.join();
}

}  // namespace sluice::app
