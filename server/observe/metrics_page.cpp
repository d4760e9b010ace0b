#include "observe/metrics_page.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace sluice::observe {
namespace {

// The connection figures of nginx's status module under Kong's state names, from /status's counters.
constexpr std::pair<const char*, const char*> kConnectionStates[] = {
    {"accepted", "connections_accepted"}, {"handled", "connections_handled"}, {"total", "total_requests"},
    {"active", "connections_active"},     {"reading", "connections_reading"}, {"writing", "connections_writing"},
    {"waiting", "connections_waiting"}};

// Kong 2.8's node families (kong/plugins/prometheus/exporter.lua at 2.8.4). Its Lua memory and
// nginx timer gauges have nothing to measure here and are left out.
void kong28NodeFamilies(const nlohmann::json& connections, bool reachable, PrometheusText& out) {
  const auto count = [&](const char* key) { return static_cast<double>(connections.value(key, uint64_t{0})); };
  out.family("kong_datastore_reachable", "Datastore reachable from Kong, 0 is unreachable", "gauge");
  out.sample("kong_datastore_reachable", {}, reachable ? 1 : 0);
  out.family("kong_nginx_http_current_connections", "Number of HTTP connections", "gauge");
  for (const auto& [state, key] : kConnectionStates) out.sample("kong_nginx_http_current_connections", {{"state", state}}, count(key));
  out.family("kong_nginx_metric_errors_total", "Number of nginx-lua-prometheus errors", "counter");
  out.sample("kong_nginx_metric_errors_total", {}, 0);
}

// Kong 3.x's node families.
void kong3NodeFamilies(const MetricsSources& s, const nlohmann::json& connections, bool reachable,
                       PrometheusText& out) {
  const auto count = [&](const char* key) { return static_cast<double>(connections.value(key, uint64_t{0})); };
  out.family("kong_nginx_connections_total", "Number of connections by subsystem", "gauge");
  for (const auto& [state, key] : kConnectionStates)
    out.sample("kong_nginx_connections_total", {{"node_id", s.nodeId}, {"subsystem", "http"}, {"state", state}}, count(key));
  out.family("kong_nginx_requests_total", "Number of requests total", "gauge");
  out.sample("kong_nginx_requests_total", {{"node_id", s.nodeId}, {"subsystem", "http"}}, count("total_requests"));
  out.family("kong_datastore_reachable", "Datastore reachable from Kong, 0 is unreachable", "gauge");
  out.sample("kong_datastore_reachable", {}, reachable ? 1 : 0);
  out.family("kong_node_info", "Kong Node metadata information", "gauge");
  out.sample("kong_node_info", {{"node_id", s.nodeId}, {"version", s.version}}, 1);
}

// One series per state and address, 1 for the target's current state (Kong's shape).
void kongTargetHealth(const ConfigFigures& config, PrometheusText& out) {
  if (config.targets.empty()) return;
  out.family("kong_upstream_target_health",
             "Health status of targets of upstream. States = healthchecks_off|healthy|unhealthy|dns_error, "
             "value is 1 when state is populated.",
             "gauge");
  for (const auto& t : config.targets) {
    std::string current = t.state;
    for (char& c : current) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto emit = [&](std::string_view address) {
      for (const char* state : {"healthchecks_off", "healthy", "unhealthy", "dns_error"})
        out.sample("kong_upstream_target_health",
                   {{"upstream", t.upstream}, {"target", t.target}, {"address", address}, {"state", state}, {"subsystem", "http"}},
                   current == state ? 1 : 0);
    };
    if (t.addresses.empty()) emit("");
    for (const auto& a : t.addresses) emit(a);
  }
}

void sluiceNodeFamilies(const nlohmann::json& connections, const MetricsSources& s, const std::optional<ConfigFigures>& config,
                        PrometheusText& out) {
  const ProcessUsage usage = processUsage();
  out.family("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", "counter");
  out.sample("process_cpu_seconds_total", {}, usage.cpuSeconds);
  out.family("process_resident_memory_bytes", "Resident memory size in bytes.", "gauge");
  out.sample("process_resident_memory_bytes", {}, static_cast<double>(usage.residentBytes));
  out.family("sluice_connections", "Client connections of the proxy and Admin API listeners, by state", "gauge");
  for (const auto& [state, key] : {std::pair{"active", "connections_active"},
                                   {"reading", "connections_reading"},
                                   {"writing", "connections_writing"},
                                   {"waiting", "connections_waiting"}})
    out.sample("sluice_connections", {{"state", state}}, static_cast<double>(connections.value(key, uint64_t{0})));
  out.family("sluice_connections_accepted_total", "Client connections accepted since start", "counter");
  out.sample("sluice_connections_accepted_total", {}, static_cast<double>(connections.value("connections_accepted", uint64_t{0})));
  out.family("sluice_requests_total", "Requests received since start (proxy and Admin API)", "counter");
  out.sample("sluice_requests_total", {}, static_cast<double>(connections.value("total_requests", uint64_t{0})));
  out.family("sluice_upstream_connections", "Connections to upstreams held by the workers: open (in use or idle) and idle",
             "gauge");
  out.sample("sluice_upstream_connections", {{"state", "open"}}, static_cast<double>(connections.value("upstream_connections_open", uint64_t{0})));
  out.sample("sluice_upstream_connections", {{"state", "idle"}}, static_cast<double>(connections.value("upstream_connections_idle", uint64_t{0})));
  out.family("sluice_config_builds_total", "Configuration snapshots compiled since start", "counter");
  out.sample("sluice_config_builds_total", {}, static_cast<double>(connections.value("config_builds", uint64_t{0})));
  if (!s.configVersion) return;
  out.family("sluice_config_version", "Version of the configuration snapshot the proxy runs on", "gauge");
  out.sample("sluice_config_version", {}, static_cast<double>(s.configVersion()));
  if (!config) return;
  out.family("sluice_config_build_seconds", "Time the current configuration snapshot took to compile", "gauge");
  out.sample("sluice_config_build_seconds", {}, config->buildSeconds);
  out.family("sluice_config_routes", "Routes in the current configuration snapshot", "gauge");
  out.sample("sluice_config_routes", {}, static_cast<double>(config->routes));
  if (config->targets.empty()) return;
  out.family("sluice_upstream_target_healthy", "1 when a target takes traffic (healthy, or health checks off), 0 otherwise",
             "gauge");
  for (const auto& t : config->targets)
    out.sample("sluice_upstream_target_healthy", {{"upstream", t.upstream}, {"target", t.target}},
               t.state == "HEALTHY" || t.state == "HEALTHCHECKS_OFF" ? 1 : 0);
}

}  // namespace

std::string renderMetrics(const MetricsSources& s) {
  PrometheusText out;
  const nlohmann::json connections = s.connections ? s.connections() : nlohmann::json::object();
  const bool reachable = s.datastoreReachable && s.datastoreReachable();
  const std::optional<ConfigFigures> config = s.config ? s.config() : std::nullopt;
  if (s.kong28Names) kong28NodeFamilies(connections, reachable, out);
  else kong3NodeFamilies(s, connections, reachable, out);
  if (s.kongFamilies) s.kongFamilies(out);
  // Kong 2.8 always reports target health; 3.x once a prometheus plugin is configured.
  if (config && (s.kong28Names || (s.kongUpstreamHealth && s.kongUpstreamHealth()))) kongTargetHealth(*config, out);
  sluiceNodeFamilies(connections, s, config, out);
  if (s.requests) s.requests->renderPrometheus(out);
  if (s.accessLog) {
    out.family("sluice_access_log_lines_total", "Access log lines written", "counter");
    out.sample("sluice_access_log_lines_total", {}, static_cast<double>(s.accessLog->written()));
    out.family("sluice_access_log_dropped_total", "Access log lines dropped because the writer fell behind", "counter");
    out.sample("sluice_access_log_dropped_total", {}, static_cast<double>(s.accessLog->dropped()));
  }
  return out.take();
}

void addNodeFigures(const MetricsSources& s, nlohmann::json& frame) {
  const nlohmann::json c = s.connections ? s.connections() : nlohmann::json::object();
  frame["connections"] = {{"active", c.value("connections_active", uint64_t{0})},
                          {"reading", c.value("connections_reading", uint64_t{0})},
                          {"writing", c.value("connections_writing", uint64_t{0})},
                          {"waiting", c.value("connections_waiting", uint64_t{0})}};
  frame["upstream_connections"] = {{"open", c.value("upstream_connections_open", uint64_t{0})},
                                   {"idle", c.value("upstream_connections_idle", uint64_t{0})}};
  const ProcessUsage usage = processUsage();
  frame["process"] = {{"cpu_seconds", usage.cpuSeconds}, {"resident_bytes", usage.residentBytes}};
  nlohmann::json targets = nlohmann::json::array();
  if (s.configVersion) frame["config_version"] = s.configVersion();
  if (const auto config = s.config ? s.config() : std::nullopt)
    for (const auto& t : config->targets) targets.push_back({{"upstream", t.upstream}, {"target", t.target}, {"health", t.state}});
  frame["targets"] = std::move(targets);
}

ProcessUsage processUsage() {
  ProcessUsage u;
  std::ifstream stat("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Fields after the command name (which may hold spaces) start past the last ')'.
  const auto close = text.rfind(')');
  if (close != std::string::npos) {
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    long long rss = 0;
    for (int i = 3; fields >> field; ++i) {
      if (i == 14) utime = std::stoull(field);
      else if (i == 15) stime = std::stoull(field);
      else if (i == 24) {
        rss = std::stoll(field);
        break;
      }
    }
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    u.cpuSeconds = static_cast<double>(utime + stime) / ticks;
    u.residentBytes = static_cast<uint64_t>(std::max<long long>(0, rss)) * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  }
  return u;
}

}  // namespace sluice::observe
