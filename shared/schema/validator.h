#pragma once
// Validation and normalisation driven by schemas: defaults, shorthands, auto values, type and
// constraint checks, entity checks, then the entity's own beforeWrite hook. Used by the Admin API,
// by declarative config loading and (later) by the manager for pre-checks.
#include "core/result.h"
#include "schema/entity_schema.h"
#include "schema/plugin_schema.h"

namespace sluice::schema {

struct ValidationContext {
  // The schema of an enabled plugin, or null.
  std::function<const PluginSchema*(const std::string& name)> findPlugin;
  // Why a plugin this build lacks is refused (whether it is planned, or why it never will be);
  // empty: Kong's own "not enabled" message.
  std::function<std::string(const std::string& name)> missingPlugin;
  // Compiles a pattern as the router will; returns an error message, or nullopt when it compiles.
  std::function<std::optional<std::string>(const std::string& pattern)> checkRegex;
  // Keep a given updated_at (restoring an export) instead of stamping the time of this write.
  bool keepTimestamps = false;
};

// Validates a complete entity (a PATCH is merged into the stored entity first) and returns it as it
// will be stored: every field present, defaults filled, auto values generated.
core::Result<json> validateEntity(const EntitySchema& schema, const json& input, const ValidationContext& ctx);

// Validates a plugin's `config` record in place (defaults filled); returns field errors or null.
json validatePluginConfig(const PluginSchema& plugin, json& config, const ValidationContext& ctx);

// Merges a PATCH body into a stored entity: records merge field by field, everything else is replaced.
json mergePatch(const std::vector<Field>& fields, json stored, const json& patch);

// Converts form-urlencoded string values to the schema's types ("80" -> 80, "true" -> true,
// "a" for an array -> ["a"]). Values that do not convert are left for the validator to reject.
json coerceStrings(const std::vector<Field>& fields, const json& input);
// `input` with each null field that has a default given that default, records included.
json defaultsForNulls(const std::vector<Field>& fields, const json& input);

}  // namespace sluice::schema
