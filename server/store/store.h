#pragma once
// The schema-driven entity store over a Database: CRUD for every entity, Kong's integrity rules
// (foreign keys must exist, unique fields and cache keys, restrict/cascade on delete), tag-filtered
// keyset pagination, and a version counter bumped by every committed write. Entities reaching
// insert/upsert have passed schema validation.
#include "schema/entity_schema.h"
#include "store/change_log.h"
#include "store/database.h"
#include "store/database_pool.h"

#include <atomic>
#include <functional>
#include <map>
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

// An entity a committed write touched (its id; it may since have been deleted).
struct EntityRef {
  const schema::EntitySchema* schema = nullptr;
  std::string id;
};

// What one committed write changed: the entities it wrote or deleted (cascades are left to the
// reader: they follow from the schemas), or everything (a configuration replaced or truncated).
struct ChangeSet {
  uint64_t version = 0;
  bool everything = false;
  std::vector<EntityRef> touched;
};

struct Page {
  std::vector<json> data;
  std::optional<std::string> offset;  // set when more may follow
};

class Store {
 public:
  // One connection: every call waits for the one before (SQLite, tests).
  explicit Store(std::unique_ptr<Database> db);
  // Up to `connections` connections (`open` makes the ones after `first`): calls run side by side,
  // each in its own transaction; one that finds them all busy waits up to `waitLimit`.
  Store(std::unique_ptr<Database> first, DatabasePool::Open open, size_t connections, std::chrono::milliseconds waitLimit);

  // The first connection, for migrations and tests only: it is not thread-safe, and may be lent
  // to a Store call at the same time.
  Database& database() { return pool_.primary(); }
  size_t connections() const { return pool_.size(); }
  size_t connectionsOpened() { return pool_.opened(); }
  // True if the database answers (for /status).
  bool ping();
  std::string_view kind() { return pool_.primary().kind(); }

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

  // For a read-only server (pg_ro_host) to catch up: where this server's write-ahead log stands
  // (empty on SQLite), and whether this server has replayed up to such a position (true on SQLite
  // and on a server that is not a standby).
  core::Result<std::string> walPosition();
  core::Result<bool> replayedTo(const std::string& position);

  // Deletes every entity (tests, DB-less reloads).
  core::Status truncateAll();
  // Writes many validated entities (parents first) in one transaction: all land or none does.
  // `replaceEverything` first deletes every entity (DB-less configuration replacement); otherwise
  // each entity is upserted by id (db_import). On failure, `failedIndex` names the entity at fault.
  core::Status applyAll(const std::vector<std::pair<const schema::EntitySchema*, json>>& entities,
                        bool replaceEverything, size_t* failedIndex = nullptr);

  // The change history (store/change_log.h): each write that changes something is recorded in its
  // own transaction as the next configuration version, by the thread's ChangeOriginScope; the last
  // `kept` versions are kept (0 records nothing). Needs the 007 migration.
  void setHistoryKept(size_t kept) { historyKept_ = kept; }
  size_t historyKept() const { return historyKept_; }
  core::Result<std::vector<ChangeRecord>> changes(const ChangeQuery& query);
  core::Result<std::optional<ChangeRecord>> change(int64_t id);
  core::Result<VersionRange> versions();

  // What a revert or a restore did (or would do, when not applied: the transaction is rolled back).
  struct Replay {
    int64_t version = 0;  // the version it made; 0 when previewed or when nothing changed
    std::vector<EntityChange> changes;
  };
  // Undoes one recorded change (a deletion with what was deleted with it) where its entities are
  // still as it left them; a Conflict error names the later change otherwise.
  core::Result<Replay> revert(int64_t changeId, bool apply);
  // Returns the whole configuration to what it was at `version`, in one transaction, by replaying
  // the kept history backwards from the current state.
  core::Result<Replay> restore(int64_t version, bool apply);

  // Bumped after each committed write; listeners run on the writing thread, outside the lock, and
  // may be called out of order by concurrent writers (read the touched entities again, do not
  // assume their state).
  uint64_t version() const { return version_.load(); }
  void onChange(std::function<void(const ChangeSet&)> listener);

 private:
  core::Result<json> write(const schema::EntitySchema& schema, json entity, bool allowReplace);
  // The body of write(), for a caller that holds the lock and runs the transaction.
  // What one transaction wrote: for the listeners and, when the history is kept, for the record.
  struct WriteLog {
    std::vector<EntityRef> touched;
    std::vector<EntityChange> changes;
    bool recording = false;
  };
  using ConfigState = std::map<const schema::EntitySchema*, std::map<std::string, json>>;
  core::Result<json> writeLocked(Database& db, const schema::EntitySchema& schema, json entity, bool allowReplace,
                                 WriteLog* log, const std::string& cascadedFrom = {});
  core::Status removeLocked(Database& db, const schema::EntitySchema& schema, const std::string& id, WriteLog* log);
  // The entities a deletion of (schema, id) takes with it (ON DELETE CASCADE), deepest first.
  core::Status collectCascade(Database& db, const schema::EntitySchema& schema, const std::string& id,
                              const std::string& root, std::vector<EntityChange>& out);
  core::Result<std::vector<json>> allLocked(Database& db, const schema::EntitySchema& schema);
  core::Result<ConfigState> stateLocked(Database& db);
  // The changes from one state to another: deletions (children first), then the rest (parents first).
  static std::vector<EntityChange> diff(const ConfigState& before, const ConfigState& after);
  bool recording(Database& db);
  // Records the log's changes as the transaction's version (inside the transaction).
  core::Result<int64_t> record(Database& db, const WriteLog& log, const ChangeOrigin& origin);
  // Runs a revert or restore body, and rolls it back when it is only a preview.
  // `everything`: the listeners are told the whole configuration changed.
  core::Result<Replay> replay(bool apply, bool everything, const std::function<core::Result<Replay>(Database&, WriteLog&)>& body);
  core::Status checkReferences(Database& db, const schema::EntitySchema& schema, const json& entity);
  core::Status checkUnique(Database& db, const schema::EntitySchema& schema, const json& entity);
  core::Status checkRestrict(Database& db, const schema::EntitySchema& schema, const std::string& id);
  // Kong's check of a plugin's `protocols` against its route's, or its service's routes'.
  core::Status checkPluginProtocols(Database& db, const json& plugin);
  core::Status syncTransientChildren(Database& db, const schema::EntitySchema& schema, const json& entity, WriteLog* log);
  core::Status attachTransientChildren(Database& db, const schema::EntitySchema& schema, json& entity);
  core::Result<std::optional<json>> getLocked(Database& db, const schema::EntitySchema& schema, const std::string& id);
  bool presentable(Database& db, const schema::EntitySchema& schema, json& entity);
  // Publishes what a committed transaction touched to the listeners.
  void changed(std::vector<EntityRef> touched, bool everything = false);

  DatabasePool pool_;
  std::atomic<uint64_t> version_{0};
  std::atomic<size_t> historyKept_{1000};
  std::atomic<int> historyTable_{-1};  // whether sluice_changes exists: -1 not asked yet
  std::mutex listenersMutex_;
  std::vector<std::function<void(const ChangeSet&)>> listeners_;
};

}  // namespace sluice::store
