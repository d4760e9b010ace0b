#pragma once
// Connections to one database, lent one at a time: each Admin request (and each plugin
// transaction) runs on a connection of its own, so that writes on PostgreSQL are not serialised
// behind one connection. SQLite has a single writer: its pool has one connection. Connections are
// opened on first need, up to `size` (Kong's pg_max_concurrent_queries); a caller finding all of
// them lent waits up to `waitLimit` (pg_semaphore_timeout).
#include "store/database.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace sluice::store {

class DatabasePool {
 public:
  using Open = std::function<std::unique_ptr<Database>()>;

  // `first` is the connection already open (migrations were checked on it); `open` makes more.
  DatabasePool(std::unique_ptr<Database> first, Open open, size_t size, std::chrono::milliseconds waitLimit);

  class Lease {
   public:
    Lease(DatabasePool* pool, Database* db) : pool_(pool), db_(db) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), db_(other.db_) { other.db_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (db_) pool_->giveBack(db_);
    }
    Database& operator*() const { return *db_; }
    Database* operator->() const { return db_; }

   private:
    DatabasePool* pool_;
    Database* db_;
  };

  // A connection for the caller's exclusive use, or DatabaseUnavailable after waiting waitLimit.
  core::Result<Lease> acquire();
  // The first connection, outside the pool's accounting (migrations, tests, the change feed's settings).
  Database& primary() { return *primary_; }
  size_t size() const { return size_; }
  size_t opened() {
    std::lock_guard lock(mutex_);
    return all_.size();
  }

 private:
  void giveBack(Database* db);

  Database* primary_;
  Open open_;
  const size_t size_;
  const std::chrono::milliseconds waitLimit_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Database>> all_;
  std::vector<Database*> idle_;
};

}  // namespace sluice::store
