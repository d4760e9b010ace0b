#pragma once
// A place several nodes count in together: Redis (the `redis` policy) or the configuration
// database (the `cluster` policy). Called from one background thread; throws when unreachable.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sluice::plugins {

class SharedCounterStore {
 public:
  // One key's exchange. With a limit, the store also grants this node a holding: how many requests
  // it may let through before it next reports them. Holdings are taken atomically from what is
  // free (the limit less the total and the other live nodes' holdings), so that the nodes of a
  // cluster together never let through more than the limit however far apart they decide.
  struct Item {
    std::string key;
    uint64_t added;      // requests let through since the last exchange; 0: only read
    uint64_t keep;       // requests let through since `added` was read: the holding covers them
    uint64_t want;       // the holding asked for (0 with no limit: a plain count)
    uint64_t limit;      // 0: none (response-ratelimiting counts usage after the fact)
    uint32_t expiresAt;  // unix seconds
  };
  // The store's answer for one key: its total, the holding granted, and the nodes adding to it now
  // (those that added within `activeMs`, and this one) — how many, and where this node stands
  // among their ids in sorted order (its fair share of what is left depends on both).
  struct Answer {
    uint64_t total = 0, held = 0;
    uint32_t nodes = 0, rank = 0;
  };
  virtual ~SharedCounterStore() = default;
  // Adds each item's count and answers each item (same order). A node's holding counts as taken
  // while it was seen within `activeMs`: a node that stopped leaves its holding behind then.
  virtual std::vector<Answer> exchange(const std::string& node, uint32_t activeMs, const std::vector<Item>& items) = 0;
  virtual std::string describe() const = 0;  // for log lines
};

// This node's answer from the ids of the other nodes adding to a key (unsorted; `node` is added).
SharedCounterStore::Answer answerFor(uint64_t total, uint64_t held, std::vector<std::string> nodes, const std::string& node);

// The holding a store grants: what the node asked for, as far as it is free, and never less than
// what it already let through. (The Redis script states the same rule in Lua.)
uint64_t holdingGranted(const SharedCounterStore::Item& item, uint64_t total, uint64_t othersHeld);

// A node's fair share of `left` among `nodes`: the remainder of an uneven split goes to the first
// ranks, so that the shares add up to `left` exactly.
uint64_t fairShare(uint64_t left, uint32_t nodes, uint32_t rank);

// Milliseconds since the epoch, the clock the stores note activity with.
uint64_t nowMilliseconds();

// Provided by the node (the snapshot builder, which owns the database connection) to the
// `cluster` policy: plugins do not know the store.
class SharedCounterStoreFactory {
 public:
  virtual ~SharedCounterStoreFactory() = default;
  virtual std::unique_ptr<SharedCounterStore> make() = 0;
};

}  // namespace sluice::plugins
