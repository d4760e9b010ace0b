#include "plugins/counters/synced_policy.h"

#include "core/uuid.h"

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

constexpr uint32_t kSplitWindow = 1;   // shares_ keeps one entry per key, whatever the window
constexpr uint32_t kSplitKept = 3600;  // seconds a split outlives its window (the next one starts with it)

}  // namespace

SyncedPolicy::SyncedPolicy(std::unique_ptr<SharedCounterStore> store, uint32_t intervalMs, size_t capacity)
    : store_(std::move(store)),
      node_(core::newUuid()),
      intervalMs_(intervalMs ? intervalMs : 1),
      pending_(capacity),
      global_(capacity),
      held_(capacity),
      shares_(capacity),
      touched_(65536) {
  thread_ = std::thread([this] { run(); });
}

SyncedPolicy::~SyncedPolicy() {
  stopping_ = true;
  wake_.notify_one();
  thread_.join();
}

void SyncedPolicy::increment(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t n, uint64_t limit) {
  if (pending_.add(key, window, expiresAt, n) != n) return;  // already known to the sync thread
  std::string event(sizeof(Touched), '\0');
  const Touched t{key, window, expiresAt, limit};
  std::memcpy(event.data(), &t, sizeof t);
  touched_.push(std::move(event));  // full: the key is picked up on its next first increment
}

std::pair<uint32_t, uint32_t> SyncedPolicy::split(uint64_t key) const {
  const uint64_t known = shares_.read(key, kSplitWindow);
  if (known == 0) return {nodesSeen_.load(std::memory_order_relaxed), 0};
  return {static_cast<uint32_t>(std::max<uint64_t>(known >> 16, 1)), static_cast<uint32_t>(known & 0xffff)};
}

uint64_t SyncedPolicy::usageFor(uint64_t key, uint32_t window, uint64_t limit) const {
  const uint64_t shared = global_.read(key, window), mine = pending_.read(key, window);
  const uint64_t used = shared + mine;
  if (used >= limit || !available()) return used;  // (the store away: counted here alone meanwhile)
  if (const uint64_t held = held_.read(key, window)) return mine < held - 1 ? used : limit;
  // No holding yet (the key's first interval in this window): a fair share of what is left among
  // the nodes last seen, so that nodes starting a window together stay within the limit too.
  const auto [nodes, rank] = split(key);
  return mine < fairShare(limit - shared, nodes, rank) ? used : limit;
}

void SyncedPolicy::run() {
  std::map<std::pair<uint64_t, uint32_t>, Counted> touched;
  std::string event;
  while (!stopping_.load()) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(intervalMs_));
    }
    while (touched_.pop(event)) {
      Touched t{};
      std::memcpy(&t, event.data(), sizeof t);
      auto& counted = touched[{t.key, t.window}];
      counted.expiresAt = t.expiresAt;
      counted.limit = std::max(counted.limit, t.limit);
    }
    if (!touched.empty()) sync(touched);
  }
}

// Every key this node counted in a window not yet over is exchanged each interval, with or without
// new requests: the node learns the others' requests, and its holding follows its traffic.
void SyncedPolicy::sync(std::map<std::pair<uint64_t, uint32_t>, Counted>& touched) {
  const auto now = static_cast<uint32_t>(std::time(nullptr));
  const uint64_t nowMs = nowMilliseconds();
  struct Sent {
    uint64_t key;
    uint32_t window, expiresAt;
    uint64_t reported;
  };
  std::vector<Sent> sent;
  std::vector<SharedCounterStore::Item> items;
  constexpr size_t kMaxPerInterval = 10000;
  for (auto it = touched.begin(); it != touched.end() && items.size() < kMaxPerInterval;) {
    if (it->second.expiresAt < now) {  // its window is over
      it = touched.erase(it);
      continue;
    }
    const auto [key, window] = it->first;
    Counted& counted = it->second;
    SharedCounterStore::Item item{sharedKey(key, window), pending_.read(key, window), 0, 0, counted.limit, counted.expiresAt};
    if (item.added > 0) counted.lastAddedMs = nowMs;
    if (item.limit > 0) {
      const uint64_t total = global_.read(key, window) + item.added;
      const auto [nodes, rank] = split(key);
      const uint64_t fair = fairShare(item.limit > total ? item.limit - total : 0, nodes, rank);
      item.want = nowMs - counted.lastAddedMs < activeMs() ? fair : (fair + 3) / 4;
      // Giving part of a holding back: stop using it first, or it could be spent twice.
      if (const uint64_t held = held_.read(key, window); held > 0 && item.added + item.want < held - 1)
        held_.set(key, window, counted.expiresAt, item.added + item.want + 1);
      const uint64_t pendingNow = pending_.read(key, window);
      item.keep = pendingNow > item.added ? pendingNow - item.added : 0;  // let through meanwhile: covered by the holding
    }
    sent.push_back({key, window, counted.expiresAt, item.added});
    items.push_back(std::move(item));
    ++it;
  }
  if (items.empty()) return;
  try {
    const std::vector<SharedCounterStore::Answer> answers = store_->exchange(node_, activeMs(), items);
    uint32_t mostNodes = 1;
    for (size_t i = 0; i < sent.size() && i < answers.size(); ++i) {
      const Sent& s = sent[i];
      const auto& answer = answers[i];
      mostNodes = std::max(mostNodes, answer.nodes);
      shares_.set(s.key, kSplitWindow, s.expiresAt + kSplitKept,
                  uint64_t{std::min<uint32_t>(answer.nodes, 0xffff)} << 16 | std::min<uint32_t>(answer.rank, 0xffff));
      // Each table moves so that for a moment the node may let through fewer, never more: the
      // holding (counted from after the report) and the total before the reported part goes.
      if (items[i].limit > 0) held_.set(s.key, s.window, s.expiresAt, answer.held + 1);
      if (answer.total > 0) global_.set(s.key, s.window, s.expiresAt, answer.total);
      if (s.reported > 0) pending_.subtract(s.key, s.window, s.reported);
    }
    nodesSeen_.store(mostNodes, std::memory_order_relaxed);
    if (!healthy_.exchange(true)) Poco::Logger::get("sluice.plugins").notice("rate-limiting: %s is back", store_->describe());
  } catch (const std::exception& e) {
    if (healthy_.exchange(false))
      Poco::Logger::get("sluice.plugins").error("rate-limiting: %s unreachable (%s); counting on this node meanwhile",
                                                store_->describe(), std::string(e.what()));
  }
}

}  // namespace sluice::plugins
