#include "admin/router_endpoints.h"

#include "admin/request_body.h"
#include "http/grpc_status.h"
#include "http/http_types.h"
#include "loadgen/load_plan.h"
#include "router/path_normalizer.h"

#include <algorithm>
#include <map>

namespace sluice::admin {
namespace {

struct Probe {
  std::string method = "GET";
  std::string scheme = "http";
  std::string host;
  std::string path = "/";
  std::string sni;
  std::map<std::string, std::string> headers;  // lower-case names
  size_t nearest = 5;
};

std::string_view headerOf(const void* context, std::string_view name) {
  const auto& headers = *static_cast<const std::map<std::string, std::string>*>(context);
  const auto it = headers.find(http::toLower(name));
  return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

core::Result<Probe> readProbe(const json& body) {
  Probe p;
  std::map<std::string, std::string> errors;
  const auto text = [&](const char* key, std::string& into) {
    if (!body.contains(key) || body[key].is_null()) return;
    if (!body[key].is_string()) errors[key] = "expected a string";
    else into = body[key].get<std::string>();
  };
  if (body.contains("url") && !body["url"].is_null()) {
    std::string error = "expected http(s)://host/path";
    const auto url = body["url"].is_string() ? loadgen::parseUrl(body["url"].get<std::string>(), error) : std::nullopt;
    if (!url) {
      errors["url"] = error;
    } else {
      p.scheme = url->first.tls ? "https" : "http";
      p.host = url->first.hostHeader;
      p.path = url->second;
    }
  }
  text("method", p.method);
  text("scheme", p.scheme);
  text("host", p.host);
  text("path", p.path);
  text("sni", p.sni);
  std::transform(p.method.begin(), p.method.end(), p.method.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  p.scheme = http::toLower(p.scheme);
  if (p.scheme != "http" && p.scheme != "https") errors["scheme"] = "expected http or https";
  if (p.method.empty()) errors["method"] = "expected a method";
  if (body.contains("headers") && !body["headers"].is_null()) {
    if (!body["headers"].is_object()) {
      errors["headers"] = "expected an object of header names and values";
    } else {
      for (const auto& [name, value] : body["headers"].items()) {
        if (value.is_string()) p.headers[http::toLower(name)] = value.get<std::string>();
        else if (value.is_array() && !value.empty() && value.front().is_string()) p.headers[http::toLower(name)] = value.front().get<std::string>();
        else errors["headers." + name] = "expected a string";
      }
    }
  }
  if (body.contains("nearest") && !body["nearest"].is_null()) {
    if (!body["nearest"].is_number_integer() || body["nearest"].get<int64_t>() < 0 || body["nearest"].get<int64_t>() > 100)
      errors["nearest"] = "expected an integer from 0 to 100";
    else p.nearest = body["nearest"].get<size_t>();
  }
  // A Host header in `headers` stands for `host`, as it does on the wire.
  if (p.host.empty())
    if (const auto it = p.headers.find("host"); it != p.headers.end()) p.host = it->second;
  const auto query = p.path.find('?');
  if (query != std::string::npos) p.path.resize(query);
  if (p.path.empty() || p.path.front() != '/') errors["path"] = "expected a path starting with /";
  // Over TLS the client names the host it wants unless told otherwise.
  if (p.sni.empty() && p.scheme == "https") p.sni = std::string(http::hostWithoutPort(p.host));
  if (!errors.empty()) {
    json fields = json::object();
    for (const auto& [k, v] : errors) fields[k] = v;
    return core::Error::schemaViolation(fields);
  }
  return p;
}

json routeJson(const snapshot::ConfigSnapshot& snap, const router::RouteExplanation& e) {
  const auto& r = snap.routes[e.index];
  json out{{"id", r.id}, {"name", r.name.empty() ? json(nullptr) : json(r.name)}, {"position", e.position + 1},
           {"matches_on", e.matchesOn}, {"regex_priority", e.regexPriority}, {"longest_path", e.longestPath},
           {"regex_path", e.regexPath}};
  if (r.service >= 0) {
    const auto& s = snap.services[static_cast<size_t>(r.service)];
    out["service"] = {{"id", s.id}, {"name", s.name.empty() ? json(nullptr) : json(s.name)}};
  } else {
    out["service"] = nullptr;
  }
  return out;
}

json failedJson(const std::vector<router::FailedRule>& failed) {
  json out = json::array();
  for (const auto& f : failed) out.push_back({{"rule", f.rule}, {"detail", f.detail}});
  return out;
}

bool takes(const router::RouteExplanation& e) {
  return e.failed.empty() || (e.failed.size() == 1 && e.failed.front().rule == "protocol");
}

// What the proxy does with a request the route took (proxy/exchange_start.cpp).
json answerFor(const snapshot::ConfigSnapshot& snap, const snapshot::RouteRuntime& route, bool protocolMismatch,
               const Probe& probe) {
  if (protocolMismatch) {
    if (route.httpsRedirectStatus == 426) return {{"status", 426}, {"outcome", "the route takes https only: 426 Upgrade Required"}};
    return {{"status", route.httpsRedirectStatus}, {"outcome", "the route takes https only: redirected to https"}};
  }
  if (route.grpc || route.grpcs) {
    const auto type = probe.headers.find("content-type");
    if (type == probe.headers.end() || !http::isGrpcContentType(type->second))
      return {{"status", 415}, {"outcome", "a gRPC route, and the request is not gRPC (content-type application/grpc)"}};
  }
  if (route.service < 0) return {{"status", 503}, {"outcome", "the route has no service: its plugins run, then 503"}};
  const auto& service = snap.services[static_cast<size_t>(route.service)];
  if (!service.enabled) return {{"status", 404}, {"outcome", "the route's service is disabled: no Route matched"}};
  return {{"status", nullptr}, {"outcome", "proxied to the service"}};
}

}  // namespace

std::optional<AdminResponse> RouterEndpoints::handle(const AdminRequest& request) {
  const auto& s = request.segments;
  if (!(s.size() == 3 && s[0] == "sluice" && s[1] == "router" && s[2] == "explain")) return std::nullopt;
  if (request.method != "POST") return messageResponse(405, "Method not allowed");
  return explain(request);
}

AdminResponse RouterEndpoints::explain(const AdminRequest& request) {
  auto body = parseBody(request);
  if (!body) return errorResponse(body.error());
  if (!body->value.is_object()) return messageResponse(400, "expected a JSON object");
  auto probe = readProbe(body->value);
  if (!probe) return errorResponse(probe.error());
  std::string normalized;
  if (!router::normalizePath(probe->path, normalized)) {
    return errorResponse(core::Error::schemaViolation(json{{"path", "not a valid path (the proxy answers it 400)"}}));
  }
  const auto snap = publisher_.current();
  router::MatchInput in;
  in.method = probe->method;
  in.host = probe->host;
  in.path = normalized;
  in.protocol = probe->scheme == "https" ? router::kHttps : router::kHttp;
  in.sni = probe->sni;
  in.headerContext = &probe->headers;
  in.header = headerOf;
  const router::MatchResult match = snap->router.match(in);
  const auto explained = snap->router.explain(in);

  json headers = json::object();
  for (const auto& [k, v] : probe->headers) headers[k] = v;
  json out{{"request", {{"method", probe->method}, {"scheme", probe->scheme}, {"host", probe->host}, {"path", normalized},
                        {"sni", probe->sni.empty() ? json(nullptr) : json(probe->sni)}, {"headers", headers}}},
           {"configuration_version", snap->version},
           {"routes", snap->router.size()}};
  const router::RouteExplanation* winner = nullptr;
  if (match.matched)
    for (const auto& e : explained)
      if (e.index == match.index) {
        winner = &e;
        break;
      }
  json nearest = json::array(), alsoMatching = json::array();
  if (winner) {
    out["route"] = routeJson(*snap, *winner);
    out["answer"] = answerFor(*snap, snap->routes[match.index], match.protocolMismatch, *probe);
    for (const auto& e : explained)
      if (e.position > winner->position && takes(e) && alsoMatching.size() < probe->nearest) {
        json r = routeJson(*snap, e);
        r["behind_because"] = "the chosen route comes first: " + snap->router.whyBefore(winner->position, e.position);
        alsoMatching.push_back(std::move(r));
      }
  } else {
    out["route"] = nullptr;
    out["answer"] = {{"status", 404}, {"outcome", "no Route matched with those values"}};
  }
  // The routes that came closest: fewest failing rules, then Kong's order.
  std::vector<const router::RouteExplanation*> missed;
  for (const auto& e : explained)
    if (!takes(e)) missed.push_back(&e);
  std::stable_sort(missed.begin(), missed.end(),
                   [](const auto* a, const auto* b) { return a->failed.size() < b->failed.size(); });
  for (size_t i = 0; i < missed.size() && i < probe->nearest; ++i) {
    json r = routeJson(*snap, *missed[i]);
    r["failed"] = failedJson(missed[i]->failed);
    if (winner && missed[i]->position < winner->position) r["ahead_of_chosen"] = true;
    nearest.push_back(std::move(r));
  }
  out["also_matching"] = std::move(alsoMatching);
  out["nearest"] = std::move(nearest);
  return jsonResponse(200, std::move(out));
}

}  // namespace sluice::admin
