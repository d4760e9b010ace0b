#pragma once
// Field shapes shared by request-transformer and response-transformer: lists of names and lists
// of "name:value" pairs, grouped in remove / rename / replace / add / append records.
#include "plugins/body_edits.h"
#include "schema/field.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice::plugins {

schema::Field nameList(std::string field);        // ["x-a", "x-b"]
schema::Field colonPairList(std::string field);   // ["x-a:1", "x-b:two"] (value may be empty after the colon)
// "name:value" split at the first colon.
std::pair<std::string, std::string> splitColonPair(std::string_view pair);
// config[group][field] as name/value pairs.
std::vector<std::pair<std::string, std::string>> colonPairs(const nlohmann::json& config, const char* group, const char* field);
// The body edits of config.<group>.<field> for each group that has the field (json_types included).
BodyEdits bodyEdits(const nlohmann::json& config, const char* field);

}  // namespace sluice::plugins
