#pragma once
// The schema-driven entity store over a Database: CRUD for every entity, Kong's integrity rules
// (foreign keys must exist, unique fields and cache keys, restrict/cascade on delete), tag-filtered
// keyset pagination, and a version counter bumped by every committed write. Entities reaching
// insert/upsert have passed schema validation.
#include "schema/entity_schema.h"
#include "store/database.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace sluice::store {

using schema::json;

struct ListQuery {
  size_t size = 100;
  std::string offset;  // opaque token from the previous page
  std::vector<std::string> tags;
  bool tagsAny = false;                           // a/b (OR) instead of a,b (AND)
  std::vector<std::pair<std::string, json>> equals;  // field -> value; a foreign field takes the id
};

struct Page {
  std::vector<json> data;
  std::optional<std::string> offset;  // set when more may follow
};

class Store {
 public:
  explicit Store(std::unique_ptr<Database> db);

  // The backend, for migrations and tests only: it is not thread-safe, and Store's methods
  // serialise access to it.
  Database& database() { return *db_; }
  // True if the database answers (for /status).
  bool ping();
  std::string_view kind() const { return db_->kind(); }

  core::Result<std::optional<json>> get(const schema::EntitySchema& schema, const std::string& id);
  // The entity whose `field` equals `value`, optionally within a parent (equals filters).
  core::Result<std::optional<json>> findBy(const schema::EntitySchema& schema, const std::string& field,
                                           const json& value, const std::vector<std::pair<std::string, json>>& within = {});
  core::Result<Page> list(const schema::EntitySchema& schema, const ListQuery& query);
  // Every row of an entity, paged through (the snapshot builder).
  core::Result<std::vector<nlohmann::json>> listAll(const schema::EntitySchema& schema);

  core::Result<json> insert(const schema::EntitySchema& schema, json entity);
  // Inserts, or replaces the entity with the same id.
  core::Result<json> upsert(const schema::EntitySchema& schema, json entity);
  core::Status remove(const schema::EntitySchema& schema, const std::string& id);
  // Runs `work` on the database in one transaction under the store's lock (committed when it
  // succeeds): for tables a plugin keeps beside the entities, such as rate-limiting's counters.
  core::Status transaction(const std::function<core::Status(Database&)>& work);

  // Deletes every entity (tests, DB-less reloads).
  core::Status truncateAll();
  // Writes many validated entities (parents first) in one transaction: all land or none does.
  // `replaceEverything` first deletes every entity (DB-less configuration replacement); otherwise
  // each entity is upserted by id (db_import). On failure, `failedIndex` names the entity at fault.
  core::Status applyAll(const std::vector<std::pair<const schema::EntitySchema*, json>>& entities,
                        bool replaceEverything, size_t* failedIndex = nullptr);

  // Bumped after each committed write; listeners run on the writing thread, outside the lock.
  uint64_t version() const { return version_.load(); }
  void onChange(std::function<void(uint64_t version)> listener);

 private:
  core::Result<json> write(const schema::EntitySchema& schema, json entity, bool allowReplace);
  // The body of write(), for a caller that holds the lock and runs the transaction.
  core::Result<json> writeLocked(const schema::EntitySchema& schema, json entity, bool allowReplace);
  core::Status checkReferences(const schema::EntitySchema& schema, const json& entity);
  core::Status checkUnique(const schema::EntitySchema& schema, const json& entity);
  core::Status checkRestrict(const schema::EntitySchema& schema, const std::string& id);
  // Kong's check of a plugin's `protocols` against its route's, or its service's routes'.
  core::Status checkPluginProtocols(const json& plugin);
  core::Status syncTransientChildren(const schema::EntitySchema& schema, const json& entity);
  core::Status attachTransientChildren(const schema::EntitySchema& schema, json& entity);
  core::Result<std::optional<json>> getLocked(const schema::EntitySchema& schema, const std::string& id);
  bool presentable(const schema::EntitySchema& schema, json& entity);
  void changed();

  std::unique_ptr<Database> db_;
  std::mutex mutex_;
  std::atomic<uint64_t> version_{0};
  std::mutex listenersMutex_;
  std::vector<std::function<void(uint64_t)>> listeners_;
};

}  // namespace sluice::store
