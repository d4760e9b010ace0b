// The Store's change history: recording each write's changes in its transaction, reading them back,
// and replaying them backwards (revert one change, restore a version).
#include "store/store.h"

#include "model/registry.h"
#include "store/sql_mapping.h"

#include <set>

namespace sluice::store {
using schema::EntitySchema;

namespace {

// An entity as it is written back: its transient fields (a certificate's snis) are entities of
// their own in the history, replayed as such.
json writable(const EntitySchema& schema, json entity) {
  for (const auto& t : schema.transientFields) entity.erase(t.name);
  return entity;
}

core::Error conflict(std::string message, json fields = nullptr) {
  return core::Error{core::ErrorCode::Conflict, std::move(message), std::move(fields)};
}

// A preview runs the whole replay and then rolls it back: this error carries nothing out.
const std::string kPreviewOnly = "(preview: rolled back)";

}  // namespace

bool Store::recording(Database& db) {
  if (historyKept_ == 0) return false;
  int known = historyTable_.load();
  if (known < 0) {
    known = db.tableExists("sluice_changes") ? 1 : 0;
    historyTable_ = known;
  }
  return known == 1;
}

core::Result<int64_t> Store::record(Database& db, const WriteLog& log, const ChangeOrigin& origin) {
  if (!log.recording) return int64_t{0};
  return change_log::record(db, log.changes, origin, historyKept_);
}

core::Result<std::vector<json>> Store::allLocked(Database& db, const EntitySchema& schema) {
  auto rows = db.query("SELECT " + columnList(schema) + " FROM " + quoted(schema.name) + " ORDER BY " + quoted("id"));
  if (!rows) return rows.error();
  std::vector<json> out;
  out.reserve(rows->size());
  for (const auto& row : *rows) {
    json entity = rowToEntity(schema, row);
    if (presentable(db, schema, entity)) out.push_back(std::move(entity));
  }
  return out;
}

core::Result<Store::ConfigState> Store::stateLocked(Database& db) {
  ConfigState state;
  for (const auto* schema : model::allEntities()) {
    auto all = allLocked(db, *schema);
    if (!all) return all.error();
    auto& byId = state[schema];
    for (auto& e : *all) {
      std::string id = e["id"].get<std::string>();
      byId.emplace(std::move(id), std::move(e));
    }
  }
  return state;
}

std::vector<EntityChange> Store::diff(const ConfigState& before, const ConfigState& after) {
  static const std::map<std::string, json> kNone;
  const auto of = [](const ConfigState& state, const EntitySchema* schema) -> const std::map<std::string, json>& {
    const auto it = state.find(schema);
    return it == state.end() ? kNone : it->second;
  };
  std::vector<EntityChange> out;
  const auto& all = model::allEntities();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    const auto& now = of(after, *it);
    for (const auto& [id, was] : of(before, *it))
      if (!now.count(id)) out.push_back({*it, id, was, nullptr, {}});
  }
  for (const auto* schema : all) {
    const auto& was = of(before, schema);
    for (const auto& [id, now] : of(after, schema)) {
      const auto old = was.find(id);
      if (old == was.end()) out.push_back({schema, id, nullptr, now, {}});
      else if (!change_log::sameState(old->second, now)) out.push_back({schema, id, old->second, now, {}});
    }
  }
  return out;
}

core::Result<std::vector<ChangeRecord>> Store::changes(const ChangeQuery& query) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  if (!recording(**lease)) return std::vector<ChangeRecord>{};
  return change_log::list(**lease, query);
}

core::Result<std::optional<ChangeRecord>> Store::change(int64_t id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  if (!recording(**lease)) return std::optional<ChangeRecord>{};
  return change_log::find(**lease, id);
}

core::Result<VersionRange> Store::versions() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  if (!recording(**lease)) return VersionRange{};
  return change_log::versions(**lease);
}

core::Result<Store::Replay> Store::replay(bool apply, bool everything,
                                          const std::function<core::Result<Replay>(Database&, WriteLog&)>& body) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  if (!recording(db))
    return core::Error::badRequest("the change history is not kept on this node (config_history_kept = 0)");
  WriteLog log;
  log.recording = true;
  Replay outcome;
  auto result = inTransaction<Replay>(db, [&]() -> core::Result<Replay> {
    auto done = body(db, log);
    if (!done) return done;
    outcome = std::move(*done);
    if (!apply) return core::Error::badRequest(kPreviewOnly);
    auto version = record(db, log, ChangeOriginScope::current());
    if (!version) return version.error();
    outcome.version = *version;
    return outcome;
  });
  if (!result && !apply && result.error().message == kPreviewOnly) return outcome;
  if (result && (everything || !log.touched.empty())) changed(std::move(log.touched), everything);
  return result;
}

core::Result<Store::Replay> Store::revert(int64_t changeId, bool apply) {
  auto result = replay(apply, false, [&](Database& db, WriteLog& log) -> core::Result<Replay> {
    auto found = change_log::find(db, changeId);
    if (!found) return found.error();
    if (!*found) return core::Error{core::ErrorCode::NotFound, "no change " + std::to_string(changeId) + " in the kept history", nullptr};
    const ChangeRecord& change = **found;
    std::vector<ChangeRecord> targets{change};
    if (change.cascadedFrom.empty()) {  // with the entities its write took along
      auto cascaded = change_log::cascadedFrom(db, change);
      if (!cascaded) return cascaded.error();
      targets.insert(targets.end(), cascaded->begin(), cascaded->end());
    }
    // Each entity must still be as the change left it.
    for (const auto& t : targets) {
      const EntitySchema* schema = model::findEntity(t.entity);
      if (!schema) return conflict("cannot revert change " + std::to_string(changeId) + ": no entity '" + t.entity + "' on this node");
      auto current = getLocked(db, *schema, t.entityId);
      if (!current) return current.error();
      if (change_log::sameState(current->value_or(json(nullptr)), t.after)) continue;
      auto later = change_log::laterChangeTo(db, t.entity, t.entityId, t.id);
      if (!later) return later.error();
      const std::string what = t.entity + " " + t.entityId;
      if (!*later)
        return conflict("cannot revert change " + std::to_string(changeId) + ": " + what +
                        " has changed since, and that change is not in the kept history");
      return conflict("cannot revert change " + std::to_string(changeId) + ": " + what + " was changed since by change " +
                          std::to_string((*later)->id) + " (version " + std::to_string((*later)->version) +
                          "); revert that one first",
                      json{{"conflicting_change", change_log::toJson(**later, false)}});
    }
    const EntitySchema& schema = *model::findEntity(change.entity);
    if (change.before.is_null()) {
      // Undoing a creation deletes: nothing created since may hang on it.
      std::vector<EntityChange> dependants;
      if (auto s = collectCascade(db, schema, change.entityId, change.entityId, dependants); !s) return s.error();
      std::set<std::string> undone;
      for (const auto& t : targets) undone.insert(t.entityId);
      for (const auto& d : dependants)
        if (!undone.count(d.id))
          return conflict("cannot revert change " + std::to_string(changeId) + ": " + d.schema->name + " " + d.id +
                          ", created since, belongs to " + change.entity + " " + change.entityId + "; delete it first");
      if (auto s = checkRestrict(db, schema, change.entityId); !s)
        return conflict("cannot revert change " + std::to_string(changeId) + ": " + s.error().message);
      auto current = getLocked(db, schema, change.entityId);
      if (!current) return current.error();
      if (*current)
        if (auto s = removeLocked(db, schema, change.entityId, &log); !s) return s.error();
    } else {
      if (auto w = writeLocked(db, schema, writable(schema, change.before), true, &log); !w)
        return conflict("cannot revert change " + std::to_string(changeId) + ": " + w.error().message, w.error().fields);
    }
    // The entities taken along, nearest first (the reverse of the order they were deleted in).
    for (auto it = targets.rbegin(); it != targets.rend() - 1; ++it) {
      const EntitySchema& s = *model::findEntity(it->entity);
      auto current = getLocked(db, s, it->entityId);
      if (!current) return current.error();
      if (it->before.is_null()) {
        if (*current)
          if (auto r = removeLocked(db, s, it->entityId, &log); !r) return r.error();
      } else if (auto w = writeLocked(db, s, writable(s, it->before), true, &log, change.entityId); !w) {
        return conflict("cannot revert change " + std::to_string(changeId) + ": " + w.error().message, w.error().fields);
      }
    }
    Replay out;
    out.changes = log.changes;
    return out;
  });
  return result;
}

core::Result<Store::Replay> Store::restore(int64_t version, bool apply) {
  return replay(apply, true, [&](Database& db, WriteLog& log) -> core::Result<Replay> {
    auto range = change_log::versions(db);
    if (!range) return range.error();
    if (version < 0 || version > range->newest)
      return core::Error::badRequest("no configuration version " + std::to_string(version) + ": the newest is " +
                                     std::to_string(range->newest));
    if (range->oldest > 0 && version < range->oldest - 1)
      return core::Error::badRequest("version " + std::to_string(version) + " is older than the kept history: the oldest version " +
                                     "that can be restored is " + std::to_string(range->oldest - 1) + " (config_history_kept)");
    auto current = stateLocked(db);
    if (!current) return current.error();
    // The configuration at `version`: the current one with every later change undone, newest first.
    ConfigState target = *current;
    auto newer = change_log::newerThan(db, version);
    if (!newer) return newer.error();
    for (const auto& c : *newer) {
      const EntitySchema* schema = model::findEntity(c.entity);
      if (!schema) continue;  // a plugin's entity this node does not run
      if (c.before.is_null()) target[schema].erase(c.entityId);
      else target[schema][c.entityId] = c.before;
    }
    // Written as a declarative replacement: everything out, then parents before children.
    const auto& all = model::allEntities();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
      if (auto r = db.query("DELETE FROM " + quoted((*it)->name)); !r) return r.error();
    for (const auto* schema : all)
      for (const auto& [id, entity] : target[schema]) {
        if (auto w = writeLocked(db, *schema, writable(*schema, entity), true, nullptr); !w)
          return core::Error{w.error().code,
                             "cannot restore version " + std::to_string(version) + ": " + schema->name + " " + id + ": " +
                                 w.error().message,
                             w.error().fields};
      }
    auto after = stateLocked(db);
    if (!after) return after.error();
    log.changes = diff(*current, *after);
    Replay out;
    out.changes = log.changes;
    return out;
  });
}

}  // namespace sluice::store
