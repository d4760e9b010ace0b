#pragma once
// Declarative configuration (Kong's kong.yml, `_format_version` 1.1, 2.1 or 3.0): entities at the
// top level or nested under their parent (services[].routes[], consumers[].keyauth_credentials[],
// upstreams[].targets[], certificates[].snis[] ...), foreign keys by id or by the parent's name.
// Loading validates every entity and writes all of them in one transaction.
#include "schema/validator.h"
#include "store/store.h"

namespace sluice::declarative {

using Entities = std::vector<std::pair<const schema::EntitySchema*, nlohmann::json>>;

// The entities of a parsed document, validated, parents first. Errors name the collection and
// position: {"services": {"0": {"host": "required field missing"}}}.
core::Result<Entities> flatten(const nlohmann::json& document, const schema::ValidationContext& ctx);

// Parses YAML or JSON text and writes its entities: `replace` empties the store first (DB-less),
// otherwise entities are upserted by id (db_import). Returns what it wrote.
core::Result<Entities> load(store::Store& store, const std::string& text, const schema::ValidationContext& ctx, bool replace);

// Every entity in the store as a declarative document (_format_version 2.1, foreign keys as ids).
core::Result<nlohmann::json> exportDocument(store::Store& store);

}  // namespace sluice::declarative
