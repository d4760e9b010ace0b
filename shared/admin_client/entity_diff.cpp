#include "admin_client/entity_diff.h"

#include <set>

namespace sluice::admin_client {

namespace {

using nlohmann::json;

bool timestamp(const std::string& path) { return path == "created_at" || path == "updated_at"; }

void walk(const std::string& prefix, const json& before, const json& after, std::vector<FieldChange>& out) {
  if (before.is_object() && after.is_object()) {
    std::set<std::string> keys;
    for (auto it = before.begin(); it != before.end(); ++it) keys.insert(it.key());
    for (auto it = after.begin(); it != after.end(); ++it) keys.insert(it.key());
    for (const auto& key : keys) {
      const std::string path = prefix.empty() ? key : prefix + "." + key;
      if (prefix.empty() && timestamp(path)) continue;
      static const json kNull;
      walk(path, before.contains(key) ? before[key] : kNull, after.contains(key) ? after[key] : kNull, out);
    }
    return;
  }
  // A record that appears or goes: its fields one by one, so that a creation lists what was set.
  if (before.is_object() && after.is_null()) return walk(prefix, before, json::object(), out);
  if (before.is_null() && after.is_object()) return walk(prefix, json::object(), after, out);
  if (before != after) out.push_back({prefix, before, after});
}

}  // namespace

std::vector<FieldChange> diffEntity(const json& before, const json& after) {
  std::vector<FieldChange> out;
  walk("", before.is_null() ? json::object() : before, after.is_null() ? json::object() : after, out);
  return out;
}

std::string shortValue(const json& value) {
  if (value.is_null()) return "null";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

}  // namespace sluice::admin_client
