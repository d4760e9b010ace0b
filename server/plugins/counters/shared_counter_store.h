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
  struct Increment {
    std::string key;
    uint64_t count;
    uint32_t expiresAt;  // unix seconds
  };
  virtual ~SharedCounterStore() = default;
  // Adds each increment and returns the new totals (same order); then the totals of `reads`
  // (0 for an unknown key).
  virtual void exchange(const std::vector<Increment>& increments, std::vector<uint64_t>& totals,
                        const std::vector<std::string>& reads, std::vector<uint64_t>& readTotals) = 0;
  virtual std::string describe() const = 0;  // for log lines
};

// Provided by the node (the snapshot builder, which owns the database connection) to the
// `cluster` policy: plugins do not know the store.
class SharedCounterStoreFactory {
 public:
  virtual ~SharedCounterStoreFactory() = default;
  virtual std::unique_ptr<SharedCounterStore> make() = 0;
};

}  // namespace sluice::plugins
