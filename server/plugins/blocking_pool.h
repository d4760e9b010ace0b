#pragma once
// Threads for plugin work that would block a reactor (ldap-auth's binds to a directory server): a
// plugin suspends its request (plugins::Suspension), queues the work here and wakes the request
// when it is done. One pool per node, sized by sluice.conf `plugin_threads`; the queue is bounded
// by `plugin_queue`, past which work is refused (the plugin answers at once) rather than left to pile up.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sluice::plugins {

class BlockingPool {
 public:
  BlockingPool(size_t threads, size_t queueLimit);
  ~BlockingPool();  // lets running work finish, drops what is queued, joins
  // (a task must not own the pool: its last owner would be one of the pool's threads)
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  // False when the queue is full: the task was not taken.
  bool submit(std::function<void()> task);
  size_t queued() const;

 private:
  void runThread();

  const size_t queueLimit_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// The node's pool (NodeState key "blocking-pool"), made on first use from the node's settings.
class NodeState;
std::shared_ptr<BlockingPool> nodeBlockingPool(NodeState& node);

}  // namespace sluice::plugins
