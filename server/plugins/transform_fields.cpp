#include "plugins/transform_fields.h"

#include "plugins/config_values.h"

namespace sluice::plugins {
using schema::json;

schema::Field nameList(std::string field) {
  return schema::arrayField(std::move(field), schema::stringField("name")).asRequired().withDefault(json::array());
}

schema::Field colonPairList(std::string field) {
  const schema::Field pair = schema::stringField("pair").withCheck([](const json& v) -> std::optional<std::string> {
    const std::string s = v.get<std::string>();
    if (s.find(':') == std::string::npos || s.front() == ':') return "key '" + s + "' has no value";
    return std::nullopt;
  });
  return schema::arrayField(std::move(field), pair).asRequired().withDefault(json::array());
}

std::pair<std::string, std::string> splitColonPair(std::string_view pair) {
  const size_t colon = pair.find(':');
  if (colon == std::string_view::npos) return {std::string(pair), {}};
  return {std::string(pair.substr(0, colon)), std::string(pair.substr(colon + 1))};
}

std::vector<std::pair<std::string, std::string>> colonPairs(const nlohmann::json& config, const char* group, const char* field) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : stringList(config.at(group), field)) out.push_back(splitColonPair(p));
  return out;
}

BodyEdits bodyEdits(const nlohmann::json& config, const char* field) {
  BodyEdits e;
  const auto has = [&](const char* group) { return config.contains(group) && config.at(group).contains(field); };
  if (has("remove")) e.remove = stringList(config.at("remove"), field);
  if (has("rename")) e.rename = colonPairs(config, "rename", field);
  if (has("replace")) e.replace = colonPairs(config, "replace", field);
  if (has("add")) e.add = colonPairs(config, "add", field);
  if (has("append")) e.append = colonPairs(config, "append", field);
  const auto types = [&](const char* group) {
    return config.contains(group) && config.at(group).contains("json_types") ? stringList(config.at(group), "json_types")
                                                                             : std::vector<std::string>();
  };
  e.replaceTypes = types("replace");
  e.addTypes = types("add");
  e.appendTypes = types("append");
  return e;
}

HeaderTransform HeaderTransform::fromConfig(const nlohmann::json& config) {
  HeaderTransform t;
  t.remove = stringList(config.at("remove"), "headers");
  t.rename = colonPairs(config, "rename", "headers");
  t.replace = colonPairs(config, "replace", "headers");
  t.add = colonPairs(config, "add", "headers");
  t.append = colonPairs(config, "append", "headers");
  return t;
}

}  // namespace sluice::plugins
