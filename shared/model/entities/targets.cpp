// Targets: a host:port an upstream balances over, with a weight (Kong's targets.lua).
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {
namespace td = schema::typedefs;
using schema::json;

namespace {

constexpr int kDefaultTargetPort = 8000;

// Splits "host[:port]" ("[v6]:port" for IPv6); an empty port means none was given.
bool splitTarget(const std::string& text, std::string& host, std::string& port) {
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string::npos) return false;
    host = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') return false;
      port = text.substr(close + 2);
    }
    return td::isIpv6(host);
  }
  if (std::count(text.begin(), text.end(), ':') > 1) {  // bare IPv6
    host = text;
    return td::isIpv6(host);
  }
  const auto colon = text.find(':');
  host = text.substr(0, colon);
  if (colon != std::string::npos) port = text.substr(colon + 1);
  return td::isIpv4(host) || td::isHostname(host);
}

std::optional<std::string> checkTarget(const json& value) {
  std::string host, port;
  if (!splitTarget(value.get<std::string>(), host, port)) return "Invalid target; not a valid hostname or ip address";
  if (!port.empty()) {
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
      return "Invalid target; not a valid port number";
  }
  return std::nullopt;
}

core::Status normalizeTarget(json& entity) {
  std::string host, port;
  splitTarget(entity["target"].get<std::string>(), host, port);
  if (port.empty()) port = std::to_string(kDefaultTargetPort);
  entity["target"] = (td::isIpv6(host) ? "[" + host + "]" : host) + ":" + port;
  return core::Ok{};
}

}  // namespace

const schema::EntitySchema& targets() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "targets";
    s.nestedPath = "targets";
    s.nestedUnder = "upstream";
    s.endpointKey = "target";
    s.cacheKey = {"upstream", "target"};
    s.fields = {
        td::id(),
        td::createdAtMillis(),
        schema::foreignField("upstream", "upstreams").asRequired().onDeleteCascade(),
        schema::stringField("target").asRequired().withCheck(checkTarget).withDescription(
            "host:port of the target (port 8000 when omitted)."),
        schema::integerField("weight").withDefault(100).withBetween(0, 65535).withDescription(
            "Relative share of traffic (0 disables the target)."),
        td::tags(),
    };
    s.beforeWrite = normalizeTarget;
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
