#include "store/store.h"

#include <ctime>

#include "core/clock.h"
#include "core/uuid.h"
#include "model/registry.h"
#include "store/sql_mapping.h"

#include <algorithm>

namespace sluice::store {
using schema::EntitySchema;
using schema::Field;
using schema::FieldType;

namespace {

// Kong renders keys in messages as Lua tables: '{name="svc1"}', '{id="..."}'.
std::string luaTable(const std::vector<std::pair<std::string, json>>& pairs) {
  std::string out = "{";
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i) out += ",";
    const json& v = pairs[i].second;
    std::string rendered = v.is_null()     ? "null"
                           : v.is_string() ? "\"" + v.get<std::string>() + "\""
                           : v.is_object() && v.contains("id") ? "{id=\"" + v["id"].get<std::string>() + "\"}"
                                                               : v.dump();
    out += pairs[i].first + "=" + rendered;
  }
  return out + "}";
}

// The child entity a transient field of `schema` names (certificates.snis -> snis), and its foreign field.
std::pair<const EntitySchema*, const Field*> transientChild(const EntitySchema& schema, const Field& transient) {
  const EntitySchema* child = model::findEntity(transient.name);
  if (!child) return {nullptr, nullptr};
  return {child, child->foreignTo(schema.name)};
}

bool hasTags(const json& entity, const ListQuery& q) {
  if (q.tags.empty()) return true;
  const json& tags = entity["tags"];
  if (!tags.is_array()) return false;
  const auto has = [&](const std::string& t) { return std::find(tags.begin(), tags.end(), t) != tags.end(); };
  if (q.tagsAny) return std::any_of(q.tags.begin(), q.tags.end(), has);
  return std::all_of(q.tags.begin(), q.tags.end(), has);
}

}  // namespace

Store::Store(std::unique_ptr<Database> db) : pool_(std::move(db), nullptr, 1, std::chrono::minutes(1)) {}

Store::Store(std::unique_ptr<Database> first, DatabasePool::Open open, size_t connections,
             std::chrono::milliseconds waitLimit)
    : pool_(std::move(first), std::move(open), connections, waitLimit) {}

bool Store::ping() {
  auto lease = pool_.acquire();
  if (!lease) return false;
  Database& db = **lease;
  return db.query("SELECT 1").ok();
}

void Store::onChange(std::function<void(const ChangeSet&)> listener) {
  std::lock_guard lock(listenersMutex_);
  listeners_.push_back(std::move(listener));
}

void Store::changed(std::vector<EntityRef> touched, bool everything) {
  ChangeSet change;
  change.touched = std::move(touched);
  change.version = ++version_;
  change.everything = everything;
  std::vector<std::function<void(const ChangeSet&)>> listeners;
  {
    std::lock_guard lock(listenersMutex_);
    listeners = listeners_;
  }
  for (auto& l : listeners) l(change);
}

bool Store::presentable(Database& db, const EntitySchema& schema, json& entity) {
  if (schema.afterRead && !schema.afterRead(entity, core::unixSecondsWithMillis())) return false;
  return attachTransientChildren(db, schema, entity).ok();
}

core::Result<std::optional<json>> Store::getLocked(Database& db, const EntitySchema& schema, const std::string& id) {
  auto rows = db.query("SELECT " + columnList(schema) + " FROM " + quoted(schema.name) + " WHERE " + quoted("id") +
                             " = " + db.placeholder(1),
                         {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<json>{};
  json entity = rowToEntity(schema, rows->front());
  if (!presentable(db, schema, entity)) return std::optional<json>{};
  return std::optional<json>{std::move(entity)};
}

core::Result<std::optional<json>> Store::get(const EntitySchema& schema, const std::string& id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  return getLocked(db, schema, id);
}

core::Result<std::optional<json>> Store::findBy(const EntitySchema& schema, const std::string& fieldName,
                                                const json& value,
                                                const std::vector<std::pair<std::string, json>>& within) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  const Field* field = schema.field(fieldName);
  if (!field) return core::Error::database("no field '" + fieldName + "' in " + schema.name);
  std::string sql = "SELECT " + columnList(schema) + " FROM " + quoted(schema.name) + " WHERE " +
                    quoted(columnName(*field)) + " = " + db.placeholder(1);
  std::vector<SqlValue> params{toSqlValue(*field, value)};
  for (const auto& [name, v] : within) {
    const Field* f = schema.field(name);
    if (!f) continue;
    params.push_back(f->type == FieldType::Foreign && v.is_string() ? SqlValue(v.get<std::string>()) : toSqlValue(*f, v));
    sql += " AND " + quoted(columnName(*f)) + " = " + db.placeholder(static_cast<int>(params.size()));
  }
  auto rows = db.query(sql, params);
  if (!rows) return rows.error();
  for (const auto& row : *rows) {
    json entity = rowToEntity(schema, row);
    if (presentable(db, schema, entity)) return std::optional<json>{std::move(entity)};
  }
  return std::optional<json>{};
}

core::Result<Page> Store::list(const EntitySchema& schema, const ListQuery& query) {
  if (!query.offset.empty() && !core::isUuid(query.offset))
    return core::Error{core::ErrorCode::InvalidOffset, "'" + query.offset + "' is not a valid offset: bad base64 encoding",
                       nullptr};
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  Page page;
  std::string cursor = query.offset;
  const bool filtered = !query.tags.empty() || schema.afterRead;
  const size_t batch = filtered ? std::max<size_t>(query.size * 4, 256) : query.size + 1;
  for (;;) {
    std::string sql = "SELECT " + columnList(schema) + " FROM " + quoted(schema.name) + " WHERE 1=1";
    std::vector<SqlValue> params;
    for (const auto& [name, v] : query.equals) {
      const Field* f = schema.field(name);
      if (!f) continue;
      params.push_back(f->type == FieldType::Foreign && v.is_string() ? SqlValue(v.get<std::string>()) : toSqlValue(*f, v));
      sql += " AND " + quoted(columnName(*f)) + " = " + db.placeholder(static_cast<int>(params.size()));
    }
    if (!cursor.empty()) {
      params.push_back(cursor);
      sql += " AND " + quoted("id") + " > " + db.placeholder(static_cast<int>(params.size()));
    }
    sql += " ORDER BY " + quoted("id") + " LIMIT " + std::to_string(batch);
    auto rows = db.query(sql, params);
    if (!rows) return rows.error();
    for (size_t i = 0; i < rows->size(); ++i) {
      json entity = rowToEntity(schema, (*rows)[i]);
      cursor = entity["id"].get<std::string>();
      if (!hasTags(entity, query) || !presentable(db, schema, entity)) continue;
      if (page.data.size() == query.size) {  // a further entity to show: there is another page
        page.offset = page.data.back()["id"].get<std::string>();
        return page;
      }
      page.data.push_back(std::move(entity));
    }
    if (rows->size() < batch) return page;
  }
}

core::Status Store::checkReferences(Database& db, const EntitySchema& schema, const json& entity) {
  for (const auto& f : schema.fields) {
    if (f.type != FieldType::Foreign || entity[f.name].is_null()) continue;
    const EntitySchema* target = model::findEntity(f.reference);
    if (!target) continue;
    const std::string id = entity[f.name]["id"].get<std::string>();
    auto rows = db.query("SELECT 1 FROM " + quoted(target->name) + " WHERE " + quoted("id") + " = " +
                               db.placeholder(1),
                           {id});
    if (!rows) return rows.error();
    if (rows->empty())
      return core::Error{core::ErrorCode::ForeignKeyViolation,
                         "the foreign key '" + luaTable({{"id", id}}) + "' does not reference an existing '" +
                             target->name + "' entity.",
                         json{{f.name, {{"id", id}}}}};
  }
  return core::Ok{};
}

core::Status Store::checkUnique(Database& db, const EntitySchema& schema, const json& entity) {
  const std::string id = entity["id"].get<std::string>();
  const auto conflict = [&](const std::vector<const Field*>& fields) -> core::Result<bool> {
    std::string sql = "SELECT 1 FROM " + quoted(schema.name) + " WHERE " + quoted("id") + " <> " + db.placeholder(1);
    std::vector<SqlValue> params{id};
    for (const Field* f : fields) {
      const std::string column = quoted(columnName(*f));
      if (entity[f->name].is_null()) {
        sql += " AND " + column + " IS NULL";
        continue;
      }
      params.push_back(toSqlValue(*f, entity[f->name]));
      sql += " AND " + column + " = " + db.placeholder(static_cast<int>(params.size()));
    }
    auto rows = db.query(sql + " LIMIT 1", params);
    if (!rows) return rows.error();
    return !rows->empty();
  };
  for (const auto& f : schema.fields) {
    if (!f.unique || entity[f.name].is_null()) continue;
    auto c = conflict({&f});
    if (!c) return c.error();
    if (*c)
      return core::Error{core::ErrorCode::UniqueViolation,
                         "UNIQUE violation detected on '" + luaTable({{f.name, entity[f.name]}}) + "'",
                         json{{f.name, entity[f.name]}}};
  }
  if (!schema.cacheKey.empty()) {
    std::vector<const Field*> fields;
    std::vector<std::pair<std::string, json>> shown;
    json detail = json::object();
    for (const auto& name : schema.cacheKey) {
      fields.push_back(schema.field(name));
      shown.emplace_back(name, entity[name]);
      detail[name] = entity[name];
    }
    auto c = conflict(fields);
    if (!c) return c.error();
    if (*c)
      return core::Error{core::ErrorCode::UniqueViolation, "UNIQUE violation detected on '" + luaTable(shown) + "'",
                         detail};
  }
  return core::Ok{};
}

core::Status Store::checkRestrict(Database& db, const EntitySchema& schema, const std::string& id) {
  for (const auto& [child, field] : model::referencing(schema.name)) {
    if (field->onDelete == schema::OnDelete::Cascade) continue;
    auto rows = db.query("SELECT 1 FROM " + quoted(child->name) + " WHERE " + quoted(columnName(*field)) + " = " +
                               db.placeholder(1) + " LIMIT 1",
                           {id});
    if (!rows) return rows.error();
    if (!rows->empty())
      return core::Error{core::ErrorCode::ForeignKeyViolation,
                         "an existing '" + child->name + "' entity references this '" + schema.name + "' entity",
                         json{{"@referenced_by", child->name}}};
  }
  return core::Ok{};
}

core::Status Store::syncTransientChildren(Database& db, const EntitySchema& schema, const json& entity, WriteLog* log) {
  for (const auto& t : schema.transientFields) {
    if (!entity.contains(t.name) || entity[t.name].is_null()) continue;
    auto [child, foreign] = transientChild(schema, t);
    if (!child || !foreign) continue;
    const std::string parentId = entity["id"].get<std::string>();
    const Field* key = child->field(child->endpointKey);
    for (const auto& name : entity[t.name]) {
      auto rows = db.query("SELECT " + quoted(columnName(*foreign)) + " FROM " + quoted(child->name) + " WHERE " +
                                 quoted(columnName(*key)) + " = " + db.placeholder(1),
                             {name.get<std::string>()});
      if (!rows) return rows.error();
      if (!rows->empty() && rows->front()[0] != parentId)
        return core::Error{core::ErrorCode::UniqueViolation,
                           name.get<std::string>() + " already associated with existing certificate '" +
                               rows->front()[0].value_or("") + "'",
                           json{{t.name, name.get<std::string>() + " already associated with existing certificate '" +
                                             rows->front()[0].value_or("") + "'"}}};
    }
    auto existing = db.query("SELECT " + quoted("id") + ", " + quoted(columnName(*key)) + " FROM " +
                                   quoted(child->name) + " WHERE " + quoted(columnName(*foreign)) + " = " +
                                   db.placeholder(1),
                               {parentId});
    if (!existing) return existing.error();
    for (const auto& row : *existing) {
      const json name = row[1].value_or("");
      if (std::find(entity[t.name].begin(), entity[t.name].end(), name) != entity[t.name].end()) continue;
      if (log && log->recording) {
        auto before = getLocked(db, *child, row[0].value_or(""));
        if (!before) return before.error();
        log->changes.push_back({child, row[0].value_or(""), before->value_or(json(nullptr)), nullptr, parentId});
      }
      if (auto r = db.query("DELETE FROM " + quoted(child->name) + " WHERE " + quoted("id") + " = " +
                                  db.placeholder(1),
                              {row[0].value_or("")});
          !r)
        return r.error();
    }
    for (const auto& name : entity[t.name]) {
      bool present = false;
      for (const auto& row : *existing) present = present || row[1] == name.get<std::string>();
      if (present) continue;
      json childEntity = json::object();
      for (const auto& f : child->fields) childEntity[f.name] = nullptr;
      childEntity["id"] = core::newUuid();
      childEntity["created_at"] = core::unixSeconds();
      childEntity[child->endpointKey] = name;
      childEntity[foreign->name] = {{"id", parentId}};
      std::string cols, marks;
      std::vector<SqlValue> params;
      for (const auto& f : child->fields) {
        cols += (cols.empty() ? "" : ", ") + quoted(columnName(f));
        params.push_back(toSqlValue(f, childEntity[f.name]));
        marks += (marks.empty() ? "" : ", ") + db.placeholder(static_cast<int>(params.size()));
      }
      if (auto r = db.query("INSERT INTO " + quoted(child->name) + " (" + cols + ") VALUES (" + marks + ")", params); !r)
        return r.error();
      if (log && log->recording) {
        const std::string childId = childEntity["id"].get<std::string>();
        auto after = getLocked(db, *child, childId);
        if (!after) return after.error();
        log->changes.push_back({child, childId, nullptr, after->value_or(json(nullptr)), parentId});
      }
    }
  }
  return core::Ok{};
}

core::Status Store::attachTransientChildren(Database& db, const EntitySchema& schema, json& entity) {
  for (const auto& t : schema.transientFields) {
    auto [child, foreign] = transientChild(schema, t);
    if (!child || !foreign) continue;
    auto rows = db.query("SELECT " + quoted(columnName(*child->field(child->endpointKey))) + " FROM " +
                               quoted(child->name) + " WHERE " + quoted(columnName(*foreign)) + " = " +
                               db.placeholder(1),
                           {entity["id"].get<std::string>()});
    if (!rows) return rows.error();
    std::vector<std::string> names;
    for (const auto& r : *rows) names.push_back(r[0].value_or(""));
    std::sort(names.begin(), names.end());
    entity[t.name] = names;
  }
  return core::Ok{};
}

core::Status Store::checkPluginProtocols(Database& db, const json& plugin) {
  const auto it = plugin.find("protocols");
  if (it == plugin.end() || !it->is_array()) return core::Ok{};
  const EntitySchema& routes = *model::findEntity("routes");
  // True when the route (its stored row) shares a protocol with the plugin.
  const auto shares = [&](const json& route) {
    const auto rp = route.find("protocols");
    if (rp == route.end() || !rp->is_array()) return false;
    for (const auto& p : *it)
      if (std::find(rp->begin(), rp->end(), p) != rp->end()) return true;
    return false;
  };
  if (const auto r = plugin.find("route"); r != plugin.end() && r->is_object() && r->contains("id")) {
    auto route = getLocked(db, routes, (*r)["id"].get<std::string>());
    if (!route) return route.error();
    if (*route && !shares(**route))
      return core::Error::schemaViolation({{"protocols", "must match the associated route's protocols"}});
  }
  if (const auto s = plugin.find("service"); s != plugin.end() && s->is_object() && s->contains("id")) {
    auto ids = db.query("SELECT " + quoted("id") + " FROM " + quoted(routes.name) + " WHERE " +
                              quoted(columnName(*routes.field("service"))) + " = " + db.placeholder(1),
                          {(*s)["id"].get<std::string>()});
    if (!ids) return ids.error();
    bool any = ids->empty();  // a service without routes accepts any protocols
    for (const auto& row : *ids) {
      if (any) break;
      auto route = getLocked(db, routes, row[0].value_or(""));
      if (!route) return route.error();
      any = *route && shares(**route);
    }
    if (!any)
      return core::Error::schemaViolation(
          {{"protocols", "must match the protocols of at least one route pointing to this Plugin's service"}});
  }
  return core::Ok{};
}

core::Result<json> Store::write(const EntitySchema& schema, json entity, bool allowReplace) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  WriteLog log;
  log.recording = recording(db);
  // As Kong's plugins DAO (Admin writes and db_import); a DB-less configuration skips it.
  auto result = inTransaction<json>(db, [&]() -> core::Result<json> {
    if (schema.name == "plugins")
      if (auto s = checkPluginProtocols(db, entity); !s) return s.error();
    auto written = writeLocked(db, schema, std::move(entity), allowReplace, &log);
    if (!written) return written;
    if (auto v = record(db, log, ChangeOriginScope::current()); !v) return v.error();
    return written;
  });
  if (result) changed(std::move(log.touched));
  return result;
}

core::Result<json> Store::writeLocked(Database& db, const EntitySchema& schema, json entity, bool allowReplace,
                                     WriteLog* log, const std::string& cascadedFrom) {
  {
    const std::string id = entity["id"].get<std::string>();
    size_t recorded = 0;  // the index of this write's change in the log
    if (log && log->recording) {
      auto before = getLocked(db, schema, id);
      if (!before) return before.error();
      recorded = log->changes.size();
      log->changes.push_back({&schema, id, before->value_or(json(nullptr)), nullptr, cascadedFrom});
    }
    auto existing = db.query("SELECT " + quoted("created_at") + " FROM " + quoted(schema.name) + " WHERE " +
                                   quoted("id") + " = " + db.placeholder(1),
                               {id});
    if (!existing) return existing.error();
    const bool exists = !existing->empty();
    if (exists && !allowReplace)
      return core::Error{core::ErrorCode::PrimaryKeyViolation, "primary key violation on key '" + luaTable({{"id", id}}) + "'",
                         json{{"id", id}}};
    if (auto s = checkReferences(db, schema, entity); !s) return s.error();
    if (auto s = checkUnique(db, schema, entity); !s) return s.error();

    std::vector<SqlValue> params;
    std::string sql;
    if (exists) {
      std::string sets;
      for (const auto& f : schema.fields) {
        if (f.name == "id" || f.name == "created_at") continue;
        params.push_back(toSqlValue(f, entity[f.name]));
        sets += (sets.empty() ? "" : ", ") + quoted(columnName(f)) + " = " +
                db.placeholder(static_cast<int>(params.size()));
      }
      params.push_back(id);
      sql = "UPDATE " + quoted(schema.name) + " SET " + sets + " WHERE " + quoted("id") + " = " +
            db.placeholder(static_cast<int>(params.size()));
      // created_at stays what it was.
      entity["created_at"] = fromSqlText(*schema.field("created_at"), existing->front()[0]);
    } else {
      std::string marks;
      for (const auto& f : schema.fields) {
        params.push_back(toSqlValue(f, entity[f.name]));
        marks += (marks.empty() ? "" : ", ") + db.placeholder(static_cast<int>(params.size()));
      }
      sql = "INSERT INTO " + quoted(schema.name) + " (" + columnList(schema) + ") VALUES (" + marks + ")";
    }
    if (auto r = db.query(sql, params); !r) {
      if (r.error().code == core::ErrorCode::UniqueViolation)
        return core::Error{core::ErrorCode::UniqueViolation, "UNIQUE violation detected", nullptr};
      return r.error();
    }
    if (auto s = syncTransientChildren(db, schema, entity, log); !s) return s.error();
    if (log) log->touched.push_back({&schema, id});
    auto stored = getLocked(db, schema, id);
    if (!stored) return stored.error();
    if (log && log->recording) log->changes[recorded].after = stored->value_or(entity);
    if (!*stored) return entity;  // written but not presentable (an already expired credential)
    return std::move(**stored);
  }
}

core::Status Store::applyAll(const std::vector<std::pair<const EntitySchema*, json>>& entities, bool replaceEverything,
                             size_t* failedIndex) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  const auto& all = model::allEntities();
  WriteLog log;
  log.recording = recording(db);
  auto result = inTransaction<core::Ok>(db, [&]() -> core::Status {
    // A replacement is recorded as the difference between the configurations before and after.
    ConfigState before;
    if (replaceEverything && log.recording) {
      auto state = stateLocked(db);
      if (!state) return state.error();
      before = std::move(*state);
    }
    if (replaceEverything)
      for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (auto r = db.query("DELETE FROM " + quoted((*it)->name)); !r) return r.error();
    for (size_t i = 0; i < entities.size(); ++i) {
      core::Status checked = core::Ok{};
      if (!replaceEverything && entities[i].first->name == "plugins") checked = checkPluginProtocols(db, entities[i].second);
      if (!checked) {
        if (failedIndex) *failedIndex = i;
        return checked.error();
      }
      if (auto r = writeLocked(db, *entities[i].first, entities[i].second, true, replaceEverything ? nullptr : &log); !r) {
        if (failedIndex) *failedIndex = i;
        return r.error();
      }
    }
    if (replaceEverything && log.recording) {
      auto after = stateLocked(db);
      if (!after) return after.error();
      log.changes = diff(before, *after);
    }
    if (auto v = record(db, log, ChangeOriginScope::current()); !v) return v.error();
    return core::Ok{};
  });
  if (result) changed(std::move(log.touched), replaceEverything);  // a replacement touched everything
  return result;
}

core::Result<json> Store::insert(const EntitySchema& schema, json entity) { return write(schema, std::move(entity), false); }

core::Result<json> Store::upsert(const EntitySchema& schema, json entity) { return write(schema, std::move(entity), true); }

core::Status Store::remove(const EntitySchema& schema, const std::string& id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  WriteLog log;
  log.recording = recording(db);
  auto result = inTransaction<core::Ok>(db, [&]() -> core::Status {
    if (auto s = checkRestrict(db, schema, id); !s) return s;
    if (auto s = removeLocked(db, schema, id, &log); !s) return s;
    if (auto v = record(db, log, ChangeOriginScope::current()); !v) return v.error();
    return core::Ok{};
  });
  if (result) changed(std::move(log.touched));
  return result;
}

core::Status Store::removeLocked(Database& db, const EntitySchema& schema, const std::string& id, WriteLog* log) {
  if (log && log->recording) {
    auto before = getLocked(db, schema, id);
    if (!before) return before.error();
    if (auto s = collectCascade(db, schema, id, id, log->changes); !s) return s;
    if (*before) log->changes.push_back({&schema, id, std::move(**before), nullptr, {}});
  }
  auto r = db.query("DELETE FROM " + quoted(schema.name) + " WHERE " + quoted("id") + " = " + db.placeholder(1), {id});
  if (!r) return r.error();
  if (log) log->touched.push_back({&schema, id});
  return core::Ok{};
}

core::Status Store::collectCascade(Database& db, const EntitySchema& schema, const std::string& id, const std::string& root,
                                   std::vector<EntityChange>& out) {
  for (const auto& [child, field] : model::referencing(schema.name)) {
    if (field->onDelete != schema::OnDelete::Cascade) continue;
    auto rows = db.query("SELECT " + quoted("id") + " FROM " + quoted(child->name) + " WHERE " +
                             quoted(columnName(*field)) + " = " + db.placeholder(1) + " ORDER BY " + quoted("id"),
                         {id});
    if (!rows) return rows.error();
    for (const auto& row : *rows) {
      const std::string childId = row[0].value_or("");
      if (auto s = collectCascade(db, *child, childId, root, out); !s) return s;
      auto before = getLocked(db, *child, childId);
      if (!before) return before.error();
      if (*before) out.push_back({child, childId, std::move(**before), nullptr, root});
    }
  }
  return core::Ok{};
}

core::Status Store::truncateAll() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  const auto& entities = model::allEntities();
  WriteLog log;
  log.recording = recording(db);
  auto result = inTransaction<core::Ok>(db, [&]() -> core::Status {
    ConfigState before;
    if (log.recording) {
      auto state = stateLocked(db);
      if (!state) return state.error();
      before = std::move(*state);
    }
    for (auto it = entities.rbegin(); it != entities.rend(); ++it)
      if (auto r = db.query("DELETE FROM " + quoted((*it)->name)); !r) return r.error();
    log.changes = diff(before, {});
    if (auto v = record(db, log, ChangeOriginScope::current()); !v) return v.error();
    return core::Ok{};
  });
  if (result) changed({}, true);
  return result;
}

core::Result<std::vector<nlohmann::json>> Store::listAll(const schema::EntitySchema& schema) {
  std::vector<nlohmann::json> out;
  ListQuery q;
  q.size = 1000;
  for (;;) {
    auto page = list(schema, q);
    if (!page) return page.error();
    for (auto& e : page->data) out.push_back(std::move(e));
    if (!page->offset) return out;
    q.offset = *page->offset;
  }
}

core::Result<std::string> Store::walPosition() {
  if (kind() != "postgres") return std::string();
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto rows = (*lease)->query("SELECT pg_current_wal_lsn()::text");
  if (!rows) return rows.error();
  return rows->empty() || rows->front().empty() || !rows->front()[0] ? std::string() : *rows->front()[0];
}

core::Result<bool> Store::replayedTo(const std::string& position) {
  if (position.empty() || kind() != "postgres") return true;
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  // (PostgreSQL only, checked above: its $1 and its text form of a boolean.)
  auto rows = (*lease)->query("SELECT COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, true)", {position});
  if (!rows) return rows.error();
  return !rows->empty() && !rows->front().empty() && rows->front()[0] == "t";
}

core::Status Store::transaction(const std::function<core::Status(Database&)>& work) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Database& db = **lease;
  return inTransaction<core::Ok>(db, [&] { return work(db); });
}

}  // namespace sluice::store
