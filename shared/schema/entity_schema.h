#pragma once
// The one declaration of an entity: its fields, keys, checks and the few hooks that Kong expresses
// as shorthands and transformations. Everything else (validation, storage, Admin API routes,
// /schemas, forms) is derived from it.
#include "core/result.h"
#include "schema/field.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace sluice::schema {

// A shorthand field (Kong's `shorthand_fields`): accepted in input, expanded into real fields,
// never stored. Example: services `url`.
struct Shorthand {
  Field field;
  std::function<std::optional<std::string>(const json& value, json& entity)> expand;
};

struct EntitySchema {
  std::string name;             // storage and /schemas name: "keyauth_credentials"
  std::string adminPath;        // top-level collection path: "key-auths" (empty: none)
  std::string nestedPath;       // path segment under the owner: "key-auth"
  std::string nestedUnder;      // the foreign field whose entity owns the nested path: "consumer"
  std::string endpointKey;      // field usable instead of the id in URLs: "name"
  // When a URL key is not a UUID and the entity has no endpoint key of its own, it is looked up
  // through another entity: certificates are found by one of their SNI names.
  struct LookupThrough {
    std::string entity, keyField, foreignField;
  };
  std::optional<LookupThrough> lookupThrough;
  std::vector<std::string> cacheKey;  // fields whose combination is unique (plugins, targets, acls)
  std::vector<Field> fields;
  std::vector<EntityCheck> checks;
  std::vector<Shorthand> shorthands;
  std::vector<Field> transientFields;  // accepted and returned, kept elsewhere (certificates.snis)
  // Kong's `ttl = true`: rows may carry a `ttl` (seconds to live). Stored as a field named "ttl";
  // /schemas shows the option, not a field.
  bool ttl = false;

  // A declarative file with `_transform: false` holds values already in their stored form (Kong's
  // hashed basic-auth passwords): this turns them into this store's form instead of transforming.
  std::function<void(json& entity)> adoptTransformed;
  // Runs on a validated entity before it is stored: generates keys, hashes passwords, normalises.
  std::function<core::Status(json& entity)> beforeWrite;
  // Runs on every stored entity read back; false hides it (an expired credential).
  std::function<bool(json& entity, double now)> afterRead;  // now: Unix seconds with a fraction

  const Field* field(const std::string& fieldName) const;
  const Field* foreignTo(const std::string& entityName) const;  // first foreign field referencing it
};

using EntitySchemaConstPtr = const EntitySchema*;

}  // namespace sluice::schema
