#include "snapshot/snapshot_publisher.h"

#include <utility>

namespace sluice::snapshot {

void SnapshotPublisher::publish(ConfigSnapshotConstSharedPtr snapshot) {
  ConfigSnapshotConstSharedPtr replaced;
  {
    std::lock_guard lock(mutex_);
    replaced = std::exchange(current_, std::move(snapshot));
    version_.fetch_add(1, std::memory_order_release);
  }
  {
    std::lock_guard lock(retiredMutex_);
    retired_.push_back(std::move(replaced));
  }
  releaseRetired();
}

void SnapshotPublisher::releaseRetired() {
  std::vector<ConfigSnapshotConstSharedPtr> unused;
  {
    std::lock_guard lock(retiredMutex_);
    // Held by the list alone: no reactor can take it again (current() gives the newest only).
    for (auto it = retired_.begin(); it != retired_.end();)
      if (it->use_count() == 1) {
        unused.push_back(std::move(*it));
        it = retired_.erase(it);
      } else {
        ++it;
      }
  }
}  // (freed here, outside the lock)

ConfigSnapshotConstSharedPtr SnapshotPublisher::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

}  // namespace sluice::snapshot
