#pragma once
// The directory's answers (yes or no) per server, base, attribute, cache_ttl, username and password
// (their SHA-1, as Kong's cache key), for cache_ttl seconds; node-wide, across snapshots. Failures
// to reach the directory are not remembered. Bounded: when full, expired answers go, then all.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sluice::plugins {

class BindCache {
 public:
  explicit BindCache(size_t maxEntries = 65536) : maxEntries_(maxEntries) {}

  std::optional<bool> find(const std::string& key, uint64_t nowMs) const {
    std::lock_guard lock(mutex_);
    const auto it = answers_.find(key);
    if (it == answers_.end() || (it->second.expiresMs && it->second.expiresMs <= nowMs)) return std::nullopt;
    return it->second.accepted;
  }
  // `ttlMs` 0: kept until pushed out (Kong's ttl 0).
  void store(const std::string& key, bool accepted, uint64_t ttlMs, uint64_t nowMs) {
    std::lock_guard lock(mutex_);
    if (answers_.size() >= maxEntries_ && !answers_.count(key)) {
      std::erase_if(answers_, [nowMs](const auto& a) { return a.second.expiresMs && a.second.expiresMs <= nowMs; });
      if (answers_.size() >= maxEntries_) answers_.clear();
    }
    answers_[key] = Answer{accepted, ttlMs ? nowMs + ttlMs : 0};
  }

 private:
  struct Answer {
    bool accepted;
    uint64_t expiresMs;  // 0: never
  };
  const size_t maxEntries_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Answer> answers_;
};

}  // namespace sluice::plugins
