#pragma once
// Where log lines go (the access log, file-log, http-log): a thread of its own drains a lock-free bounded queue and hands
// batches to a deliver function (append to a file, POST to an endpoint). Reactors only push;
// when the queue is full the line is dropped and counted. One sink per destination lives in the
// node state, so it outlives configuration snapshots.
#include "core/bounded_queue.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sluice::observe {

class LogSink {
 public:
  // `deliver` gets up to `batchSize` lines, oldest first, at most `flushMs` after the first of
  // them arrived; it runs on the sink's thread and may block (retries included).
  using Deliver = std::function<void(std::vector<std::string>& batch)>;
  LogSink(Deliver deliver, size_t capacity = 10000, size_t batchSize = 1, uint32_t flushMs = 200);
  ~LogSink();  // delivers what is queued, then stops

  void push(std::string line);  // any thread, never blocks
  uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
  uint64_t delivered() const { return delivered_.load(std::memory_order_relaxed); }

 private:
  void run();

  Deliver deliver_;
  core::BoundedQueue queue_;
  size_t batchSize_;
  uint32_t flushMs_;
  std::atomic<uint64_t> dropped_{0}, delivered_{0};
  std::atomic<bool> stopping_{false}, sleeping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace sluice::observe
