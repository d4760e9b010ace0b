// response-transformer: edit the upstream's response headers before they reach the client.
#include "plugins/transform_fields.h"
#include "schema/plugin_schema.h"

namespace sluice::plugins {
using schema::json;

const schema::PluginSchema& responseTransformerSchema() {
  static const schema::PluginSchema kSchema = [] {
    const auto group = [](const char* name, bool pairs, bool json, bool jsonTypes) {
      std::vector<schema::Field> fields{pairs ? colonPairList("headers") : nameList("headers")};
      if (json) fields.push_back(pairs ? colonPairList("json") : nameList("json"));
      if (jsonTypes)
        fields.push_back(schema::arrayField("json_types", schema::stringField("type").withOneOf({"boolean", "number", "string"}))
                             .asRequired()
                             .withDefault(json::array()));
      return schema::recordField(name, fields);
    };
    schema::PluginSchema p;
    p.name = "response-transformer";
    p.priority = 800;
    p.config = {
        group("remove", false, true, false),
        group("rename", true, false, false),
        group("replace", true, true, true),
        group("add", true, true, true),
        group("append", true, true, true),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
