// Services: an upstream API that routes send traffic to (Kong's services.lua).
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {
namespace td = schema::typedefs;
using schema::json;

namespace {

// url shorthand: "https://example.com:8443/api" -> protocol, host, port, path.
std::optional<std::string> expandUrl(const json& value, json& entity) {
  const std::string url = value.get<std::string>();
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "missing scheme in url";
  entity["protocol"] = url.substr(0, scheme);
  std::string rest = url.substr(scheme + 3);
  const auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  entity["path"] = slash == std::string::npos ? json(nullptr) : json(rest.substr(slash));
  const auto colon = authority.rfind(':');
  const bool bracketed = !authority.empty() && authority.front() == '[';
  if (colon != std::string::npos && (!bracketed || authority[colon - 1] == ']')) {
    try {
      entity["port"] = std::stoi(authority.substr(colon + 1));
    } catch (const std::exception&) {
      return "invalid port in url";
    }
    authority = authority.substr(0, colon);
  } else {
    entity["port"] = entity["protocol"] == "https" || entity["protocol"] == "grpcs" ? 443 : 80;
  }
  if (bracketed) authority = authority.substr(1, authority.size() - 2);
  if (authority.empty()) return "missing host in url";
  entity["host"] = authority;
  return std::nullopt;
}

schema::EntityCheck protocolRules() {
  schema::EntityCheck check;
  check.name = "custom";
  check.args = "path only for http(s); client_certificate only for https/tls";
  check.fieldNames = {"protocol", "path", "client_certificate"};
  check.run = [](const json& e) -> std::optional<json> {
    const std::string protocol = e["protocol"].get<std::string>();
    json errors = json::object();
    const bool l4 = protocol == "tcp" || protocol == "tls" || protocol == "udp" || protocol == "grpc" ||
                    protocol == "grpcs" || protocol == "tls_passthrough";
    if (l4 && !e["path"].is_null()) errors["path"] = "value must be null";
    if (protocol != "https" && protocol != "tls" && !e["client_certificate"].is_null())
      errors["client_certificate"] = "value must be null";
    if (errors.empty()) return std::nullopt;
    return errors;
  };
  return check;
}

}  // namespace

const schema::EntitySchema& services() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "services";
    s.adminPath = "services";
    s.endpointKey = "name";
    s.fields = {
        td::id(),
        td::createdAt(),
        td::updatedAt(),
        td::name().withDescription("The service name."),
        schema::integerField("retries").withDefault(5).withBetween(0, 32767).withDescription(
            "How many times to retry an upstream on a failure to connect."),
        td::protocol().asRequired().withDefault("http").withDescription("The protocol used to talk to the upstream."),
        td::host().asRequired().withDescription("The host of the upstream server, or the name of an upstream."),
        td::port().asRequired().withDefault(80).withDescription("The upstream server port."),
        td::path(),
        td::timeout("connect_timeout").withDefault(60000).withDescription("Milliseconds to establish a connection."),
        td::timeout("write_timeout").withDefault(60000).withDescription("Milliseconds between two writes."),
        td::timeout("read_timeout").withDefault(60000).withDescription("Milliseconds between two reads."),
        td::tags(),
        schema::foreignField("client_certificate", "certificates")
            .withDescription("Certificate presented to the upstream for mTLS."),
        schema::booleanField("tls_verify").withDescription("Verify the upstream's TLS certificate (null: global setting)."),
        schema::integerField("tls_verify_depth").withBetween(0, 64).withDescription("Maximum certificate chain depth."),
        schema::arrayField("ca_certificates", td::uuid("ca_certificate"))
            .withDescription("CA certificates (ids) used to verify the upstream."),
        schema::booleanField("enabled").asRequired().withDefault(true).withDescription(
            "Whether the service is proxied to."),
    };
    s.checks = {protocolRules()};
    s.shorthands = {{schema::stringField("url"), expandUrl}};
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
