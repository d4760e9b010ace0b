#include "app/commands.h"

#include "admin/admin_server.h"
#include "app/cluster_settings_loader.h"
#include "app/config.h"
#include "app/logging.h"
#include "app/pid_file.h"
#include "app/proxy_cache_endpoints.h"
#include "app/proxy_settings_loader.h"
#include "app/store_factory.h"
#include "app/systemd_notifier.h"
#include "app/takeover.h"
#include "cluster/cluster_endpoints.h"
#include "cluster/cluster_tls.h"
#include "cluster/control_plane.h"
#include "cluster/data_plane.h"
#include "core/digest.h"
#include "core/thread_priority.h"
#include "core/uuid.h"
#include "declarative/declarative_config.h"
#include "declarative/yaml_json.h"
#include "app/alert_sources.h"
#include "core/clock.h"
#include "core/periodic_thread.h"
#include "net/listen_address.h"
#include "net/tls_context.h"
#include "observe/access_log.h"
#include "observe/metrics_aggregator.h"
#include "observe/metrics_page.h"
#include "observe/shutdown_deadline.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_storage.h"
#include "plugins/prometheus/kong_series.h"
#include "plugins/prometheus/plugin.h"
#include "plugins/counters/cluster_counter_store.h"
#include "proxy/health_checker.h"
#include "proxy/health_registry.h"
#include "proxy/proxy_server.h"
#include "snapshot/config_figures.h"
#include "snapshot/snapshot_builder.h"
#include "store/migrations.h"

#include <sys/resource.h>

#include <Poco/Net/IPAddress.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#ifndef SLUICE_VERSION
#define SLUICE_VERSION "0.0.0"
#endif

namespace sluice::app {
namespace {

constexpr const char* kUsage = R"(Usage: sluice COMMAND [OPTIONS]

Commands:
  start                      Run the gateway in the foreground until SIGTERM or SIGINT.
  start --takeover           Start and take the listeners over from the sluice running on this
                             prefix (a new binary or configuration), which then drains and exits:
                             no connection is refused or reset.
  reload                     Make the sluice running on this prefix re-read its configuration
                             (SIGHUP).
  stop                       Stop the sluice running on this prefix (SIGTERM: it drains first) and
                             wait until it has exited.
  check                      Check the configuration (the declarative file in DB-less mode, the
                             cluster certificate in hybrid mode).
  migrations bootstrap|up|list|reset
                             Manage the database schema (reset drops everything; needs --yes).
  config db_export FILE      Write every entity to FILE as declarative kong.yml.
  config db_import FILE      Load a declarative kong.yml (format 1.1, 2.1 or 3.0) into the database.
  hybrid gen_cert [CERT [KEY]] [--days N]
                             Make the certificate pair every node of a hybrid cluster shares
                             (cluster_cert, cluster_cert_key; default cluster.crt, cluster.key,
                             valid 1095 days).
  plugins                    List the plugins this build offers: priority, name and phases, in
                             the order they run within a phase.
  version                    Print the version.

Options:
  -c, --conf FILE            Configuration file (kong.conf style: key = value).
  -p, --prefix DIR           Runtime folder (prefix).
      --admin-listen ADDR    Admin API address, e.g. 127.0.0.1:8001.
      --proxy-listen LIST    Proxy listeners.
      --database KIND        sqlite, postgres or off.
      --declarative-config FILE
                             kong.yml to load when database = off.
      --log-level LEVEL      debug, info, notice, warn, error or crit.
  -y, --yes                  Do not ask (migrations reset).
      --days N               Validity of the certificate that hybrid gen_cert makes.
      --takeover             See start.
  -h, --help                 This help.

Every configuration key can also be set in the environment as SLUICE_<KEY> (e.g. SLUICE_PG_HOST);
flags win over the environment, which wins over the file.
)";

struct Arguments {
  std::vector<std::string> words;
  std::string confFile;
  std::map<std::string, std::string> overrides;
  bool yes = false;
  bool help = false;
  bool takeover = false;
  int days = 1095;  // hybrid gen_cert (Kong's three years)
};

core::Result<Arguments> parseArguments(int argc, char** argv) {
  static const std::map<std::string, std::string> kFlagKeys{
      {"-p", "prefix"},          {"--prefix", "prefix"},
      {"--admin-listen", "admin_listen"}, {"--proxy-listen", "proxy_listen"},
      {"--database", "database"}, {"--declarative-config", "declarative_config"},
      {"--log-level", "log_level"}};
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    std::string value;
    const auto eq = a.find('=');
    const bool inlineValue = a.rfind("--", 0) == 0 && eq != std::string::npos;
    if (inlineValue) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
    }
    const auto next = [&]() -> core::Result<std::string> {
      if (inlineValue) return value;
      if (i + 1 >= argc) return core::Error::badRequest("option " + a + " needs a value");
      return std::string(argv[++i]);
    };
    if (a == "-h" || a == "--help") {
      args.help = true;
    } else if (a == "-y" || a == "--yes") {
      args.yes = true;
    } else if (a == "--takeover") {
      args.takeover = true;
    } else if (a == "--days") {
      auto v = next();
      if (!v) return v.error();
      try {
        args.days = std::stoi(*v);
      } catch (const std::exception&) {
        return core::Error::badRequest("--days: expected a number of days");
      }
    } else if (a == "-c" || a == "--conf") {
      auto v = next();
      if (!v) return v.error();
      args.confFile = *v;
    } else if (auto it = kFlagKeys.find(a); it != kFlagKeys.end()) {
      auto v = next();
      if (!v) return v.error();
      args.overrides[it->second] = *v;
    } else if (a.rfind("-", 0) == 0 && a.size() > 1) {
      return core::Error::badRequest("unknown option '" + a + "'");
    } else {
      args.words.push_back(a);
    }
  }
  return args;
}

int fail(const std::string& message) {
  std::cerr << "Error: " << message << "\n";
  return 1;
}

// The Admin API and the status listener listen on the first address of their setting.
bool isLoopback(const std::string& host) {
  if (host == "localhost") return true;
  try {
    return Poco::Net::IPAddress(host).isLoopback();
  } catch (const std::exception&) {
    return false;
  }
}

core::Result<admin::TokenRole> tokenRole(const std::string& key, const std::string& role) {
  if (role == "admin") return admin::TokenRole::Admin;
  if (role == "read-only") return admin::TokenRole::ReadOnly;
  return core::Error::badRequest(key + ": unknown role '" + role + "' (use admin or read-only)");
}

// admin_tokens: "token[:role]", named token-1, token-2, ... in the audit log; admin_token_hashes:
// "name:sha256-hex[:role]", the token's SHA-256 (printf %s TOKEN | sha256sum) instead of the token.
core::Result<std::vector<admin::AdminToken>> parseTokens(const Config& config) {
  std::vector<admin::AdminToken> tokens;
  for (const auto& item : config.list("admin_tokens")) {
    const auto colon = item.rfind(':');
    const std::string token = item.substr(0, colon);
    auto role = tokenRole("admin_tokens", colon == std::string::npos ? "admin" : item.substr(colon + 1));
    if (!role) return role.error();
    if (token.size() < 16) return core::Error::badRequest("admin_tokens: tokens must be at least 16 characters");
    tokens.push_back(admin::AdminToken::clear("token-" + std::to_string(tokens.size() + 1), token, *role));
  }
  for (const auto& item : config.list("admin_token_hashes")) {
    const auto first = item.find(':');
    const auto second = first == std::string::npos ? first : item.find(':', first + 1);
    admin::AdminToken t;
    t.name = item.substr(0, first);
    const std::string hex = first == std::string::npos ? std::string() : item.substr(first + 1, second - first - 1);
    if (t.name.empty() || !admin::parseSha256Hex(hex, t.sha256))
      return core::Error::badRequest("admin_token_hashes: expected name:sha256-hex[:role] (64 hexadecimal digits), got '" + item + "'");
    auto role = tokenRole("admin_token_hashes", second == std::string::npos ? "admin" : item.substr(second + 1));
    if (!role) return role.error();
    t.role = *role;
    tokens.push_back(t);
  }
  return tokens;
}

// The node id survives restarts: it is kept in the prefix.
std::string nodeId(const std::string& prefix) {
  const std::string path = prefix + "/node_id";
  std::ifstream in(path);
  std::string id;
  if (in >> id && core::isUuid(id)) return id;
  id = core::newUuid();
  std::ofstream(path) << id << "\n";
  return id;
}

std::string hostname() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "localhost";
  return buf;
}

core::Result<std::string> readFile(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error::badRequest("cannot read '" + path + "'");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The signals the daemon takes: stop (TERM, INT), reload (HUP), reopen logs (USR1).
sigset_t handledSignals() {
  sigset_t set;
  sigemptyset(&set);
  for (const int sig : {SIGTERM, SIGINT, SIGHUP, SIGUSR1}) sigaddset(&set, sig);
  return set;
}

// Waits for SIGTERM or SIGINT; each SIGHUP calls `reload` first, each SIGUSR1 `reopenLogs`.
int waitForSignal(const std::function<void()>& reload, const std::function<void()>& reopenLogs) {
  const sigset_t set = handledSignals();
  for (;;) {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return SIGTERM;
    if (sig == SIGHUP) {
      reload();
      continue;
    }
    if (sig == SIGUSR1) {
      reopenLogs();
      continue;
    }
    return sig;
  }
}

// Keys that take effect only at start.
constexpr const char* kRestartKeys[] = {"prefix", "background_niceness", "health_history_kept", "config_history_kept", "alert_events_kept", "config_build_idle_wait", "role", "cluster_listen", "cluster_control_plane", "cluster_mtls", "cluster_cert", "cluster_cert_key",
                                        "cluster_ca_cert", "cluster_server_name", "cluster_max_payload", "cluster_ping_interval",
                                        "cluster_max_connections", "proxy_listen", "admin_listen", "admin_ssl_cert", "admin_ssl_cert_key", "admin_tokens",
                                        "admin_token_hashes", "admin_threads",
                                        "admin_max_body_size", "database", "sqlite_path", "pg_host", "pg_port",
                                        "pg_user", "pg_password", "pg_database", "pg_ssl", "pg_timeout",
                                        "declarative_config", "worker_processes", "ssl_cert", "ssl_cert_key",
                                        "ssl_protocols", "large_client_header_buffers", "access_log", "access_log_format",
                                        "access_log_queue", "traces_kept", "status_listen", "observability", "plugin_threads",
                                        "plugin_queue", "plugin_trusted_certificates", "dns_resolver", "dns_stale_ttl",
                                        "dns_not_found_ttl", "dns_error_ttl"};

// How long an Admin request under way may take to finish once a successor serves the Admin port.
constexpr int64_t kHandoverAdminGraceMs = 5000;

// Each proxied request holds two descriptors (client and upstream): take the hard limit, as
// nginx's worker_rlimit_nofile and Kong's start-up do, instead of a shell's default of 1024.
void raiseDescriptorLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

int start(const Config& config, const Arguments& args) {
  raiseDescriptorLimit();
  core::setBackgroundNiceness(static_cast<int>(*config.integer("background_niceness")));  // checked by Config::load
  auto listen = net::parseFirstListen(config.get("admin_listen"), "admin_listen");
  if (!listen) return fail(listen.error().message);
  auto tokens = parseTokens(config);
  if (!tokens) return fail(tokens.error().message);
  if (!isLoopback(listen->host) && tokens->empty())
    return fail("admin_listen is " + config.get("admin_listen") +
                ", which is not a loopback address: set admin_tokens (or admin_token_hashes) to protect the Admin API, or listen on "
                "127.0.0.1");
  std::error_code ec;
  const std::string prefix = config.get("prefix");
  std::filesystem::create_directories(prefix, ec);
  if (ec) return fail("cannot create prefix '" + prefix + "': " + ec.message());
  const std::string pidPath = prefix + "/sluice.pid", takeoverPath = prefix + "/takeover.sock";
  std::optional<TakeoverClient> predecessor;
  if (args.takeover) {
    auto client = TakeoverClient::connect(takeoverPath);
    if (!client) return fail(client.error().message);
    predecessor.emplace(std::move(*client));
  } else if (const pid_t running = runningPid(pidPath)) {
    return fail("sluice is already running on prefix " + prefix + " (pid " + std::to_string(running) +
                "): stop it first (sluice stop), or take it over (sluice start --takeover)");
  }

  auto hybrid = loadClusterSettings(config, nodeId(prefix), hostname(), SLUICE_VERSION);
  if (!hybrid) return fail(hybrid.error().message);
  const bool isDataPlane = hybrid->role == cluster::Role::DataPlane;
  auto store = openStore(config);
  if (!store) return fail(store.error().message);
  (*store)->setHistoryKept(static_cast<size_t>(*config.integer("config_history_kept")));  // checked by Config::load
  const bool dbless = config.get("database") == "off";
  plugins::builtinCatalog().useDatabaselessSchemas(dbless);
  std::string declarativeText;
  if (isDataPlane && !config.get("declarative_config").empty())
    log().warning("declarative_config is ignored on a data plane: the configuration comes from the control plane");
  if (dbless && !isDataPlane && !config.get("declarative_config").empty()) {
    auto text = readFile(config.get("declarative_config"));
    if (!text) return fail(text.error().message);
    declarativeText = *text;
    store::ChangeOriginScope origin({"", "", config.get("declarative_config"), "declarative_config"});
    if (auto s = declarative::load(**store, *text, admin::serverValidationContext(plugins::builtinCatalog()), true); !s)
      return fail(config.get("declarative_config") + ": " + s.error().message);
  }

  admin::NodeInfo node{hostname(), nodeId(config.get("prefix")), SLUICE_VERSION, config.toJson()};
  admin::AdminApi api(**store, plugins::builtinCatalog(), node, *tokens);
  if (dbless && !declarativeText.empty()) api.setConfigurationHash(core::md5Hex(declarativeText));
  api.setDeclarativeMode(dbless);
  api.setDataPlane(isDataPlane);
  auto maxBody = config.bytes("admin_max_body_size");
  auto threads = config.integer("admin_threads");
  if (!threads) return fail(threads.error().message);
  admin::AdminServerSettings adminSettings{listen->host, listen->port, static_cast<size_t>(*maxBody),
                                           static_cast<int>(std::max<int64_t>(2, *threads))};
  if (listen->ssl) {  // admin_ssl_cert, else a self-signed certificate kept in the prefix (as Kong's)
    adminSettings.certificateFile = config.get("admin_ssl_cert");
    adminSettings.keyFile = config.get("admin_ssl_cert_key");
    if (adminSettings.certificateFile.empty() != adminSettings.keyFile.empty())
      return fail("admin_ssl_cert and admin_ssl_cert_key go together");
    if (adminSettings.certificateFile.empty()) {
      adminSettings.certificateFile = config.get("prefix") + "/ssl/admin-default.crt";
      adminSettings.keyFile = config.get("prefix") + "/ssl/admin-default.key";
      if (auto made = net::loadOrCreateDefaultCertificate(adminSettings.certificateFile, adminSettings.keyFile, "localhost"); !made)
        return fail("admin TLS certificate: " + made.error().message);
    }
  }
  admin::AdminServer server(api, adminSettings);
  auto proxySettings = loadProxySettings(config, SLUICE_VERSION);
  if (!proxySettings) return fail(proxySettings.error().message);
  if (const std::string target = config.get("access_log"); target != "off") {
    const std::string format = config.get("access_log_format");  // checked by Config::load
    if (target != "stdout") {
      std::FILE* probe = std::fopen(target.c_str(), "a");  // refuse to start on a file that cannot be written
      if (!probe) return fail("access_log: cannot open '" + target + "' for appending: " + std::strerror(errno));
      std::fclose(probe);
    }
    proxySettings->accessLog = std::make_shared<observe::AccessLog>(
        target, format == "json" ? observe::AccessLog::Format::Json : observe::AccessLog::Format::Combined,
        static_cast<size_t>(*config.integer("access_log_queue")));
  }
  snapshot::SnapshotPublisher publisher;
  proxy::HealthRegistry health(static_cast<size_t>(*config.integer("health_history_kept")));  // checked by Config::load
  snapshot::DnsSettings dns;
  dns.nameServers = *snapshot::nameServerList(config.list("dns_resolver"));  // checked by Config::load
  dns.staleTtlSeconds = static_cast<int>(*config.integer("dns_stale_ttl"));
  dns.notFoundTtlSeconds = static_cast<int>(*config.integer("dns_not_found_ttl"));
  dns.errorTtlSeconds = static_cast<int>(*config.integer("dns_error_ttl"));
  // pg_ro_host: the node's own configuration reads go to the read-only server (the Admin API stays
  // on the primary, as in Kong 2.8). Opened before the builder, which reads from it until it stops.
  auto replica = openReadOnlyStore(config);
  if (!replica) return fail(replica.error().message);
  snapshot::SnapshotBuilder builder(**store, plugins::builtinCatalog(), publisher, health, dns);
  builder.buildInIdleTime(std::chrono::milliseconds(*config.milliseconds("config_build_idle_wait")));
  if (*replica) {
    builder.readFrom(**replica, std::chrono::milliseconds(*config.milliseconds("pg_ro_max_lag")));
    log().information("configuration reads go to the read-only server %s", config.get("pg_ro_host"));
  }
  // The rate-limiting `cluster` policy counts in this node's database.
  builder.nodeState().provide<plugins::SharedCounterStoreFactory>("cluster",
                                                                 std::make_shared<plugins::ClusterCounterStoreFactory>(**store));
  // oauth2's tokens and codes, issued on the data plane, are kept in the same database.
  builder.nodeState().provide(plugins::kPluginRowsKey, plugins::storeRowWriter(**store));
  plugins::PluginSettings pluginSettings;
  pluginSettings.proxyCacheBytes = static_cast<size_t>(*config.bytes("proxy_cache_size"));
  pluginSettings.rateLimitingCounters = static_cast<size_t>(*config.integer("rate_limiting_counters"));
  pluginSettings.rateLimitingSyncMs = static_cast<uint32_t>(*config.milliseconds("rate_limiting_sync_interval"));
  pluginSettings.syslogSocket = config.get("syslog_socket");
  pluginSettings.trustedIps = config.list("trusted_ips");
  pluginSettings.pluginThreads = static_cast<size_t>(*config.integer("plugin_threads"));
  pluginSettings.pluginQueue = static_cast<size_t>(*config.integer("plugin_queue"));
  pluginSettings.trustedCertificates = config.get("plugin_trusted_certificates");
  builder.setPluginSettings(pluginSettings);
  auto kongSeries = std::make_shared<plugins::KongSeries>(config.get("prometheus_kong_names") == "3" ? plugins::KongMetricNames::Kong3
                                                                                                  : plugins::KongMetricNames::Kong28);
  builder.nodeState().provide(plugins::kKongSeriesKey, kongSeries);
  auto metricNames = std::make_shared<observe::MetricNames>(proxySettings->observeConsumers);
  builder.nodeState().provide(observe::kMetricNamesKey, metricNames);
  auto shutdown = std::make_shared<observe::ShutdownDeadline>();
  builder.nodeState().provide(observe::kShutdownDeadlineKey, shutdown);
  // Hybrid mode: a data plane loads its saved configuration before the first snapshot; a control
  // plane is told of each change to the entities the snapshot builder keeps.
  std::unique_ptr<cluster::ControlPlane> controlPlane;
  std::unique_ptr<cluster::DataPlane> dataPlane;
  if (hybrid->role == cluster::Role::ControlPlane) {
    controlPlane = std::make_unique<cluster::ControlPlane>(*hybrid);
    builder.onMirrorChanged([cp = controlPlane.get()](const snapshot::EntityMirror& mirror,
                                                      const snapshot::EntityMirror::Changes& changes,
                                                      uint64_t version) { cp->mirrorChanged(mirror, changes, version); });
  } else if (isDataPlane) {
    dataPlane = std::make_unique<cluster::DataPlane>(*hybrid, **store, [&api](const std::string& hash) { api.setConfigurationHash(hash); });
    if (auto s = dataPlane->start(); !s) return fail("data plane: " + s.error().message);
  }
  api.addPluginEndpoints(cluster::clusterEndpoints(*hybrid, controlPlane.get(), dataPlane.get()));
  if (auto s = builder.start(); !s) return fail("cannot build the configuration: " + s.error().message);
  if (controlPlane)
    if (auto s = controlPlane->start(); !s) return fail(s.error().message);
  proxy::ProxyServer proxy(*proxySettings, publisher);
  proxy::HealthChecker checker(publisher);
  api.setHealthEndpoints(std::make_unique<admin::HealthEndpoints>(**store, publisher, health, node.nodeId));
  api.setRouterEndpoints(std::make_unique<admin::RouterEndpoints>(publisher));
  api.addPluginEndpoints(proxyCacheEndpoints(builder.nodeState(), **store));
  try {
    proxy.start(predecessor ? predecessor->takeListeners() : std::vector<int>{}, !predecessor);
  } catch (const std::exception& e) {
    return fail("cannot listen on " + config.get("proxy_listen") + ": " + e.what());
  }
  const auto counters = [&proxy, &server, &builder, &publisher] {
    admin::json c = proxy.counters();
    const admin::json a = server.counters();
    for (const char* k : {"connections_accepted", "connections_handled", "connections_active", "connections_reading",
                          "connections_writing", "connections_waiting", "total_requests"})
      c[k] = c.value(k, uint64_t{0}) + a.value(k, uint64_t{0});
    c["config_builds"] = builder.builds();
    c["config_version"] = publisher.version();
    return c;
  };
  api.setCounters(admin::ServerCounters{counters});
  auto requestMetrics = std::make_shared<observe::NodeMetrics>(metricNames);
  auto liveFrames = std::make_shared<observe::LiveFrames>();
  auto traces = std::make_shared<observe::TraceStore>(static_cast<size_t>(*config.integer("traces_kept")),
                                                      proxySettings->traceSlowest);
  observe::MetricsSources metrics;
  metrics.nodeId = node.nodeId;
  metrics.version = SLUICE_VERSION;
  metrics.connections = counters;
  metrics.datastoreReachable = [&store] { return (*store)->ping(); };
  metrics.configVersion = [&publisher] { return publisher.version(); };
  metrics.config = [&publisher] { return snapshot::configFigures(publisher); };
  metrics.kong28Names = kongSeries->names() == plugins::KongMetricNames::Kong28;
  metrics.kongFamilies = [kongSeries](observe::PrometheusText& out) { kongSeries->render(out); };
  metrics.kongUpstreamHealth = [kongSeries] { return kongSeries->upstreamHealthExported(); };
  metrics.requests = requestMetrics;
  metrics.accessLog = proxySettings->accessLog;
  api.setMetricsPage([metrics] { return observe::renderMetrics(metrics); });
  api.setObserveEndpoints(std::make_unique<admin::ObserveEndpoints>(liveFrames, requestMetrics, traces,
                                                                    std::max<int>(1, static_cast<int>(*threads) / 2)));
  // Load tests from this host against its own routes (POST /sluice/loadtests).
  auto loadtests = std::make_shared<loadtest::LoadtestRuns>(config.get("prefix") + "/loadtests",
                                                            static_cast<size_t>(*config.integer("loadtests_kept")));
  loadtest::LoadtestLimits loadtestLimits;
  loadtestLimits.maxSeconds = static_cast<double>(*config.milliseconds("loadtest_max_duration")) / 1000.0;
  loadtestLimits.maxConnections = static_cast<int>(*config.integer("loadtest_max_connections"));
  loadtestLimits.maxThreads = static_cast<int>(std::max<int64_t>(1, *config.integer("loadtest_max_threads")));
  api.setLoadtestEndpoints(std::make_unique<admin::LoadtestEndpoints>(**store, publisher, proxySettings->listen, loadtestLimits, loadtests,
                                                                      std::max<int>(1, static_cast<int>(*threads) / 4)));
  // Alerts: the stored rules evaluated once a second, on the aggregator's closed seconds (or on
  // targets and certificates alone when the node keeps no request figures).
  alerts::WebhookDelivery webhooks(shutdown);
  auto alertEngine = std::make_shared<alerts::AlertEngine>(app::alertSources(**store, publisher, webhooks),
                                                           static_cast<size_t>(*config.integer("alert_events_kept")), node.nodeId);
  (*store)->onChange([engine = alertEngine.get()](const store::ChangeSet&) { engine->rulesChanged(); });
  api.setAlertEndpoints(std::make_unique<admin::AlertEndpoints>(alertEngine, node.nodeId));
  observe::MetricsAggregator aggregator(
      requestMetrics, liveFrames,
      [&proxy, requestMetrics, traces] { proxy.flushMetrics(requestMetrics, traces, std::chrono::milliseconds(250)); },
      [metrics, alertEngine](nlohmann::json& frame) {
        observe::addNodeFigures(metrics, frame);
        frame["alerts"] = alertEngine->frameJson();
      });
  aggregator.onSecond([engine = alertEngine.get()](const observe::SecondFigures& second) { engine->evaluate(second); },
                      [engine = alertEngine.get()] { return engine->wantsRouteFigures(); });
  core::PeriodicThread alertTicker;
  if (proxySettings->observe) {
    aggregator.start();
  } else {
    alertTicker.start(std::chrono::seconds(1), [engine = alertEngine.get()] {
      observe::SecondFigures none;
      none.wallMs = core::unixMillis();
      engine->evaluate(none);
    });
  }
  // The Admin API answers only once every endpoint is in place: its threads read them unlocked.
  try {
    server.start();
  } catch (const std::exception& e) {
    return fail("cannot listen on " + config.get("admin_listen") + ": " + e.what());
  }
  // status_listen: /status and /metrics for monitoring systems, apart from the Admin API.
  std::unique_ptr<admin::AdminServer> statusServer;
  if (const std::string statusListen = config.get("status_listen"); statusListen != "off") {
    auto address = net::parseFirstListen(statusListen, "status_listen");
    if (!address) return fail(address.error().message);
    statusServer = std::make_unique<admin::AdminServer>([&api](const admin::AdminRequest& r) { return api.handleStatus(r); },
                                                        admin::AdminServerSettings{address->host, address->port, 4096, 2});
    try {
      statusServer->start();
    } catch (const std::exception& e) {
      return fail("cannot listen on " + statusListen + " (status_listen): " + e.what());
    }
  }
  checker.start();
  // A successor (start --takeover) may take the listeners over from here on.
  std::atomic<pid_t> successor{0};
  TakeoverPoint takeoverPoint(takeoverPath, proxy.listenerFds(), [&successor](pid_t pid) {
    successor = pid;
    ::kill(::getpid(), SIGTERM);  // the main thread drains, as on SIGTERM
  });
  if (auto s = takeoverPoint.start(); !s) log().warning(s.error().message + ": sluice start --takeover cannot take over from this process");
  if (auto s = writePidFile(pidPath); !s) log().warning(s.error().message);
  if (predecessor) {
    proxy.acceptConnections();
    if (auto s = predecessor->ready(); !s) log().warning(s.error().message);
    else
      log().notice("took over from pid " + std::to_string(predecessor->predecessor()) + ": " + std::to_string(proxy.inheritedUsed()) +
                   " listening sockets handed over" +
                   (proxy.inheritedClosed() ? ", " + std::to_string(proxy.inheritedClosed()) + " closed (not in proxy_listen)" : ""));
  }
  log().notice("sluice " SLUICE_VERSION " started: proxy on " + config.get("proxy_listen") + " (" +
               std::to_string(proxySettings->workers) + " workers), Admin API on " + listen->host + ":" +
               std::to_string(server.port()) + ", database " + config.get("database") +
               (config.get("database") == "sqlite" ? " (" + config.get("sqlite_path") + ")" : "") +
               (hybrid->role == cluster::Role::Traditional ? std::string() : std::string(", role ") + cluster::roleName(hybrid->role)));
  // systemd (Type=notify): serving from here on; the heartbeat asks every reactor to answer.
  SystemdNotifier systemd;
  const std::string serving = "proxy on " + config.get("proxy_listen") + ", Admin API on " + listen->host + ":" + std::to_string(server.port());
  systemd.ready(serving);
  systemd.startWatchdog([&proxy](std::chrono::milliseconds deadline) { return proxy.responsive(deadline); });
  const auto reload = [&] {
    systemd.reloading();
    auto next = Config::load(args.confFile, args.overrides);
    if (!next) {
      log().error("SIGHUP: the configuration was not reloaded: " + next.error().message);
      systemd.ready(serving + "; the last reload failed: " + next.error().message);
      return;
    }
    auto settings = loadProxySettings(*next, SLUICE_VERSION);
    if (!settings) {
      log().error("SIGHUP: the configuration was not reloaded: " + settings.error().message);
      systemd.ready(serving + "; the last reload failed: " + settings.error().message);
      return;
    }
    setupLogging(next->get("log_level"));
    proxy.reload(*settings);
    std::string restart;
    for (const char* key : kRestartKeys)
      if (next->get(key) != config.get(key)) restart += std::string(restart.empty() ? "" : ", ") + key;
    log().notice("SIGHUP: configuration reloaded" +
                 (restart.empty() ? std::string() : "; these changes need a restart: " + restart));
    systemd.ready(serving + (restart.empty() ? std::string() : "; changes that need a restart: " + restart));
  };
  const int sig = waitForSignal(reload, [&proxySettings] {
    if (proxySettings->accessLog) proxySettings->accessLog->reopen();
    log().notice("SIGUSR1: log files reopened");
  });
  takeoverPoint.stop();
  systemd.stopWatchdog();
  systemd.stopping("draining");
  const pid_t handedTo = successor.load();
  if (handedTo) log().notice("handed the listeners over to pid " + std::to_string(handedTo) + ", draining");
  else log().notice(std::string("received ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + ", draining");
  // After a handover the successor serves new connections: requests under way here may finish.
  const auto adminGrace = std::chrono::milliseconds(handedTo ? kHandoverAdminGraceMs : 0);
  shutdown->start(std::chrono::milliseconds(*config.milliseconds("drain_timeout")));  // log shippers give up by then
  if (statusServer) statusServer->stop(adminGrace);
  liveFrames->close();  // open live streams end, so that the Admin API can stop
  aggregator.stop();
  alertTicker.stop();
  server.stop(adminGrace);
  proxy.stop(static_cast<uint64_t>(*config.milliseconds("drain_timeout")), handedTo != 0);
  checker.stop();
  if (controlPlane) controlPlane->stop();
  if (dataPlane) dataPlane->stop();
  builder.stop();
  removePidFile(pidPath);
  log().notice("stopped");
  return 0;
}

// `sluice config db_export FILE` / `db_import FILE` ("-" is standard output / input).
int declarativeCommand(const Config& config, const Arguments& args) {
  if (args.words.size() != 3) return fail("usage: sluice config db_export FILE | db_import FILE");
  const std::string sub = args.words[1], file = args.words[2];
  if (config.get("database") == "off") return fail("config " + sub + " needs a database (database = off)");
  auto store = openStore(config);
  if (!store) return fail(store.error().message);
  if (sub == "db_export") {
    auto doc = declarative::exportDocument(**store);
    if (!doc) return fail(doc.error().message);
    const std::string yaml = declarative::toYaml(*doc);
    if (file == "-") {
      std::cout << yaml;
    } else {
      std::ofstream out(file);
      if (!(out << yaml)) return fail("cannot write '" + file + "'");
      std::cout << "exported the configuration to " << file << "\n";
    }
    return 0;
  }
  if (sub == "db_import") {
    auto text = readFile(file);
    if (!text) return fail(text.error().message);
    store::ChangeOriginScope origin({"", "", file, "db_import"});
    if (auto s = declarative::load(**store, *text, admin::serverValidationContext(plugins::builtinCatalog()), false); !s)
      return fail(file + ": " + s.error().message);
    std::cout << "imported " << file << " into the database\n";
    return 0;
  }
  return fail("unknown config subcommand '" + sub + "' (db_export or db_import)");
}

// `sluice reload` and `sluice stop`: a signal to the process the prefix's pid file names. (reload:
// that process re-reads the configuration it was started with, file and environment.)
int signalRunning(const Config& config, const std::string& command) {
  const std::string pidPath = config.get("prefix") + "/sluice.pid";
  const pid_t pid = runningPid(pidPath);
  if (pid == 0) return fail("no sluice is running on prefix " + config.get("prefix") + " (no live process in " + pidPath + ")");
  const std::string who = "sluice (pid " + std::to_string(pid) + ")";
  if (::kill(pid, command == "reload" ? SIGHUP : SIGTERM) != 0) return fail("cannot signal " + who + ": " + std::strerror(errno));
  if (command == "reload") {
    std::cout << "asked " << who << " to reload its configuration (its log says what changed)\n";
    return 0;
  }
  // It drains first: up to drain_timeout, then a few seconds to close the stores.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(*config.milliseconds("drain_timeout")) +
                        std::chrono::seconds(10);
  while (runningPid(pidPath) == pid && ::kill(pid, 0) == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (::kill(pid, 0) == 0 && runningPid(pidPath) == pid) return fail(who + " has not exited yet");
  std::cout << who << " stopped\n";
  return 0;
}

int migrations(const Config& config, const Arguments& args) {
  if (args.words.size() < 2) return fail("migrations needs a subcommand: bootstrap, up, list or reset");
  const std::string sub = args.words[1];
  if (config.get("database") == "off") return fail("migrations need a database (database = off)");
  if (config.get("database") == "sqlite") {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(config.get("sqlite_path")).parent_path(), ec);
  }
  auto db = openDatabase(config);
  if (!db) return fail(db.error().message);
  if (sub == "list") {
    auto state = store::migrationState(**db);
    if (!state) return fail(state.error().message);
    if (!state->bootstrapped) std::cout << "Database needs bootstrapping: run 'sluice migrations bootstrap'\n";
    for (const auto& m : state->executed) std::cout << "executed: " << m << "\n";
    for (const auto& m : state->pending) std::cout << "pending:  " << m << "\n";
    return state->pending.empty() ? 0 : 3;
  }
  if (sub == "bootstrap" || sub == "up") {
    auto ran = sub == "bootstrap" ? store::bootstrap(**db) : store::migrateUp(**db);
    if (!ran) return fail(ran.error().message);
    for (const auto& m : *ran) std::cout << "migrated: " << m << "\n";
    std::cout << (ran->empty() ? "Database is up to date\n" : "Database is up to date (" +
                                                                   std::to_string(ran->size()) + " migrations run)\n");
    return 0;
  }
  if (sub == "reset") {
    if (!args.yes) return fail("migrations reset drops every table and all data: confirm with --yes");
    if (auto s = store::resetDatabase(**db); !s) return fail(s.error().message);
    std::cout << "Database reset\n";
    return 0;
  }
  return fail("unknown migrations subcommand '" + sub + "' (bootstrap, up, list or reset)");
}

}  // namespace

int runCommandLine(int argc, char** argv) {
  // Signals are taken by sigwait in the main thread; every thread inherits the block.
  const sigset_t set = handledSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  // Past a file size limit (RLIMIT_FSIZE) a write fails with EFBIG, which the store reports,
  // instead of the signal ending the process.
  std::signal(SIGXFSZ, SIG_IGN);

  auto args = parseArguments(argc, argv);
  if (!args) return fail(args.error().message + "\n\n" + kUsage);
  if (args->help || args->words.empty()) {
    std::cout << kUsage;
    return args->help ? 0 : 2;
  }
  const std::string command = args->words[0];
  plugins::installPluginStorage(plugins::builtinCatalog());  // before any store or Admin API
  if (command == "plugins") {
    std::cout << plugins::builtinCatalog().priorityTable();
    return 0;
  }
  if (command == "hybrid") {
    if (args->words.size() < 2 || args->words[1] != "gen_cert" || args->words.size() > 4)
      return fail("usage: sluice hybrid gen_cert [CERT [KEY]] [--days N]");
    const std::string cert = args->words.size() > 2 ? args->words[2] : "cluster.crt";
    const std::string key = args->words.size() > 3 ? args->words[3] : "cluster.key";
    if (auto s = cluster::generateSharedCertificate(cert, key, args->days); !s) return fail(s.error().message);
    std::cout << "wrote " << cert << " and " << key << " (0600): set cluster_cert and cluster_cert_key to them on every node\n";
    return 0;
  }
  if (command == "version") {
    std::cout << "sluice " SLUICE_VERSION " (Kong Admin API 2.8.1)\n";
    return 0;
  }
  auto config = Config::load(args->confFile, args->overrides);
  if (!config) return fail(config.error().message);
  if (!setupLogging(config->get("log_level")))
    return fail("log_level must be debug, info, notice, warn, error or crit");

  if (command == "start") return start(*config, *args);
  if (command == "config") return declarativeCommand(*config, *args);
  if (command == "reload" || command == "stop") return signalRunning(*config, command);
  if (command == "check") {
    // Hybrid mode: the cluster settings, and certificates that load.
    auto hybrid = loadClusterSettings(*config, {}, {}, SLUICE_VERSION);
    if (!hybrid) return fail(hybrid.error().message);
    if (hybrid->role != cluster::Role::Traditional) {
      auto context = hybrid->role == cluster::Role::ControlPlane ? cluster::serverContext(*hybrid) : cluster::clientContext(*hybrid);
      if (!context) return fail(context.error().message);
      std::cout << "role " << cluster::roleName(hybrid->role) << ": cluster certificate " << hybrid->certFile << " loads\n";
    }
    if (config->get("database") == "off" && !config->get("declarative_config").empty()) {
      plugins::builtinCatalog().useDatabaselessSchemas(true);
      auto text = readFile(config->get("declarative_config"));
      if (!text) return fail(text.error().message);
      auto doc = declarative::parseYaml(*text);
      if (!doc) return fail(doc.error().message);
      auto entities = declarative::flatten(*doc, admin::serverValidationContext(plugins::builtinCatalog()));
      if (!entities) return fail(config->get("declarative_config") + ": " + entities.error().message);
      std::cout << "declarative configuration " << config->get("declarative_config") << " is valid ("
                << entities->size() << " entities)\n";
    }
    std::cout << "configuration " << (args->confFile.empty() ? "(defaults and environment)" : "at " + args->confFile)
              << " is valid\n";
    return 0;
  }
  if (command == "migrations") return migrations(*config, *args);
  return fail("unknown command '" + command + "'\n\n" + kUsage);
}

}  // namespace sluice::app
