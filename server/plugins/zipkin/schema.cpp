// zipkin: traces of each request to a Zipkin collector (Kong 2.8's kong/plugins/zipkin/schema.lua).
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

#include <set>

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

// Tags the plugin sets itself: a static tag may not name them.
const std::vector<std::string> kProtectedTags = {"error", "http.method", "http.path", "http.status_code", "kong.balancer.state",
                                                 "kong.balancer.try", "kong.consumer", "kong.credential", "kong.node.id",
                                                 "kong.route", "kong.service", "lc", "peer.hostname"};

std::optional<std::string> notProtected(const json& value) {
  const std::string name = value.get<std::string>();
  for (const auto& p : kProtectedTags)
    if (p == name) {
      std::string list;
      for (const auto& q : kProtectedTags) list += (list.empty() ? "" : ", ") + q;
      return "must not be one of: " + list;
    }
  return std::nullopt;
}

std::optional<std::string> noRepeatedTags(const json& tags) {
  std::set<std::string> seen;
  for (const auto& tag : tags) {
    const std::string name = tag.is_object() && tag.contains("name") && tag["name"].is_string() ? tag["name"].get<std::string>() : "";
    if (!seen.insert(name).second) return "repeated tags are not allowed: " + name;
  }
  return std::nullopt;
}

}  // namespace

const schema::PluginSchema& zipkinSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "zipkin";
    p.protocols = schema::PluginProtocols::Undeclared;
    p.priority = 100000;
    const std::vector<json> types{"b3", "b3-single", "w3c", "jaeger", "ot"};
    std::vector<json> withPreserve{"preserve", "ignore"};
    withPreserve.insert(withPreserve.end(), types.begin(), types.end());
    p.config = {
        schema::stringField("local_service_name").asRequired().withDefault("kong").withDescription("This gateway's name in the traces."),
        td::url("http_endpoint").withDescription("The collector's span endpoint (Zipkin's /api/v2/spans); none: spans are not sent."),
        schema::numberField("sample_ratio").withDefault(0.001).withBetween(0, 1).withDescription(
            "The share of requests traced when the caller did not decide."),
        schema::stringField("default_service_name").withDescription("The remote service's name when a span has none."),
        schema::booleanField("include_credential").asRequired().withDefault(true),
        schema::integerField("traceid_byte_count").asRequired().withDefault(16).withOneOf({8, 16}),
        schema::stringField("header_type").asRequired().withDefault("preserve").withOneOf(withPreserve),
        schema::stringField("default_header_type").asRequired().withDefault("b3").withOneOf(types),
        schema::stringField("tags_header").asRequired().withDefault("Zipkin-Tags"),
        schema::arrayField("static_tags", schema::recordField("tag", {schema::stringField("name").asRequired().withCheck(notProtected),
                                                                     schema::stringField("value").asRequired()}))
            .withCheck(noRepeatedTags),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
