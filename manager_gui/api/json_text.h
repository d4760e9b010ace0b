#pragma once
// A string member of an Admin API answer as a QString (empty when absent or not a string).
#include <QString>

#include <nlohmann/json.hpp>

namespace sluice::manager {

inline QString jsonText(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

}  // namespace sluice::manager
