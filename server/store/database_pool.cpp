#include "store/database_pool.h"

namespace sluice::store {

DatabasePool::DatabasePool(std::unique_ptr<Database> first, Open open, size_t size, std::chrono::milliseconds waitLimit)
    : primary_(first.get()), open_(std::move(open)), size_(std::max<size_t>(1, size)), waitLimit_(waitLimit) {
  idle_.push_back(first.get());
  all_.push_back(std::move(first));
}

core::Result<DatabasePool::Lease> DatabasePool::acquire() {
  std::unique_lock lock(mutex_);
  if (idle_.empty() && all_.size() < size_ && open_) {
    // Opening does not connect (the first query does), so holding the lock here costs nothing.
    all_.push_back(open_());
    return Lease(this, all_.back().get());
  }
  if (!returned_.wait_for(lock, waitLimit_, [this] { return !idle_.empty(); }))
    return core::Error{core::ErrorCode::DatabaseUnavailable,
                       "no database connection became free within pg_semaphore_timeout", nullptr};
  Database* db = idle_.back();
  idle_.pop_back();
  return Lease(this, db);
}

void DatabasePool::giveBack(Database* db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(db);
  }
  returned_.notify_one();
}

}  // namespace sluice::store
