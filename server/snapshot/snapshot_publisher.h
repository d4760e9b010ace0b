#pragma once
// Where the current snapshot lives. Publishing swaps it under a mutex and bumps a version; a
// reactor compares the version once per loop iteration (a relaxed load) and takes the new snapshot
// only when it changed, so requests pay nothing for live configuration.
#include "snapshot/config_snapshot.h"

#include <atomic>
#include <mutex>

namespace sluice::snapshot {

class SnapshotPublisher {
 public:
  void publish(ConfigSnapshotConstSharedPtr snapshot);
  ConfigSnapshotConstSharedPtr current() const;
  uint64_t version() const { return version_.load(std::memory_order_acquire); }

 private:
  mutable std::mutex mutex_;
  ConfigSnapshotConstSharedPtr current_ = std::make_shared<ConfigSnapshot>();
  std::atomic<uint64_t> version_{0};
};

}  // namespace sluice::snapshot
