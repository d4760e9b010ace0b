#pragma once
// Schemas as JSON, in the shape Kong serves at /schemas/{entity} and /schemas/plugins/{name}:
// {"fields": [{"<name>": {"type": ..., "required": ..., "default": ...}}, ...], "entity_checks": [...]}.
#include "schema/entity_schema.h"
#include "schema/plugin_schema.h"

namespace sluice::schema {

json fieldToJson(const Field& field);
json entitySchemaToJson(const EntitySchema& schema);
// A plugin's schema as Kong serves it (/schemas/plugins/{name}): the scopes it forbids, its
// protocols field when it declares one, and its `config` record.
json pluginSchemaToJson(const PluginSchema& plugin);
// The `config` record alone (Kong 2.8's deprecated /plugins/schema/{name}).
json pluginConfigToJson(const PluginSchema& plugin);

}  // namespace sluice::schema
