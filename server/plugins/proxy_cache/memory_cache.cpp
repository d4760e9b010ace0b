#include "plugins/proxy_cache/memory_cache.h"

namespace sluice::plugins {

size_t CachedResponse::bytes() const {
  size_t n = sizeof(CachedResponse) + (body ? body->size() : 0);
  for (const auto& [name, value] : headers) n += name.size() + value.size() + 64;
  return n;
}

std::shared_ptr<const CachedResponse> MemoryCache::find(const std::string& key, int64_t now) {
  Shard& shard = shardFor(key);
  std::lock_guard lock(shard.mutex);
  const auto it = shard.entries.find(key);
  if (it == shard.entries.end()) return nullptr;
  const auto& entry = it->second.entry;
  if (now - entry->storedAt >= static_cast<int64_t>(entry->ttl)) {  // expired: gone
    shard.bytes -= entry->bytes();
    shard.lru.erase(it->second.position);
    shard.entries.erase(it);
    return nullptr;
  }
  shard.lru.splice(shard.lru.begin(), shard.lru, it->second.position);
  return entry;
}

void MemoryCache::store(const std::string& key, std::shared_ptr<const CachedResponse> entry) {
  const size_t size = entry->bytes();
  if (size > shardCapacity_) return;  // larger than its share of the cache: never kept
  Shard& shard = shardFor(key);
  std::lock_guard lock(shard.mutex);
  if (const auto it = shard.entries.find(key); it != shard.entries.end()) {
    shard.bytes -= it->second.entry->bytes();
    shard.lru.erase(it->second.position);
    shard.entries.erase(it);
  }
  while (shard.bytes + size > shardCapacity_ && !shard.lru.empty()) {  // evict the least recently used
    const auto victim = shard.entries.find(shard.lru.back());
    shard.bytes -= victim->second.entry->bytes();
    shard.entries.erase(victim);
    shard.lru.pop_back();
  }
  shard.lru.push_front(key);
  shard.entries.emplace(key, Shard::Slot{std::move(entry), shard.lru.begin()});
  shard.bytes += size;
}

size_t MemoryCache::bytes() const {
  size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.bytes;
  }
  return total;
}

bool MemoryCache::erase(const std::string& key) {
  Shard& shard = shardFor(key);
  std::lock_guard lock(shard.mutex);
  const auto it = shard.entries.find(key);
  if (it == shard.entries.end()) return false;
  shard.bytes -= it->second.entry->bytes();
  shard.lru.erase(it->second.position);
  shard.entries.erase(it);
  return true;
}

void MemoryCache::clear() {
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    shard.entries.clear();
    shard.lru.clear();
    shard.bytes = 0;
  }
}

nlohmann::json cachedResponseJson(const CachedResponse& entry) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : entry.headers) headers[name] = value;
  const std::string body = entry.body ? *entry.body : std::string();
  return {{"status", entry.status},   {"headers", headers},         {"body", body},
          {"body_len", body.size()},  {"timestamp", entry.storedAt}, {"ttl", entry.ttl},
          {"version", "1"}};
}

}  // namespace sluice::plugins
