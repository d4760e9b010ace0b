#include "loadtest/loadtest_plan.h"

#include "loadgen/route_request.h"
#include "loadgen/threshold.h"
#include "router/path_normalizer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>

namespace sluice::loadtest {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<double> seconds(const json& v) {
  if (v.is_number() && v.get<double>() > 0) return v.get<double>();
  if (v.is_string()) return loadgen::parseDuration(v.get<std::string>());
  return std::nullopt;
}

struct HeaderLookup {
  const std::vector<std::pair<std::string, std::string>>* headers;
  static std::string_view find(const void* context, std::string_view name) {
    for (const auto& [n, v] : *static_cast<const HeaderLookup*>(context)->headers)
      if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          }))
        return v;
    return {};
  }
};

}  // namespace

core::Result<loadgen::LoadPlan> planLoadtest(const LoadtestInput& in) {
  const json& b = in.body;
  json errors = json::object();
  loadgen::LoadPlan plan;
  loadgen::RequestTemplate request;
  const json& route = in.route;

  // The request: the route's own method, host and path unless given.
  request.method = b.contains("method") && b["method"].is_string() ? b["method"].get<std::string>() : loadgen::routeMethod(route);
  if (b.contains("path")) {
    if (!b["path"].is_string() || b["path"].get<std::string>().empty() || b["path"].get<std::string>()[0] != '/')
      errors["path"] = "expected a path starting with /";
    else request.path = b["path"].get<std::string>();
  } else {
    request.path = loadgen::routePath(route);
  }
  if (b.contains("headers")) {
    if (!b["headers"].is_object()) errors["headers"] = "expected an object of header names and values";
    else
      for (const auto& [name, value] : b["headers"].items()) {
        if (!value.is_string()) errors["headers"] = "header values must be strings";
        else request.headers.emplace_back(name, value.get<std::string>());
      }
  }
  bool hostGiven = false;
  for (const auto& [name, value] : request.headers) hostGiven = hostGiven || lower(name) == "host";
  if (!hostGiven)
    if (const std::string host = loadgen::routeHost(route); !host.empty()) request.headers.emplace_back("Host", host);
  if (in.credential) request.headers.push_back(*in.credential);
  if (b.contains("body")) {
    if (b["body"].is_string()) request.body = b["body"].get<std::string>();
    else if (b["body"].is_object() || b["body"].is_array()) {
      request.body = b["body"].dump();
      const bool typed = std::any_of(request.headers.begin(), request.headers.end(), [](const auto& h) { return lower(h.first) == "content-type"; });
      if (!typed) request.headers.emplace_back("Content-Type", "application/json");
    } else errors["body"] = "expected a string or JSON";
  }

  // How much load, within the node's limits.
  const auto integer = [&](const char* name, int fallback, int low, int high) {
    if (!b.contains(name)) return fallback;
    if (!b[name].is_number_integer() || b[name].get<int64_t>() < low || b[name].get<int64_t>() > high) {
      errors[name] = "expected an integer from " + std::to_string(low) + " to " + std::to_string(high);
      return fallback;
    }
    return b[name].get<int>();
  };
  plan.connections = integer("connections", 10, 1, in.limits.maxConnections);
  plan.threads = std::min(integer("threads", 1, 1, in.limits.maxThreads), plan.connections);
  if (b.contains("requests")) {
    if (!b["requests"].is_number_integer() || b["requests"].get<int64_t>() < 1) errors["requests"] = "expected a positive integer";
    else plan.maxRequests = b["requests"].get<uint64_t>();
  }
  plan.durationSeconds = 10;
  if (b.contains("duration")) {
    const auto d = seconds(b["duration"]);
    if (!d || *d <= 0) errors["duration"] = "expected a duration such as 30s or 2m";
    else plan.durationSeconds = *d;
  }
  if (b.contains("timeout")) {
    const auto d = seconds(b["timeout"]);
    if (!d || *d <= 0) errors["timeout"] = "expected a duration such as 2s";
    else plan.timeoutSeconds = plan.connectTimeoutSeconds = *d;
  }
  if (b.contains("think_time")) {
    const auto think = b["think_time"].is_string() ? loadgen::parseThinkTime(b["think_time"].get<std::string>()) : std::nullopt;
    if (!think) errors["think_time"] = "expected a duration such as 500ms, or a range such as 1s-3s";
    else std::tie(plan.thinkSeconds, plan.thinkMaxSeconds) = *think;
  }
  if (b.contains("rate")) {
    if (!b["rate"].is_number() || !(b["rate"].get<double>() > 0)) errors["rate"] = "expected a positive number of requests per second";
    else plan.rate = b["rate"].get<double>();
  }
  if (b.contains("stages")) {
    std::string error;
    bool rateStages = plan.rate > 0;
    const auto stages = b["stages"].is_string() ? loadgen::parseStages(b["stages"].get<std::string>(), rateStages, error) : std::nullopt;
    if (!stages) errors["stages"] = error.empty() ? "expected stages such as 10s:100,30s:100" : error;
    else {
      plan.stages = *stages;
      plan.rateStages = rateStages;
      if (!rateStages)
        for (const auto& s : plan.stages)
          if (s.target > in.limits.maxConnections) errors["stages"] = "more connections than loadtest_max_connections (" + std::to_string(in.limits.maxConnections) + ")";
    }
  }
  if (plan.issueSeconds() > in.limits.maxSeconds)
    errors[b.contains("stages") ? "stages" : "duration"] = "longer than loadtest_max_duration (" + std::to_string(static_cast<int>(in.limits.maxSeconds)) + "s)";
  if (b.contains("thresholds")) {
    if (!b["thresholds"].is_array()) errors["thresholds"] = "expected an array such as [\"p99<50ms\"]";
    else
      for (const auto& t : b["thresholds"]) {
        std::string error;
        if (!t.is_string() || !loadgen::parseThreshold(t.get<std::string>(), error)) {
          errors["thresholds"] = t.is_string() ? error : "thresholds are strings";
          break;
        }
        plan.thresholds.push_back(t.get<std::string>());
      }
  }

  // Where: this node's proxy, plain HTTP when the route allows it.
  const bool plainAllowed = !route.contains("protocols") || !route["protocols"].is_array() ||
                            std::any_of(route["protocols"].begin(), route["protocols"].end(), [](const json& p) { return p == "http"; });
  const net::ListenAddress* listener = nullptr;
  for (const auto& l : in.listeners)
    if (!listener && l.ssl != plainAllowed) listener = &l;
  if (!listener && !in.listeners.empty()) listener = &in.listeners.front();
  if (!listener) return core::Error::badRequest("this node has no proxy listener to test through");
  plan.target.tls = listener->ssl;
  plan.target.host = listener->host == "0.0.0.0" || listener->host.empty() ? "127.0.0.1" : listener->host == "::" ? "::1" : listener->host;
  plan.target.port = listener->port;
  plan.target.hostHeader = (plan.target.host.find(':') != std::string::npos ? "[" + plan.target.host + "]" : plan.target.host) + ":" +
                           std::to_string(plan.target.port);

  // Nothing but this route: ask the router where such a request goes.
  if (errors.empty()) {
    const size_t query = request.path.find('?');
    std::string normalized;
    if (!router::normalizePath(std::string_view(request.path).substr(0, query), normalized)) {
      errors["path"] = "not a valid path";
    } else {
      std::string host = plan.target.hostHeader;
      for (const auto& [name, value] : request.headers)
        if (lower(name) == "host") host = value;
      HeaderLookup lookup{&request.headers};
      router::MatchInput match;
      match.method = request.method;
      match.host = host;
      match.path = normalized;
      match.protocol = plan.target.tls ? router::kHttps : router::kHttp;
      match.sni = host;
      match.headerContext = &lookup;
      match.header = &HeaderLookup::find;
      const router::MatchResult m = in.snapshot.router.match(match);
      const std::string routeId = route.value("id", "");
      if (!m.matched || m.index >= in.snapshot.routes.size() || in.snapshot.routes[m.index].id != routeId) {
        const std::string other = m.matched && m.index < in.snapshot.routes.size()
                                      ? "route '" + (in.snapshot.routes[m.index].name.empty() ? in.snapshot.routes[m.index].id
                                                                                             : in.snapshot.routes[m.index].name) + "'"
                                      : "no route";
        errors["path"] = request.method + " " + request.path + " (Host " + host + ") goes to " + other +
                         " on this node, not to the route under test";
      }
    }
  }
  if (!errors.empty()) return core::Error::schemaViolation(errors);
  plan.requests.push_back(std::move(request));
  if (const auto problems = loadgen::validate(plan); !problems.empty()) return core::Error::badRequest(problems.front());
  return plan;
}

core::Result<std::optional<loadgen::CapacitySearch>> capacitySearchOf(const json& body, const LoadtestLimits& limits) {
  if (!body.contains("capacity") || body["capacity"].is_null()) return std::optional<loadgen::CapacitySearch>();
  const json& c = body["capacity"];
  if (!c.is_object()) return core::Error::schemaViolation(json{{"capacity", "expected an object such as {\"start_rate\": 100, \"step\": 100}"}});
  loadgen::CapacitySearch search;
  std::map<std::string, std::string> errors;
  const auto number = [&](const char* name, double& into) {
    if (!c.contains(name)) return;
    if (!c[name].is_number()) errors[std::string("capacity.") + name] = "expected a number";
    else into = c[name].get<double>();
  };
  const auto duration = [&](const char* name, double& into, double scale) {
    if (!c.contains(name)) return;
    const auto d = seconds(c[name]);
    if (!d) errors[std::string("capacity.") + name] = "expected a duration such as 10s or 50ms";
    else into = *d * scale;
  };
  number("start_rate", search.startRate);
  number("step", search.step);
  number("max_rate", search.maxRate);
  number("error_limit", search.errorLimit);
  number("follow_share", search.followShare);
  duration("step_duration", search.stepSeconds, 1.0);
  duration("p99_limit", search.p99LimitMs, 1000.0);
  if (c.contains("max_steps")) {
    if (!c["max_steps"].is_number_integer()) errors["capacity.max_steps"] = "expected an integer";
    else search.maxSteps = c["max_steps"].get<int>();
  }
  for (const auto& problem : loadgen::validate(search)) errors.emplace("capacity", problem);
  if (errors.empty() && search.stepSeconds * search.maxSteps > limits.maxSeconds)
    errors["capacity"] = "max_steps × step_duration is longer than loadtest_max_duration (" +
                         std::to_string(static_cast<int>(limits.maxSeconds)) + "s)";
  if (!errors.empty()) {
    json fields = json::object();
    for (const auto& [k, v] : errors) fields[k] = v;
    return core::Error::schemaViolation(fields);
  }
  return std::optional<loadgen::CapacitySearch>(search);
}

}  // namespace sluice::loadtest
