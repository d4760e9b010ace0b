#include "admin/health_endpoints.h"

#include "core/uuid.h"
#include "model/entities.h"

namespace sluice::admin {
namespace {

const snapshot::UpstreamRuntime* findUpstream(const snapshot::ConfigSnapshot& snap, const std::string& id) {
  for (const auto& u : snap.upstreams)
    if (u.id == id) return &u;
  return nullptr;
}

}  // namespace

std::optional<AdminResponse> HealthEndpoints::handle(const AdminRequest& request) {
  const auto& s = request.segments;
  const bool healthPath = s.size() == 3 && s[0] == "upstreams" && s[2] == "health";
  const bool historyPath = s.size() == 4 && s[0] == "upstreams" && s[2] == "health" && s[3] == "history";
  // .../targets/{t}/healthy, or .../targets/{t}/{address}/healthy for one of its addresses.
  const bool setPath = (s.size() == 5 || s.size() == 6) && s[0] == "upstreams" && s[2] == "targets" &&
                       (s.back() == "healthy" || s.back() == "unhealthy");
  if (!healthPath && !setPath && !historyPath) return std::nullopt;
  if ((healthPath || historyPath) && request.method != "GET" && request.method != "HEAD") return messageResponse(405, "Method not allowed");
  if (setPath && request.method != "POST") return messageResponse(405, "Method not allowed");
  auto upstream = core::isUuid(s[1]) ? store_.get(model::upstreams(), s[1]) : store_.findBy(model::upstreams(), "name", s[1]);
  if (!upstream) return errorResponse(upstream.error());
  if (!*upstream) return messageResponse(404, "Not found");
  if (healthPath) return health(**upstream, request);
  if (historyPath) return history(**upstream, request);
  return setHealth(**upstream, s[3], s.size() == 6 ? s[4] : std::string(), s.back() == "healthy");
}

AdminResponse HealthEndpoints::health(const json& upstream, const AdminRequest& request) {
  const auto snap = publisher_.current();
  const auto* up = findUpstream(*snap, upstream["id"].get<std::string>());
  const bool checksOn = up && (up->health.activeEnabled() || up->health.passiveEnabled());
  const auto stateOf = [&](const snapshot::TargetRuntime& t) -> std::string { return up->healthState(t); };
  if (request.queryValue("balancer_health")) {
    int64_t total = 0, healthy = 0;
    if (up)
      for (const auto& t : up->targets) {
        total += t.weight;
        if (stateOf(t) != "UNHEALTHY" && stateOf(t) != "DNS_ERROR") healthy += t.weight;
      }
    const double threshold = up ? up->health.threshold : 0;
    const bool ok = total > 0 && (threshold == 0 || static_cast<double>(healthy) * 100.0 / static_cast<double>(total) >= threshold) && healthy > 0;
    return jsonResponse(200, json{{"data", {{"id", upstream["id"]}, {"health", !checksOn ? "HEALTHCHECKS_OFF" : ok ? "HEALTHY" : "UNHEALTHY"},
                                            {"total_weight", total}, {"healthy_weight", healthy}}},
                                  {"next", nullptr}, {"node_id", nodeId_}});
  }
  json data = json::array();
  if (up) {
    for (const auto& t : up->targets) {
      json addresses = json::array();
      for (const auto& a : t.addresses) {
        const auto colon = a.text.rfind(':');
        std::string ip = a.text.substr(0, colon);
        if (ip.size() > 2 && ip.front() == '[') ip = ip.substr(1, ip.size() - 2);
        addresses.push_back({{"ip", ip}, {"port", t.port}, {"weight", t.weight}, {"health", stateOf(t)}});
      }
      json entry{{"id", t.id}, {"target", t.target}, {"weight", t.weight}, {"upstream", {{"id", up->id}}},
                 {"health", stateOf(t)}, {"data", {{"addresses", addresses}}}};
      if (t.health && !t.health->lastChange().empty()) entry["data"]["last_change"] = t.health->lastChange();
      data.push_back(std::move(entry));
    }
  }
  return jsonResponse(200, json{{"data", data}, {"next", nullptr}, {"node_id", nodeId_}});
}

AdminResponse HealthEndpoints::history(const json& upstream, const AdminRequest& request) {
  int64_t since = 0;
  if (const auto v = request.queryValue("since")) {
    try {
      size_t used = 0;
      since = std::stoll(*v, &used);
      if (used != v->size() || since < 0) throw std::invalid_argument("since");
    } catch (const std::exception&) {
      return errorResponse(core::Error::schemaViolation(json{{"since", "expected milliseconds since the epoch"}}));
    }
  }
  const std::string only = request.queryValue("target").value_or("");
  const std::string upstreamId = upstream["id"];
  // Target ids as the configuration has them now (a target deleted since keeps its name only).
  std::map<std::string, std::string> ids;
  const auto snap = publisher_.current();
  if (const auto* up = findUpstream(*snap, upstreamId))
    for (const auto& t : up->targets) ids[t.target] = t.id;
  json data = json::array();
  for (const auto& e : registry_.history(upstreamId, since)) {
    const auto id = ids.find(e.target);
    if (!only.empty() && e.target != only && (id == ids.end() || id->second != only)) continue;
    data.push_back({{"at", e.atMs}, {"target", e.target}, {"target_id", id == ids.end() ? json(nullptr) : json(id->second)},
                    {"health", e.healthy ? "HEALTHY" : e.source == "dns" ? "DNS_ERROR" : "UNHEALTHY"}, {"reason", e.reason}, {"source", e.source}});
  }
  return jsonResponse(200, json{{"data", data}, {"upstream", {{"id", upstreamId}}}, {"node_id", nodeId_}});
}

AdminResponse HealthEndpoints::setHealth(const json& upstream, const std::string& target, const std::string& address,
                                         bool healthy) {
  const std::string upstreamId = upstream["id"];
  // The target by id or by host:port (with the default port added as the entity does).
  std::string name = target;
  if (core::isUuid(target)) {
    auto found = store_.get(model::targets(), target);
    if (!found) return errorResponse(found.error());
    if (!*found) return messageResponse(404, "Not found");
    name = (**found)["target"];
  } else if (name.find(':') == std::string::npos) {
    name += ":8000";
  }
  auto exists = store_.findBy(model::targets(), "target", name, {{"upstream", json(upstreamId)}});
  if (!exists) return errorResponse(exists.error());
  if (!*exists) return messageResponse(404, "Not found");
  // Sluice keeps health per target: an address of it (one its name resolves to) sets the target.
  if (!address.empty()) {
    bool known = false;
    const auto snap = publisher_.current();
    if (const auto* up = findUpstream(*snap, upstreamId))
      for (const auto& t : up->targets)
        if (t.target == name)
          for (const auto& a : t.addresses) known = known || a.text == address;
    if (!known) return messageResponse(400, "no address " + address + " for target " + name);
  }
  registry_.get(upstreamId, name)->set(healthy, healthy ? "set healthy through the Admin API" : "set unhealthy through the Admin API");
  return noContent();
}

}  // namespace sluice::admin
