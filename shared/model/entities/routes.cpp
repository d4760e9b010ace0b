// Routes: rules that match requests to a service (Kong's routes.lua, traditional router fields).
#include "model/entities.h"
#include "schema/typedefs.h"

#include <set>

namespace sluice::model {
namespace td = schema::typedefs;
using schema::json;

namespace {

schema::EntityCheck routeRules() {
  schema::EntityCheck check;
  check.name = "custom";
  check.args = "protocol families, required matching fields per family, snis only with TLS protocols";
  check.fieldNames = {"protocols", "methods", "hosts", "paths", "headers", "snis", "sources", "destinations"};
  check.run = [](const json& e) -> std::optional<json> {
    std::set<std::string> protocols;
    for (const auto& p : e["protocols"]) protocols.insert(p.get<std::string>());
    const auto has = [&](const char* f) { return e[f].is_array() ? !e[f].empty() : e[f].is_object() && !e[f].empty(); };
    const auto any = [&](std::initializer_list<const char*> ps) {
      for (const char* p : ps)
        if (protocols.count(p)) return true;
      return false;
    };
    const bool http = any({"http", "https"}), grpc = any({"grpc", "grpcs"}), l4 = any({"tcp", "tls", "udp"}),
               passthrough = any({"tls_passthrough"});
    if (int(http) + int(grpc) + int(l4) + int(passthrough) > 1)
      return json{{"protocols", "mixing http/https, grpc/grpcs, tcp/tls/udp and tls_passthrough is not allowed"}};
    json errors = json::object();
    if (e["headers"].is_object())
      for (auto it = e["headers"].begin(); it != e["headers"].end(); ++it) {
        std::string lower = it.key();
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == "host") errors["headers"] = "cannot contain 'host' header";
      }
    if (has("snis") && !any({"https", "grpcs", "tls", "tls_passthrough"}))
      errors["snis"] = "'snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls' or 'tls_passthrough'";
    if (!errors.empty()) return errors;
    if ((http || grpc) && !has("methods") && !has("hosts") && !has("headers") && !has("paths") && !has("snis"))
      return json::array({"must set one of 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is "
                          "'" + std::string(http ? "http' or 'https'" : "grpc' or 'grpcs'")});
    if (l4 && !has("sources") && !has("destinations") && !has("snis"))
      return json::array({"must set one of 'sources', 'destinations', 'snis' when 'protocols' is 'tcp', 'tls' or 'udp'"});
    if (passthrough && !has("snis"))
      return json::array({"must set snis when 'protocols' is 'tls_passthrough'"});
    return std::nullopt;
  };
  return check;
}

schema::Field endpointSet(const char* name) {
  return schema::setField(name, schema::recordField("endpoint", {td::cidr("ip"), td::port("port")}));
}

}  // namespace

const schema::EntitySchema& routes() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "routes";
    s.adminPath = "routes";
    s.nestedPath = "routes";
    s.nestedUnder = "service";
    s.endpointKey = "name";
    std::vector<json> protocols(td::serviceProtocols());
    s.fields = {
        td::id(),
        td::createdAt(),
        td::updatedAt(),
        td::name().withDescription("The route name."),
        schema::setField("protocols", schema::stringField("protocol").withOneOf(protocols))
            .asRequired()
            .withLenMin(1)
            .withDefault(json::array({"http", "https"}))
            .withDescription("Protocols this route accepts."),
        schema::setField("methods", td::httpMethod("method")).withDescription("HTTP methods that match."),
        schema::arrayField("hosts", td::wildcardHost("host")).withDescription("Host names that match (wildcards allowed)."),
        schema::arrayField("paths", td::routerPath("path")).withDescription("Path prefixes, or regexes starting with ~."),
        schema::mapField("headers", td::headerName("name"),
                         schema::arrayField("values", schema::stringField("value")).withLenMin(1))
            .withDescription("Request headers that match (name -> any of the values)."),
        schema::integerField("https_redirect_status_code")
            .asRequired()
            .withDefault(426)
            .withOneOf({426, 301, 302, 307, 308})
            .withDescription("Status returned when a route requires HTTPS and the request used HTTP."),
        schema::integerField("regex_priority").withDefault(0).withDescription(
            "Order among routes with regex paths (higher first)."),
        schema::booleanField("strip_path").asRequired().withDefault(true).withDescription(
            "Remove the matched path prefix before proxying."),
        schema::stringField("path_handling").withDefault("v0").withOneOf({"v0", "v1"}).withDescription(
            "How the service path and the request path are joined."),
        schema::booleanField("preserve_host").asRequired().withDefault(false).withDescription(
            "Send the client's Host header upstream."),
        schema::booleanField("request_buffering").asRequired().withDefault(true).withDescription(
            "Buffer request bodies before proxying."),
        schema::booleanField("response_buffering").asRequired().withDefault(true).withDescription(
            "Buffer response bodies before sending to the client."),
        schema::setField("snis", td::wildcardHost("sni")).withDescription("TLS server names that match."),
        endpointSet("sources").withDescription("Source IP/port pairs (L4 routes)."),
        endpointSet("destinations").withDescription("Destination IP/port pairs (L4 routes)."),
        td::tags(),
        schema::foreignField("service", "services").withDescription("The service this route proxies to."),
    };
    s.checks = {routeRules()};
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
