#include "plugins/blocking_pool.h"

#include "plugins/node_state.h"

#include <Poco/Logger.h>

#include <exception>

namespace sluice::plugins {

BlockingPool::BlockingPool(size_t threads, size_t queueLimit) : queueLimit_(queueLimit) {
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { runThread(); });
}

BlockingPool::~BlockingPool() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    dropped.swap(queue_);
  }
  dropped.clear();  // (outside the lock: a task's captures may take time to go)
  ready_.notify_all();
  for (auto& t : threads_) t.join();
}

bool BlockingPool::submit(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= queueLimit_ || threads_.empty()) return false;
    queue_.push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
}

size_t BlockingPool::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void BlockingPool::runThread() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;  // (what is still queued is dropped with the pool: its requests are gone too)
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      task();
    } catch (const std::exception& e) {
      Poco::Logger::get("sluice.plugins").error("plugin work failed: %s", std::string(e.what()));
    } catch (...) {
      Poco::Logger::get("sluice.plugins").error("plugin work failed");
    }
  }
}

std::shared_ptr<BlockingPool> nodeBlockingPool(NodeState& node) {
  const PluginSettings settings = node.settings();  // (before get(): both take the node's lock)
  return node.get<BlockingPool>("blocking-pool", [&settings] {
    return std::make_shared<BlockingPool>(settings.pluginThreads, settings.pluginQueue);
  });
}

}  // namespace sluice::plugins
