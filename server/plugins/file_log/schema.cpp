// file-log: append a JSON line per request to a file.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
using schema::json;

const schema::PluginSchema& fileLogSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "file-log";
    p.protocols = schema::PluginProtocols::Any;
    p.priority = 9;
    p.config = {
        schema::stringField("path")
            .asRequired()
            .withCheck([](const json& v) -> std::optional<std::string> {
              const std::string s = v.get<std::string>();
              if (s.empty() || s.find_first_of("*&%`") != std::string::npos)
                return "not a valid filename";
              return std::nullopt;
            })
            .withDescription("The file to append to (created if missing)."),
        schema::booleanField("reopen").asRequired().withDefault(false).withDescription(
            "Open the file for every batch of lines (after log rotation moved it)."),
        schema::typedefs::luaCode("custom_fields_by_lua"),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
