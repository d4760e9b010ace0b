#include "store/change_log.h"

#include "core/clock.h"
#include "model/registry.h"

namespace sluice::store {

namespace {

thread_local ChangeOrigin tCurrentOrigin;

constexpr const char* kColumns =
    "id, version, changed_at, author, method, path, source, entity, entity_id, cascaded_from, before_state, after_state";

json parsedState(const std::optional<std::string>& text) {
  if (!text || text->empty()) return nullptr;
  json parsed = json::parse(*text, nullptr, false);
  return parsed.is_discarded() ? json(nullptr) : parsed;
}

ChangeRecord fromRow(const SqlRow& row) {
  const auto text = [&row](size_t i) { return row.size() > i && row[i] ? *row[i] : std::string(); };
  ChangeRecord c;
  c.id = std::stoll(text(0));
  c.version = std::stoll(text(1));
  c.at = std::stod(text(2).empty() ? "0" : text(2));
  c.origin = ChangeOrigin{text(3), text(4), text(5), text(6)};
  c.entity = text(7);
  c.entityId = text(8);
  c.cascadedFrom = text(9);
  c.before = parsedState(row.size() > 10 ? row[10] : std::nullopt);
  c.after = parsedState(row.size() > 11 ? row[11] : std::nullopt);
  return c;
}

core::Result<std::vector<ChangeRecord>> select(Database& db, const std::string& where, const std::vector<SqlValue>& params,
                                              const std::string& tail) {
  auto rows = db.query(std::string("SELECT ") + kColumns + " FROM sluice_changes" + (where.empty() ? "" : " WHERE " + where) +
                           " " + tail,
                       params);
  if (!rows) return rows.error();
  std::vector<ChangeRecord> out;
  out.reserve(rows->size());
  for (const auto& row : *rows) out.push_back(fromRow(row));
  return out;
}

core::Result<int64_t> nextVersion(Database& db) {
  // PostgreSQL's nodes write side by side: a sequence; SQLite has one writer: a counter row.
  if (db.kind() == "postgres") {
    auto rows = db.query("SELECT nextval('sluice_config_version')");
    if (!rows) return rows.error();
    return std::stoll(rows->at(0).at(0).value_or("0"));
  }
  if (auto r = db.query("UPDATE sluice_config_version SET version = version + 1"); !r) return r.error();
  auto rows = db.query("SELECT version FROM sluice_config_version");
  if (!rows) return rows.error();
  if (rows->empty()) return core::Error::database("sluice_config_version has no row");
  return std::stoll(rows->front().at(0).value_or("0"));
}

// What the manager shows for the entity: its endpoint key (a service's name, a consumer's
// username, a target's address) or its name, when it has one.
json displayName(const std::string& entity, const json& before, const json& after) {
  const json& state = after.is_object() ? after : before;
  if (!state.is_object()) return nullptr;
  const auto* schema = model::findEntity(entity);
  for (const std::string& key : {schema ? schema->endpointKey : std::string(), std::string("name")})
    if (!key.empty() && state.contains(key) && state[key].is_string()) return state[key];
  return nullptr;
}

std::optional<std::string> stateText(const json& state) {
  if (state.is_null()) return std::nullopt;
  return state.dump();
}

}  // namespace

ChangeOriginScope::ChangeOriginScope(ChangeOrigin origin) : previous_(std::move(tCurrentOrigin)) {
  tCurrentOrigin = std::move(origin);
}

ChangeOriginScope::~ChangeOriginScope() { tCurrentOrigin = std::move(previous_); }

const ChangeOrigin& ChangeOriginScope::current() { return tCurrentOrigin; }

namespace change_log {

bool sameState(const json& a, const json& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (!a.is_object() || !b.is_object()) return a == b;
  json x = a, y = b;
  for (const char* stamp : {"created_at", "updated_at"}) {
    x.erase(stamp);
    y.erase(stamp);
  }
  return x == y;
}

core::Result<int64_t> record(Database& db, const std::vector<EntityChange>& changes, const ChangeOrigin& origin, size_t kept) {
  if (kept == 0) return int64_t{0};
  bool any = false;
  for (const auto& c : changes) any = any || !sameState(c.before, c.after);
  if (!any) return int64_t{0};
  auto version = nextVersion(db);
  if (!version) return version.error();
  const double at = core::unixSecondsWithMillis();
  std::string marks;
  for (int i = 1; i <= 11; ++i) marks += (i > 1 ? ", " : "") + db.placeholder(i);
  const std::string insert =
      "INSERT INTO sluice_changes (version, changed_at, author, method, path, source, entity, entity_id, cascaded_from, "
      "before_state, after_state) VALUES (" + marks + ")";
  for (const auto& c : changes) {
    if (sameState(c.before, c.after)) continue;
    const auto before = stateText(c.before), after = stateText(c.after);
    std::vector<SqlValue> params{*version,    at,          origin.author,   origin.method,
                                 origin.path, origin.source, c.schema->name, c.id,
                                 c.cascadedFrom,
                                 before ? SqlValue(*before) : SqlValue(nullptr),
                                 after ? SqlValue(*after) : SqlValue(nullptr)};
    if (auto r = db.query(insert, params); !r) return r.error();
  }
  if (*version > static_cast<int64_t>(kept))
    if (auto r = db.query("DELETE FROM sluice_changes WHERE version <= " + db.placeholder(1),
                          {*version - static_cast<int64_t>(kept)});
        !r)
      return r.error();
  return *version;
}

core::Result<std::vector<ChangeRecord>> list(Database& db, const ChangeQuery& query) {
  std::string where;
  std::vector<SqlValue> params;
  const auto add = [&](const std::string& condition, SqlValue value) {
    params.push_back(std::move(value));
    where += (where.empty() ? "" : " AND ") + condition + db.placeholder(static_cast<int>(params.size()));
  };
  if (query.olderThan) add("id < ", *query.olderThan);
  if (!query.entity.empty()) add("entity = ", query.entity);
  if (!query.entityId.empty()) add("entity_id = ", query.entityId);
  if (query.since) add("changed_at >= ", *query.since);
  if (query.until) add("changed_at < ", *query.until);
  if (query.version) add("version = ", *query.version);
  return select(db, where, params, "ORDER BY id DESC LIMIT " + std::to_string(query.size));
}

core::Result<std::optional<ChangeRecord>> find(Database& db, int64_t id) {
  auto rows = select(db, "id = " + db.placeholder(1), {id}, "");
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ChangeRecord>{};
  return std::optional<ChangeRecord>{std::move(rows->front())};
}

core::Result<std::vector<ChangeRecord>> cascadedFrom(Database& db, const ChangeRecord& change) {
  return select(db, "version = " + db.placeholder(1) + " AND cascaded_from = " + db.placeholder(2),
                {change.version, change.entityId}, "ORDER BY id");
}

core::Result<std::optional<ChangeRecord>> laterChangeTo(Database& db, const std::string& entity, const std::string& entityId,
                                                      int64_t id) {
  auto rows = select(db,
                     "entity = " + db.placeholder(1) + " AND entity_id = " + db.placeholder(2) + " AND id > " +
                         db.placeholder(3),
                     {entity, entityId, id}, "ORDER BY id DESC LIMIT 1");
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ChangeRecord>{};
  return std::optional<ChangeRecord>{std::move(rows->front())};
}

core::Result<std::vector<ChangeRecord>> newerThan(Database& db, int64_t version) {
  return select(db, "version > " + db.placeholder(1), {version}, "ORDER BY version DESC, id DESC");
}

core::Result<VersionRange> versions(Database& db) {
  auto rows = db.query("SELECT MIN(version), MAX(version) FROM sluice_changes");
  if (!rows) return rows.error();
  VersionRange range;
  if (!rows->empty() && rows->front().size() == 2 && rows->front()[0] && rows->front()[1]) {
    range.oldest = std::stoll(*rows->front()[0]);
    range.newest = std::stoll(*rows->front()[1]);
  }
  return range;
}

json toJson(const ChangeRecord& change, bool withStates) {
  json out{{"id", change.id},
           {"version", change.version},
           {"at", change.at},
           {"author", change.origin.author.empty() ? json(nullptr) : json(change.origin.author)},
           {"method", change.origin.method},
           {"path", change.origin.path},
           {"source", change.origin.source},
           {"entity", change.entity},
           {"entity_id", change.entityId},
           {"entity_name", displayName(change.entity, change.before, change.after)},
           {"operation", change.operation()},
           {"cascaded_from", change.cascadedFrom.empty() ? json(nullptr) : json(change.cascadedFrom)}};
  if (withStates) {
    out["before"] = change.before;
    out["after"] = change.after;
  }
  return out;
}

json toJson(const EntityChange& change) {
  return json{{"entity", change.schema->name},
              {"entity_id", change.id},
              {"entity_name", displayName(change.schema->name, change.before, change.after)},
              {"operation", operationOf(change.before, change.after)},
              {"cascaded_from", change.cascadedFrom.empty() ? json(nullptr) : json(change.cascadedFrom)},
              {"before", change.before},
              {"after", change.after}};
}

}  // namespace change_log

}  // namespace sluice::store
