#pragma once
// Reading a validated plugin config (defaults already filled in by the schema).
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace sluice::plugins {

// A string field, empty when unset (null).
inline std::string optionalString(const nlohmann::json& config, const char* field) {
  const auto it = config.find(field);
  return it != config.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A number field, `fallback` when unset (null).
inline double numberOr(const nlohmann::json& config, const char* field, double fallback) {
  const auto it = config.find(field);
  return it != config.end() && it->is_number() ? it->get<double>() : fallback;
}

// An array-of-strings field, empty when unset.
inline std::vector<std::string> stringList(const nlohmann::json& config, const char* field) {
  std::vector<std::string> out;
  const auto it = config.find(field);
  if (it != config.end() && it->is_array())
    for (const auto& v : *it) out.push_back(v.get<std::string>());
  return out;
}

// A number as Kong writes it into a header or a metric (Lua's tostring, "%.14g"): 10 -> "10", 0.5 -> "0.5".
inline std::string luaNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.14g", value);
  return text;
}

}  // namespace sluice::plugins
