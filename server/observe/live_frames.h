#pragma once
// The last frames of the live stream (one a second; 900 = the manager's longest window of 15
// minutes), each serialized once and shared by every reader. Readers wait for the next frame
// without polling: GET /sluice/live streams them as Server-Sent Events, ?since= returns them.
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sluice::observe {

struct LiveFrame {
  uint64_t seq = 0;
  std::shared_ptr<const std::string> json;
};

class LiveFrames {
 public:
  explicit LiveFrames(size_t capacity = 900) : capacity_(capacity) {}

  void push(uint64_t seq, const nlohmann::json& frame);
  // The frames after `since` (oldest first), waiting up to `wait` for one when there is none yet.
  // Empty after close().
  std::vector<LiveFrame> after(uint64_t since, std::chrono::milliseconds wait = std::chrono::milliseconds(0));
  uint64_t lastSeq() const;
  // Wakes every reader for good (shutdown).
  void close();
  bool closed() const;

 private:
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<LiveFrame> frames_;
  bool closed_ = false;
};

}  // namespace sluice::observe
