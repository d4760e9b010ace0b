// request-termination: answer every request with a fixed response, never reaching the upstream.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

// Kong: a message is a JSON body of its own, so it excludes `body`; `content_type` describes `body`.
schema::EntityCheck messageOrBody() {
  schema::EntityCheck check;
  check.name = "custom_entity_check";
  check.args = json{{"field_sources", json::array({"message", "body", "content_type"})}};
  check.fieldNames = {"message", "body", "content_type"};
  check.run = [](const json& config) -> std::optional<json> {
    const auto set = [&](const char* f) { return config.contains(f) && config[f].is_string(); };
    if (set("message") && (set("body") || set("content_type")))
      return json::array({"message cannot be used with content_type or body"});
    if (set("content_type") && !set("body")) return json::array({"content_type requires a body"});
    return std::nullopt;
  };
  return check;
}

}  // namespace

const schema::PluginSchema& requestTerminationSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "request-termination";
    p.priority = 2;
    p.config = {
        schema::integerField("status_code").withDefault(503).withBetween(100, 599).withDescription(
            "The status of the response."),
        schema::stringField("message").withDescription("A message for the default JSON body {\"message\": ...}."),
        schema::stringField("content_type").withDescription("The Content-Type of `body`."),
        schema::stringField("body").withDescription("A raw response body (instead of `message`)."),
        schema::booleanField("echo").asRequired().withDefault(false).withDescription(
            "Answer with a JSON description of the request (for debugging)."),
        schema::stringField("trigger").withDescription(
            "Terminate only requests carrying this header or query argument."),
    };
    p.configChecks = {messageOrBody()};
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
