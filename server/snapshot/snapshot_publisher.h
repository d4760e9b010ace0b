#pragma once
// Where the current snapshot lives. Publishing swaps it under a mutex and bumps a version; a
// reactor compares the version once per loop iteration (a relaxed load) and takes the new snapshot
// only when it changed, so requests pay nothing for live configuration.
// A replaced snapshot is kept until nothing else holds it and then freed by the publishing thread
// (releaseRetired): freeing 10,000 routes takes milliseconds a reactor must not spend.
#include "snapshot/config_snapshot.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace sluice::snapshot {

class SnapshotPublisher {
 public:
  void publish(ConfigSnapshotConstSharedPtr snapshot);
  ConfigSnapshotConstSharedPtr current() const;
  uint64_t version() const { return version_.load(std::memory_order_acquire); }
  // Frees the replaced snapshots no reactor holds any more (publish() calls it; the builder also
  // calls it once a second).
  void releaseRetired();

 private:
  mutable std::mutex mutex_;
  ConfigSnapshotConstSharedPtr current_ = std::make_shared<ConfigSnapshot>();
  std::atomic<uint64_t> version_{0};
  std::mutex retiredMutex_;
  std::vector<ConfigSnapshotConstSharedPtr> retired_;
};

}  // namespace sluice::snapshot
