#pragma once
// The proxy-cache memory strategy: one node-wide store, shared by every reactor, bounded in bytes
// with least-recently-used eviction. Sixteen shards, each with a short lock around a map lookup
// (never held during I/O); entries are immutable and shared, so a hit sends the body without a copy.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sluice::plugins {

struct CachedResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::shared_ptr<const std::string> body;
  int64_t storedAt = 0;  // unix seconds
  uint32_t ttl = 0;
  size_t bytes() const;
};

// An entry as Kong's proxy-cache API shows it (status, headers, body, body_len, timestamp, ttl).
nlohmann::json cachedResponseJson(const CachedResponse& entry);

class MemoryCache {
 public:
  explicit MemoryCache(size_t capacityBytes = 64u << 20) : shardCapacity_(capacityBytes / kShards) {}
  std::shared_ptr<const CachedResponse> find(const std::string& key, int64_t now);
  void store(const std::string& key, std::shared_ptr<const CachedResponse> entry);
  size_t bytes() const;
  // The Admin API's purges (Kong's /proxy-cache endpoints).
  bool erase(const std::string& key);
  void clear();
  size_t maxEntryBytes() const { return shardCapacity_ > 4096 ? shardCapacity_ - 4096 : 0; }  // an entry fits one shard

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    mutable std::mutex mutex;
    std::list<std::string> lru;  // most recent first
    struct Slot {
      std::shared_ptr<const CachedResponse> entry;
      std::list<std::string>::iterator position;
    };
    std::unordered_map<std::string, Slot> entries;
    size_t bytes = 0;
  };
  Shard& shardFor(const std::string& key) { return shards_[std::hash<std::string>{}(key) % kShards]; }

  size_t shardCapacity_;
  Shard shards_[kShards];
};

}  // namespace sluice::plugins
