#pragma once
// What every consumer credential shares (key-auth, basic-auth, jwt, acl): its owner and its place
// under /consumers/{c}/..., and the migration step that creates its table.
#include "model/migration.h"
#include "schema/typedefs.h"

#include <cmath>

namespace sluice::plugins {

// A credential schema with id, created_at, the owning consumer (cascade) and tags; `fields` go
// between the consumer and tags.
inline schema::EntitySchema credentialSchema(std::string name, std::string adminPath, std::string nestedPath,
                                             std::string endpointKey, std::vector<schema::Field> fields) {
  schema::EntitySchema s;
  s.name = std::move(name);
  s.adminPath = std::move(adminPath);
  s.nestedPath = std::move(nestedPath);
  s.nestedUnder = "consumer";
  s.endpointKey = std::move(endpointKey);
  s.fields = {schema::typedefs::id(), schema::typedefs::createdAt(),
              schema::foreignField("consumer", "consumers").asRequired().onDeleteCascade()};
  for (auto& f : fields) s.fields.push_back(std::move(f));
  s.fields.push_back(schema::typedefs::tags());
  return s;
}

// The first step of a credential table: created unless it is there already (a database made
// before credentials moved to their plugins has it from the core's first step).
// `columns`: the credential's own; `constraints`: table constraints after them (", UNIQUE (...)").
inline model::Migration credentialTable(const std::string& plugin, const std::string& table, const std::string& columns,
                                        const std::string& constraints = "") {
  return {plugin + "/000_base",
          "CREATE TABLE IF NOT EXISTS " + table +
              " (\n  id TEXT PRIMARY KEY, created_at BIGINT, consumer_id TEXT REFERENCES consumers (id) ON DELETE CASCADE,\n  " +
              columns + ", tags TEXT" + constraints + ");\nCREATE INDEX IF NOT EXISTS " + table + "_consumer_id ON " + table + " (consumer_id);\n",
          "", ""};
}

// Kong's `ttl` option of a row (key-auth keys, oauth2 tokens): `ttl` is answered as the whole
// seconds left (10 just after creation is 9), and an expired row is gone (an afterRead hook).
inline bool applyRowTtl(schema::json& entity, double now) {
  if (!entity["ttl"].is_number_integer() || !entity["created_at"].is_number()) return true;
  const double left = static_cast<double>(entity["ttl"].get<int64_t>()) - (now - entity["created_at"].get<double>());
  if (left <= 0) return false;
  entity["ttl"] = static_cast<int64_t>(std::floor(left));
  return true;
}

}  // namespace sluice::plugins
