#pragma once
// YAML (a superset of JSON) to nlohmann::json and back, with YAML 1.2 core typing of plain scalars:
// true/false, null/~, integers and floats; quoted scalars stay strings.
#include "core/result.h"

#include <nlohmann/json.hpp>

namespace sluice::declarative {

core::Result<nlohmann::json> parseYaml(const std::string& text);
std::string toYaml(const nlohmann::json& value);

}  // namespace sluice::declarative
