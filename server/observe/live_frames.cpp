#include "observe/live_frames.h"

namespace sluice::observe {

void LiveFrames::push(uint64_t seq, const nlohmann::json& frame) {
  auto text = std::make_shared<const std::string>(frame.dump());
  {
    std::lock_guard lock(mutex_);
    frames_.push_back(LiveFrame{seq, std::move(text)});
    while (frames_.size() > capacity_) frames_.pop_front();
  }
  arrived_.notify_all();
}

std::vector<LiveFrame> LiveFrames::after(uint64_t since, std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  const auto ready = [&] { return closed_ || (!frames_.empty() && frames_.back().seq > since); };
  if (!ready() && wait.count() > 0) arrived_.wait_for(lock, wait, ready);
  std::vector<LiveFrame> out;
  if (closed_) return out;
  for (const LiveFrame& f : frames_)
    if (f.seq > since) out.push_back(f);
  return out;
}

uint64_t LiveFrames::lastSeq() const {
  std::lock_guard lock(mutex_);
  return frames_.empty() ? 0 : frames_.back().seq;
}

void LiveFrames::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  arrived_.notify_all();
}

bool LiveFrames::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace sluice::observe
