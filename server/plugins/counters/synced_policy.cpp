#include "plugins/counters/synced_policy.h"

#include <Poco/Logger.h>

#include <chrono>
#include <cstring>
#include <ctime>

namespace sluice::plugins {
namespace {

std::string sharedKey(uint64_t key, uint32_t window) {
  char text[64];
  std::snprintf(text, sizeof text, "sluice:ratelimit:%016llx:%u", static_cast<unsigned long long>(key), window);
  return text;
}

}  // namespace

SyncedPolicy::SyncedPolicy(std::unique_ptr<SharedCounterStore> store, uint32_t intervalMs, size_t capacity)
    : store_(std::move(store)), intervalMs_(intervalMs ? intervalMs : 1), pending_(capacity), global_(capacity), touched_(65536) {
  thread_ = std::thread([this] { run(); });
}

SyncedPolicy::~SyncedPolicy() {
  stopping_ = true;
  wake_.notify_one();
  thread_.join();
}

void SyncedPolicy::increment(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t n) {
  if (pending_.add(key, window, expiresAt, n) != n) return;  // already known to the sync thread
  std::string event(sizeof(Touched), '\0');
  const Touched t{key, window, expiresAt};
  std::memcpy(event.data(), &t, sizeof t);
  touched_.push(std::move(event));  // full: the key is picked up on its next first increment
}

void SyncedPolicy::run() {
  std::map<std::pair<uint64_t, uint32_t>, uint32_t> touched;  // (key, window) -> expiresAt
  std::string event;
  while (!stopping_.load()) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(intervalMs_));
    }
    while (touched_.pop(event)) {
      Touched t{};
      std::memcpy(&t, event.data(), sizeof t);
      touched[{t.key, t.window}] = t.expiresAt;
    }
    if (!touched.empty()) sync(touched);
  }
}

// `touched`: every key this node counted in a window not yet over. Keys with pending increments
// are pushed; the others are read back, so that each node learns the other nodes' requests
// within one interval even for keys it has stopped counting (at the limit).
void SyncedPolicy::sync(std::map<std::pair<uint64_t, uint32_t>, uint32_t>& touched) {
  const auto now = static_cast<uint32_t>(std::time(nullptr));
  struct Item {
    uint64_t key;
    uint32_t window, expiresAt;
    uint64_t count;  // pending increments; 0: a read
  };
  std::vector<Item> pushed, read;
  std::vector<SharedCounterStore::Increment> increments;
  std::vector<std::string> reads;
  constexpr size_t kMaxPerInterval = 10000;
  for (auto it = touched.begin(); it != touched.end() && pushed.size() + read.size() < kMaxPerInterval;) {
    if (it->second < now) {  // its window is over
      it = touched.erase(it);
      continue;
    }
    const Item item{it->first.first, it->first.second, it->second, pending_.read(it->first.first, it->first.second)};
    if (item.count > 0) {
      pushed.push_back(item);
      increments.push_back({sharedKey(item.key, item.window), item.count, item.expiresAt});
    } else {
      read.push_back(item);
      reads.push_back(sharedKey(item.key, item.window));
    }
    ++it;
  }
  if (pushed.empty() && read.empty()) return;
  try {
    std::vector<uint64_t> totals, readTotals;
    store_->exchange(increments, totals, reads, readTotals);
    for (size_t i = 0; i < pushed.size() && i < totals.size(); ++i) {
      // The total first: for a moment the count may be high, never low.
      global_.set(pushed[i].key, pushed[i].window, pushed[i].expiresAt, totals[i]);
      pending_.subtract(pushed[i].key, pushed[i].window, pushed[i].count);
    }
    for (size_t i = 0; i < read.size() && i < readTotals.size(); ++i)
      if (readTotals[i] > 0) global_.set(read[i].key, read[i].window, read[i].expiresAt, readTotals[i]);
    if (!healthy_.exchange(true)) Poco::Logger::get("sluice.plugins").notice("rate-limiting: %s is back", store_->describe());
  } catch (const std::exception& e) {
    if (healthy_.exchange(false))
      Poco::Logger::get("sluice.plugins").error("rate-limiting: %s unreachable (%s); counting on this node meanwhile",
                                                store_->describe(), std::string(e.what()));
  }
}

}  // namespace sluice::plugins
