#pragma once
// A new sluice taking over from a running one on the same prefix (`sluice start --takeover`) with
// no connection refused or reset: the running process hands its proxy listening sockets over a
// Unix socket (<prefix>/takeover.sock, SCM_RIGHTS, as HAProxy's seamless reload does), so the
// listen queues stay where they are; the new process serves them together with the old one until
// it says it is ready, then the old one stops accepting, lets its exchanges finish and exits.
// If the new process fails before that, the old one goes on as if nothing happened.
//
// The exchange, one line each way:
//   old → new   "sluice-takeover 1 <pid> <n>\n" with the n listening sockets attached
//   new → old   "ready\n" once its listeners, Admin API and status listener serve
#include "core/result.h"

#include <sys/types.h>

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace sluice::app {

// The running process's side: waits on <prefix>/takeover.sock for a successor (same user only).
class TakeoverPoint {
 public:
  // `handedOver(pid)` runs on the point's own thread once a successor has said it is ready.
  TakeoverPoint(std::string path, std::vector<int> listenerFds, std::function<void(pid_t)> handedOver);
  ~TakeoverPoint();
  TakeoverPoint(const TakeoverPoint&) = delete;
  TakeoverPoint& operator=(const TakeoverPoint&) = delete;

  core::Status start();
  // Stops waiting; the socket file goes too unless a successor has put its own in its place.
  void stop();

 private:
  void serve();
  // One successor's connection; true once it said ready.
  bool handOver(int connection);

  std::string path_;
  std::vector<int> fds_;
  std::function<void(pid_t)> handedOver_;
  int listenFd_ = -1;
  int wakeFd_ = -1;  // an eventfd: stop() wakes the thread
  ino_t inode_ = 0;  // of the socket file this point made
  std::thread thread_;
};

// The new process's side.
class TakeoverClient {
 public:
  TakeoverClient() = default;
  ~TakeoverClient();
  TakeoverClient(TakeoverClient&& other) noexcept;
  TakeoverClient& operator=(TakeoverClient&&) = delete;

  // Connects to the running process's point and receives its listening sockets.
  static core::Result<TakeoverClient> connect(const std::string& path);
  pid_t predecessor() const { return predecessor_; }
  // The sockets received (close-on-exec); the caller owns them.
  std::vector<int> takeListeners() { return std::move(fds_); }
  // Tells the predecessor to stop accepting and drain.
  core::Status ready();

 private:
  int fd_ = -1;
  pid_t predecessor_ = 0;
  std::vector<int> fds_;
};

}  // namespace sluice::app
