#include "observe/log_sink.h"

#include <chrono>

namespace sluice::observe {

LogSink::LogSink(Deliver deliver, size_t capacity, size_t batchSize, uint32_t flushMs)
    : deliver_(std::move(deliver)), queue_(capacity), batchSize_(batchSize ? batchSize : 1), flushMs_(flushMs) {
  thread_ = std::thread([this] { run(); });
}

LogSink::~LogSink() {
  stopping_ = true;
  wake_.notify_one();
  thread_.join();
}

void LogSink::push(std::string line) {
  if (!queue_.push(std::move(line))) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  // Only a sleeping writer needs a wake-up (and only then does a reactor touch the mutex).
  if (sleeping_.load(std::memory_order_acquire)) wake_.notify_one();
}

void LogSink::run() {
  std::vector<std::string> batch;
  std::string line;
  auto firstAt = std::chrono::steady_clock::now();
  for (;;) {
    while (batch.size() < batchSize_ && queue_.pop(line)) {
      if (batch.empty()) firstAt = std::chrono::steady_clock::now();
      batch.push_back(std::move(line));
    }
    const bool stopping = stopping_.load();
    const bool due = !batch.empty() && (batch.size() >= batchSize_ || stopping ||
                                        std::chrono::steady_clock::now() - firstAt >= std::chrono::milliseconds(flushMs_));
    if (due) {
      deliver_(batch);
      delivered_.fetch_add(batch.size(), std::memory_order_relaxed);
      batch.clear();
      continue;
    }
    if (stopping && batch.empty()) return;
    std::unique_lock lock(mutex_);
    sleeping_.store(true, std::memory_order_release);
    wake_.wait_for(lock, std::chrono::milliseconds(batch.empty() ? 100 : 10));
    sleeping_.store(false, std::memory_order_release);
  }
}

}  // namespace sluice::observe
