#include "snapshot/snapshot_publisher.h"

namespace sluice::snapshot {

void SnapshotPublisher::publish(ConfigSnapshotConstSharedPtr snapshot) {
  std::lock_guard lock(mutex_);
  current_ = std::move(snapshot);
  version_.fetch_add(1, std::memory_order_release);
}

ConfigSnapshotConstSharedPtr SnapshotPublisher::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

}  // namespace sluice::snapshot
