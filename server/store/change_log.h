#pragma once
// The configuration's change history (table sluice_changes): each committed write that changed
// something becomes the next configuration version, with one row per entity it created, updated
// or deleted (the entity before and after, who wrote it, from where). What GET /sluice/changes
// reads, and what revert and restore replay backwards. Every call runs on a connection the caller
// holds, inside the write's own transaction, so a change and its record land together or not at all.
#include "schema/entity_schema.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <vector>

namespace sluice::store {

using schema::json;

// Who makes the writes on this thread. The Admin API sets it for each request it serves, so that
// the store can name the author without every call passing it down.
struct ChangeOrigin {
  std::string author;  // the Admin token's name; empty when the Admin API asks for none
  std::string method;  // "POST", "PATCH", ...
  std::string path;    // "/services/a"
  std::string source = "node";  // "admin", "declarative_config", "cluster", "revert", "restore", ...
};

class ChangeOriginScope {
 public:
  explicit ChangeOriginScope(ChangeOrigin origin);
  ~ChangeOriginScope();
  ChangeOriginScope(const ChangeOriginScope&) = delete;
  ChangeOriginScope& operator=(const ChangeOriginScope&) = delete;
  static const ChangeOrigin& current();

 private:
  ChangeOrigin previous_;
};

// One entity's change within a write, in the order the write made them.
struct EntityChange {
  const schema::EntitySchema* schema = nullptr;
  std::string id;
  json before;  // null: it did not exist
  json after;   // null: it no longer exists
  // The id of the entity whose write made this one (a plugin deleted with its route, a
  // certificate's SNI synced from its `snis`); empty for a change asked for directly.
  std::string cascadedFrom;
};

// "create", "update" or "delete": what took an entity from `before` to `after` (null: absent).
inline const char* operationOf(const json& before, const json& after) {
  return before.is_null() ? "create" : after.is_null() ? "delete" : "update";
}

struct ChangeRecord {
  int64_t id = 0;
  int64_t version = 0;
  double at = 0;  // seconds since the epoch
  ChangeOrigin origin;
  std::string entity, entityId, cascadedFrom;
  json before, after;
  std::string operation() const { return operationOf(before, after); }
};

struct ChangeQuery {
  size_t size = 100;
  std::optional<int64_t> olderThan;  // the page cursor: changes with a smaller id
  std::string entity, entityId;
  std::optional<double> since, until;
  std::optional<int64_t> version;
};

struct VersionRange {
  int64_t oldest = 0, newest = 0;  // both 0 when no change is kept
};

namespace change_log {

// True when the two states are the same entity state (timestamps aside: a write that changes
// nothing else is not a change, nor an entity a declarative load recreates as it was).
bool sameState(const json& a, const json& b);
// Records one write's changes (those that change something) as the next configuration version and
// forgets the versions older than the last `kept`. Answers the version, 0 when nothing changed.
core::Result<int64_t> record(Database& db, const std::vector<EntityChange>& changes, const ChangeOrigin& origin, size_t kept);
core::Result<std::vector<ChangeRecord>> list(Database& db, const ChangeQuery& query);
core::Result<std::optional<ChangeRecord>> find(Database& db, int64_t id);
// The changes the same version made to entities because of `change`'s entity (cascadedFrom).
core::Result<std::vector<ChangeRecord>> cascadedFrom(Database& db, const ChangeRecord& change);
// The newest kept change to an entity after change `id`, if any.
core::Result<std::optional<ChangeRecord>> laterChangeTo(Database& db, const std::string& entity, const std::string& entityId,
                                                      int64_t id);
// Every change of the versions after `version`, newest first.
core::Result<std::vector<ChangeRecord>> newerThan(Database& db, int64_t version);
core::Result<VersionRange> versions(Database& db);

// A change as the Admin API shows it; `withStates` adds the entity before and after.
json toJson(const ChangeRecord& change, bool withStates = true);
// An entity change not recorded yet (a preview), in the same shape.
json toJson(const EntityChange& change);

}  // namespace change_log

}  // namespace sluice::store
