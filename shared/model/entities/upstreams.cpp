// Upstreams: a virtual host name balanced over targets, with health checks (Kong's upstreams.lua).
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {
namespace td = schema::typedefs;
using schema::json;
using schema::Field;

namespace {

const std::vector<json> kHashOn{"none", "consumer", "ip", "header", "cookie"};
const std::vector<json> kCheckTypes{"tcp", "http", "https", "grpc", "grpcs"};

Field statuses(const char* name, json defaults) {
  return schema::arrayField(name, td::httpStatus("status")).withDefault(std::move(defaults));
}

Field counter(const char* name) { return schema::integerField(name).withDefault(0).withBetween(0, 255); }

Field interval() {
  return schema::numberField("interval").withDefault(0).withBetween(0, 65535).withDescription(
      "Seconds between active probes (0 disables probing in this state).");
}

// Kong declares each health-check record with its whole default spelled out: the defaults of the
// fields below it (fields without one are left out).
json declaredDefaults(const Field& record) {
  json out = json::object();
  for (const auto& f : record.fields) {
    if (f.defaultValue) out[f.name] = *f.defaultValue;
    else if (f.type == schema::FieldType::Record) out[f.name] = declaredDefaults(f);
  }
  return out;
}

Field withDeclaredDefaults(Field record) {
  for (auto& f : record.fields)
    if (f.type == schema::FieldType::Record) f = withDeclaredDefaults(f);
  return record.withDefault(declaredDefaults(record));
}

Field healthchecks() {
  Field active = schema::recordField(
      "active",
      {
          schema::stringField("type").withDefault("http").withOneOf(kCheckTypes),
          schema::numberField("timeout").withDefault(1).withBetween(0, 65535).withDescription("Probe timeout in seconds."),
          schema::integerField("concurrency").withDefault(10).withBetween(1, 2147483648.0),
          td::path("http_path").withDefault("/"),
          td::host("https_sni"),
          schema::booleanField("https_verify_certificate").asRequired().withDefault(true),
          schema::recordField("healthy", {interval(), statuses("http_statuses", {200, 302}), counter("successes")}),
          schema::recordField("unhealthy", {interval(),
                                            statuses("http_statuses", {429, 404, 500, 501, 502, 503, 504, 505}),
                                            counter("tcp_failures"), counter("timeouts"), counter("http_failures")}),
      });
  Field passive = schema::recordField(
      "passive",
      {
          schema::stringField("type").withDefault("http").withOneOf(kCheckTypes),
          schema::recordField("healthy", {statuses("http_statuses", {200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300,
                                                                     301, 302, 303, 304, 305, 306, 307, 308}),
                                          counter("successes")}),
          schema::recordField("unhealthy", {statuses("http_statuses", {429, 500, 503}), counter("tcp_failures"),
                                            counter("timeouts"), counter("http_failures")}),
      });
  active = withDeclaredDefaults(active);
  passive = withDeclaredDefaults(passive);
  return schema::recordField("healthchecks",
                             {active, passive,
                              schema::numberField("threshold").withDefault(0).withBetween(0, 100).withDescription(
                                  "Percentage of healthy weight below which the whole upstream is unhealthy.")})
      .withDefault(json{{"active", declaredDefaults(active)}, {"passive", declaredDefaults(passive)}})
      .withDescription("Active and passive health checks of the targets.");
}

schema::EntityCheck hashRules() {
  schema::EntityCheck check;
  check.name = "custom";
  check.args = "hash_on/hash_fallback need their header or cookie field";
  check.fieldNames = {"hash_on", "hash_fallback"};
  check.run = [](const json& e) -> std::optional<json> {
    json errors = json::object();
    const std::string on = e["hash_on"], fallback = e["hash_fallback"];
    const auto need = [&](const std::string& mode, const char* kind, const char* field) {
      if (mode == kind && e[field].is_null()) errors[field] = "required field missing";
    };
    need(on, "header", "hash_on_header");
    need(fallback, "header", "hash_fallback_header");
    need(on, "cookie", "hash_on_cookie");
    need(fallback, "cookie", "hash_on_cookie");
    if ((on == "none" || on == "cookie") && fallback != "none") errors["hash_fallback"] = "expected one of: none";
    if (errors.empty()) return std::nullopt;
    return errors;
  };
  return check;
}

}  // namespace

const schema::EntitySchema& upstreams() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "upstreams";
    s.adminPath = "upstreams";
    s.endpointKey = "name";
    s.fields = {
        td::id(),
        td::createdAt(),
        td::host("name").asRequired().asUnique().withDescription("The virtual host name services use as their host."),
        schema::stringField("algorithm")
            .withDefault("round-robin")
            .withOneOf({"consistent-hashing", "least-connections", "round-robin"})
            .withDescription("How targets are chosen."),
        schema::stringField("hash_on").withDefault("none").withOneOf(kHashOn),
        schema::stringField("hash_fallback").withDefault("none").withOneOf(kHashOn),
        td::headerName("hash_on_header"),
        td::headerName("hash_fallback_header"),
        schema::stringField("hash_on_cookie"),
        td::path("hash_on_cookie_path").withDefault("/"),
        schema::integerField("slots").withDefault(10000).withBetween(10, 65536).withDescription(
            "Slots in the consistent-hashing ring."),
        healthchecks(),
        td::tags(),
        td::host("host_header").withDescription("Host header sent to targets (overrides the upstream name)."),
        schema::foreignField("client_certificate", "certificates").withDescription(
            "Certificate presented to targets for mTLS."),
    };
    s.checks = {hashRules()};
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
