#include "app/config.h"

#include "net/address_range.h"
#include "snapshot/dns_cache.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace sluice::app {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string envName(const std::string& key) {
  std::string out = "SLUICE_";
  for (char c : key) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

const ConfigKey* findKey(const std::string& name) {
  for (const auto& k : configKeys())
    if (k.name == name) return &k;
  return nullptr;
}

core::Error configError(const std::string& message) { return core::Error::badRequest(message); }

}  // namespace

const std::vector<ConfigKey>& configKeys() {
  static const std::vector<ConfigKey> kKeys{
      {"prefix", "/var/lib/sluice", "Runtime folder: the SQLite file, the last good config, logs."},
      {"proxy_listen", "0.0.0.0:8000, 0.0.0.0:8443 http2 ssl",
       "Proxy listeners (address:port [ssl] [http2]): http2 offers h2 in TLS (ALPN), or takes prior-knowledge h2c on a plain one."},
      {"admin_listen", "127.0.0.1:8001",
       "Admin API listener ('host:port', 'host:port ssl' for TLS). A non-loopback address requires admin_tokens."},
      {"admin_ssl_cert", "", "PEM certificate (chain) of a TLS Admin listener; empty: a self-signed one in <prefix>/ssl."},
      {"admin_ssl_cert_key", "", "The private key of admin_ssl_cert."},
      {"admin_tokens", "", "Admin API bearer tokens: 'token:admin, token2:read-only'. Empty: no authentication.", true},
      {"admin_token_hashes", "",
       "Admin API bearer tokens as their SHA-256, so that this file need not hold them: 'name:hex:admin, name2:hex:read-only' "
       "(printf %s TOKEN | sha256sum)."},
      {"admin_max_body_size", "10m", "Largest Admin API request body (413 past it)."},
      {"admin_threads", "16", "Admin API worker threads."},
      {"database", "sqlite", "Configuration store: sqlite, postgres, or off (declarative, read-only)."},
      {"sqlite_path", "", "SQLite file. Empty: <prefix>/sluice.db."},
      {"pg_host", "127.0.0.1", "PostgreSQL host."},
      {"pg_port", "5432", "PostgreSQL port."},
      {"pg_user", "sluice", "PostgreSQL user."},
      {"pg_password", "", "PostgreSQL password.", true},
      {"pg_database", "sluice", "PostgreSQL database."},
      {"pg_ssl", "off", "Require TLS to PostgreSQL."},
      {"pg_timeout", "5s", "PostgreSQL connect timeout."},
      {"pg_max_concurrent_queries", "0",
       "PostgreSQL connections the Admin API and the plugins' counters use at once; 0: one per Admin thread (admin_threads)."},
      {"pg_semaphore_timeout", "60s", "How long a query waits for a free PostgreSQL connection before failing (503)."},
      {"pg_notify_host", "",
       "Host of the session connection that LISTENs for other nodes' changes; empty: pg_host. Point it at PostgreSQL itself when "
       "pg_host is PgBouncer in transaction mode."},
      {"pg_notify_port", "0", "Port of that connection; 0: pg_port."},
      {"pg_ro_host", "",
       "A read-only PostgreSQL server (a streaming replica) for this node's own configuration reads; empty: none. The Admin "
       "API stays on pg_host, as in Kong 2.8. Each pg_ro_ setting left empty takes its pg_ value."},
      {"pg_ro_port", "", "Port of the read-only server."},
      {"pg_ro_user", "", "User on the read-only server."},
      {"pg_ro_password", "", "Password on the read-only server.", true},
      {"pg_ro_database", "", "Database on the read-only server."},
      {"pg_ro_ssl", "", "Require TLS to the read-only server."},
      {"pg_ro_timeout", "", "Connect timeout to the read-only server."},
      {"pg_ro_max_concurrent_queries", "", "Connections to the read-only server used at once."},
      {"pg_ro_semaphore_timeout", "", "How long a read waits for a free connection to the read-only server."},
      {"pg_ro_max_lag", "1s",
       "How long a configuration read waits for the read-only server to replay the latest writes before it reads from pg_host "
       "instead."},
      {"declarative_config", "", "kong.yml loaded at start when database = off."},
      {"role", "traditional",
       "traditional, control_plane (keeps the store, pushes the configuration to data planes on cluster_listen) or "
       "data_plane (no store: serves what cluster_control_plane pushes)."},
      {"cluster_listen", "0.0.0.0:8005", "A control plane's listener for its data planes (mutual TLS)."},
      {"cluster_control_plane", "", "A data plane's control plane, host:port."},
      {"cluster_mtls", "shared",
       "shared: every node presents the same cluster_cert (sluice hybrid gen_cert); pki: certificates issued by cluster_ca_cert."},
      {"cluster_cert", "", "PEM certificate this node presents to the other side of the cluster link."},
      {"cluster_cert_key", "", "The private key of cluster_cert."},
      {"cluster_ca_cert", "", "pki: the CA that issued the control plane's and the data planes' certificates."},
      {"cluster_server_name", "", "pki: the name the control plane's certificate must carry (SNI); empty: the host of cluster_control_plane."},
      {"cluster_max_payload", "4194304", "Largest configuration message (compressed) a data plane accepts, in bytes."},
      {"cluster_data_plane_purge_delay", "1209600", "Seconds after which a control plane forgets a data plane it has not heard from."},
      {"cluster_max_connections", "256", "Most data planes connected to a control plane at once (each holds a thread)."},
      {"cluster_ping_interval", "30s", "How often a data plane reports its configuration hash; a control plane forgets a connection silent for 1.5 times that."},
      {"worker_processes", "auto", "Proxy reactor threads: auto (one per core) or a number."},
      {"background_niceness", "10",
       "Niceness of the threads that are not proxy workers (Admin API, configuration builds, cluster link), so that they yield "
       "the CPU to requests: 0 to 19; 0 treats them alike."},
      {"config_build_idle_wait", "200ms",
       "A configuration build runs in the CPU time the proxy workers leave idle; one still running after this long goes on at "
       "background_niceness (a saturated core still applies changes). 0: builds run at background_niceness from the start."},
      {"ssl_cert", "", "PEM certificate (chain) served when no SNI matches; empty: a self-signed one in <prefix>/ssl."},
      {"ssl_cert_key", "", "The private key of ssl_cert."},
      {"ssl_protocols", "TLSv1.2 TLSv1.3", "TLS versions the proxy accepts (TLSv1.1, TLSv1.2, TLSv1.3)."},
      {"client_max_body_size", "0", "Largest request body (413 past it); 0: unlimited."},
      {"body_buffer_size", "8m",
       "Largest body held in memory for a plugin that reads or edits it (key-auth key_in_body, transformer body "
       "edits): a larger request gets 413, a larger response is passed on unchanged or, without a length, 502."},
      {"client_header_timeout", "60s", "Time to receive a request head (408 past it)."},
      {"client_body_timeout", "60s", "Time between two reads of a request body, or two writes to a slow client."},
      {"keepalive_timeout", "60s", "How long an idle client connection stays open."},
      {"keepalive_requests", "10000", "Requests on one client connection before it is closed."},
      {"large_client_header_buffers", "4 8k", "Request head limits: N SIZE (request line <= SIZE: 414; headers <= N x SIZE: 431)."},
      {"max_request_headers", "100", "Most header fields in a request (431 past it)."},
      {"http2_max_concurrent_streams", "128", "Streams an HTTP/2 client may have open at once on one connection."},
      {"http2_max_requests", "1000", "Streams on one HTTP/2 connection before it is closed (GOAWAY)."},
      {"http2_max_header_list_size", "32k", "Largest HTTP/2 request head, decoded (431 past it)."},
      {"http2_stream_window", "64k", "Request body bytes an HTTP/2 client may send on a stream ahead of the upstream."},
      {"http2_connection_window", "1m", "The same for all streams of a connection."},
      {"http2_max_control_frames", "1000", "SETTINGS and PING frames a client may send per second (more: a flood, GOAWAY)."},
      {"upstream_keepalive_pool_size", "512", "Idle upstream connections kept per peer and worker."},
      {"upstream_keepalive_max_requests", "10000", "Requests on one upstream connection before it is closed."},
      {"upstream_keepalive_idle_timeout", "60s", "How long an idle upstream connection is kept."},
      {"headers", "server_tokens, latency_tokens, X-Sluice-Request-Id", "Response headers Sluice adds; off for none."},
      {"drain_timeout", "30s", "On SIGTERM, how long in-flight requests may take to finish."},
      {"proxy_cache_size", "64m", "Memory the proxy-cache plugin may hold, per node (entries up to a sixteenth of it)."},
      {"rate_limiting_counters", "262144", "Counters in the rate-limiting plugin's node-wide table."},
      {"rate_limiting_sync_interval", "50ms", "How often the redis and cluster rate-limiting policies share counts."},
      {"syslog_socket", "/dev/log", "The system logger's socket, where the syslog plugin sends."},
      {"trusted_ips", "",
       "Addresses or ranges (comma-separated) of proxies in front whose X-Forwarded-Proto is believed (oauth2's "
       "accept_http_if_already_terminated); empty: none, as Kong's. 0.0.0.0/0,::/0 trusts every one."},
      {"plugin_threads", "8",
       "Threads for plugin work that would block a worker (ldap-auth's binds); the request waits for them, the worker "
       "goes on with others."},
      {"plugin_queue", "1024", "Plugin work waiting for those threads; past it a request that needs one gets a 500."},
      {"plugin_trusted_certificates", "",
       "PEM file of CA certificates that servers plugins verify must chain to (ldap-auth's verify_ldap_host); empty: the "
       "system's (/etc/ssl/certs/ca-certificates.crt)."},
      {"dns_resolver", "",
       "Name servers for services' and targets' host names, as Kong's: 'ip[:port], ...' (port 53 if omitted); empty: those "
       "of /etc/resolv.conf."},
      {"dns_stale_ttl", "4", "Seconds a name's addresses keep serving past their TTL while its name servers fail."},
      {"dns_not_found_ttl", "30", "Seconds a name that does not exist (or has no address) is remembered so."},
      {"dns_error_ttl", "1", "Seconds before a name whose lookup failed is asked again."},
      {"status_listen", "off", "Address of a listener for GET /status and /metrics only, without tokens (e.g. 0.0.0.0:8100)."},
      {"prometheus_kong_names", "2.8",
       "Kong metric names on GET /metrics: 2.8 (kong_http_status, kong_latency, ... as Kong 2.8's Grafana dashboard reads) or 3 "
       "(kong_http_requests_total, kong_request_latency_ms, ... for Kong 3.x dashboards)."},
      {"observability", "on", "Per-route request figures, the live stream, slow-request traces; off to save their cost."},
      {"observability_consumers", "off", "Request figures per consumer as well (Prometheus labels and memory grow with consumers)."},
      {"trace_slowest", "5", "Slowest requests kept per route and minute for GET /sluice/traces (0: none)."},
      {"trace_clients", "127.0.0.1, ::1",
       "Addresses and CIDR ranges whose requests with X-Sluice-Trace: 1 are traced; off for none."},
      {"traces_kept", "1000", "Traces the node keeps (the oldest go first)."},
      {"health_history_kept", "1000", "Changes of target health the node keeps per upstream (GET /upstreams/{u}/health/history); 0 keeps none."},
      {"config_history_kept", "1000", "Configuration versions whose changes the change history keeps (GET /sluice/changes, revert, restore); 0 records none."},
      {"alert_events_kept", "1000", "Alert events (firing and resolved) the node keeps in memory for GET /sluice/alerts."},
      {"access_log", "off", "off, stdout or a file: one line per proxied request (SIGUSR1 reopens the file)."},
      {"access_log_format", "combined", "combined (nginx's) or json."},
      {"access_log_queue", "65536", "Lines waiting for the access log writer; past it lines are dropped and counted."},
      {"loadtest_max_duration", "5m", "Longest load test POST /sluice/loadtests may run on this node."},
      {"loadtest_max_connections", "1000", "Most connections a load test run from this node may open."},
      {"loadtest_max_threads", "4", "Most threads a load test run from this node may use."},
      {"loadtests_kept", "20", "Finished load tests kept in <prefix>/loadtests (the oldest go first)."},
      {"log_level", "notice", "debug, info, notice, warn, error or crit."},
  };
  return kKeys;
}

core::Result<Config> Config::load(const std::string& file, const std::map<std::string, std::string>& overrides) {
  std::string text;
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return configError("cannot read configuration file '" + file + "'");
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return parse(text, file, overrides);
}

core::Result<Config> Config::parse(std::string_view text, const std::string& source,
                                   const std::map<std::string, std::string>& overrides) {
  Config config;
  for (const auto& k : configKeys()) config.values_[k.name] = k.defaultValue;
  config.file_ = source;
  int number = 0;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++number;
    // '#' starts a comment unless escaped as '\#'.
    std::string clean;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '#') {
        clean.push_back('#');
        ++i;
      } else if (line[i] == '#') {
        break;
      } else {
        clean.push_back(line[i]);
      }
    }
    clean = trim(clean);
    if (clean.empty()) continue;
    const auto eq = clean.find('=');
    if (eq == std::string::npos) return configError(source + ":" + std::to_string(number) + ": expected 'key = value'");
    const std::string key = trim(clean.substr(0, eq));
    if (!findKey(key)) return configError(source + ":" + std::to_string(number) + ": unknown key '" + key + "'");
    config.values_[key] = trim(clean.substr(eq + 1));
  }
  for (const auto& k : configKeys())
    if (const char* v = std::getenv(envName(k.name).c_str())) config.values_[k.name] = v;
  for (const auto& [key, value] : overrides) {
    if (!findKey(key)) return configError("unknown configuration key '" + key + "'");
    config.values_[key] = value;
  }
  for (const auto& key : {"admin_max_body_size", "client_max_body_size", "body_buffer_size", "proxy_cache_size"})
    if (auto b = config.bytes(key); !b) return b.error();
  for (const auto& key : {"pg_timeout", "pg_semaphore_timeout", "client_header_timeout", "client_body_timeout", "keepalive_timeout",
                          "upstream_keepalive_idle_timeout", "drain_timeout", "rate_limiting_sync_interval", "loadtest_max_duration", "pg_ro_max_lag", "config_build_idle_wait"})
    if (auto m = config.milliseconds(key); !m) return m.error();
  for (const auto& key : {"keepalive_requests", "upstream_keepalive_pool_size", "upstream_keepalive_max_requests",
                          "max_request_headers", "admin_threads", "pg_max_concurrent_queries", "http2_max_requests", "http2_max_control_frames", "rate_limiting_counters", "trace_slowest", "traces_kept", "health_history_kept", "config_history_kept", "alert_events_kept", "access_log_queue",
                          "loadtest_max_connections", "loadtest_max_threads", "loadtests_kept", "plugin_queue"})
    if (auto i = config.integer(key); !i || *i < 0) return configError(key + std::string(": expected a positive integer"));
  if (auto i = config.integer("http2_max_concurrent_streams"); !i || *i < 1 || *i > 1000000)
    return configError("http2_max_concurrent_streams: expected a number from 1 to 1000000");
  for (const auto& key : {"http2_max_header_list_size", "http2_stream_window", "http2_connection_window"})
    if (auto b = config.bytes(key); !b || *b < 1024 || *b > 2147483647)
      return configError(key + std::string(": expected a size from 1k to 2g"));
  if (auto i = config.integer("plugin_threads"); !i || *i < 1 || *i > 1024)
    return configError("plugin_threads: expected a number of threads from 1 to 1024");
  for (const auto& key : {"observability", "observability_consumers"})
    if (auto b = config.boolean(key); !b) return b.error();
  if (const std::string f = config.get("access_log_format"); f != "combined" && f != "json")
    return configError("access_log_format must be combined or json (got '" + f + "')");
  if (const std::string n = config.get("prometheus_kong_names"); n != "2.8" && n != "3")
    return configError("prometheus_kong_names must be 2.8 or 3 (got '" + n + "')");
  for (const auto& key : {"dns_stale_ttl", "dns_not_found_ttl", "dns_error_ttl"})
    if (auto i = config.integer(key); !i || *i < 0 || *i > 31536000)
      return configError(key + std::string(": expected seconds from 0 to 31536000 (a year)"));
  if (auto servers = snapshot::nameServerList(config.list("dns_resolver")); !servers) return servers.error();
  for (const std::string& range : config.list("trusted_ips"))
    if (!net::AddressRange::parse(range)) return configError("trusted_ips: '" + range + "' is not an address or a range");
  const std::string db = config.get("database");
  if (db != "sqlite" && db != "postgres" && db != "off")
    return configError("database must be sqlite, postgres or off (got '" + db + "')");
  if (auto n = config.integer("background_niceness"); !n || *n < 0 || *n > 19)
    return configError("background_niceness: expected 0 to 19");
  const std::string role = config.get("role");
  if (role != "traditional" && role != "control_plane" && role != "data_plane")
    return configError("role must be traditional, control_plane or data_plane (got '" + role + "')");
  if (role == "data_plane") config.values_["database"] = "off";  // a data plane keeps what it is sent, in memory
  else if (role == "control_plane" && db == "off")
    return configError("role = control_plane needs a database (sqlite or postgres): it keeps the configuration it pushes");
  if (const std::string m = config.get("cluster_mtls"); m != "shared" && m != "pki")
    return configError("cluster_mtls must be shared or pki (got '" + m + "')");
  if (auto ping = config.milliseconds("cluster_ping_interval"); !ping || *ping < 100)
    return configError("cluster_ping_interval: expected a duration of at least 100ms");
  if (auto most = config.integer("cluster_max_payload"); !most || *most < 1024 || *most > 1073741824)
    return configError("cluster_max_payload: expected bytes from 1024 to 1073741824");
  if (role != "traditional") {
    if (config.get("cluster_cert").empty() || config.get("cluster_cert_key").empty())
      return configError("role = " + role + " needs cluster_cert and cluster_cert_key (sluice hybrid gen_cert makes a shared pair)");
    if (config.get("cluster_mtls") == "pki" && config.get("cluster_ca_cert").empty())
      return configError("cluster_mtls = pki needs cluster_ca_cert");
    if (role == "data_plane" && config.get("cluster_control_plane").empty())
      return configError("role = data_plane needs cluster_control_plane (host:port of the control plane)");
  }
  if (config.get("sqlite_path").empty()) config.values_["sqlite_path"] = config.get("prefix") + "/sluice.db";
  return config;
}

const std::string& Config::get(const std::string& key) const {
  static const std::string kEmpty;
  auto it = values_.find(key);
  return it == values_.end() ? kEmpty : it->second;
}

core::Result<int64_t> Config::integer(const std::string& key) const {
  const std::string& v = get(key);
  try {
    size_t used = 0;
    const long long n = std::stoll(v, &used);
    if (used == v.size()) return static_cast<int64_t>(n);
  } catch (const std::exception&) {
  }
  return configError(key + ": expected an integer (got '" + v + "')");
}

core::Result<bool> Config::boolean(const std::string& key) const {
  const std::string& v = get(key);
  if (v == "on" || v == "true" || v == "yes" || v == "1") return true;
  if (v == "off" || v == "false" || v == "no" || v == "0") return false;
  return configError(key + ": expected on or off (got '" + v + "')");
}

namespace {

// A number followed by a unit, as "1.5s" or "8k": the number's text and the unit's.
void splitNumberAndUnit(const std::string& v, bool fraction, std::string& number, std::string& unit) {
  size_t end = 0;
  while (end < v.size() && (std::isdigit(static_cast<unsigned char>(v[end])) || (fraction && v[end] == '.'))) ++end;
  number = v.substr(0, end);
  unit = v.substr(end);
  for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Values above this are refused rather than wrapped: about 292 years in milliseconds, 8 EiB in bytes.
constexpr double kLargest = 9.2e18;

}  // namespace

core::Result<int64_t> parseMilliseconds(const std::string& text) {
  const std::string v = trim(text);
  std::string number, unit;
  splitNumberAndUnit(v, true, number, unit);
  double n = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n, std::chars_format::fixed);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size())
    return configError("expected a duration such as 500ms, 10s, 5m or 1h (got '" + v + "')");
  double factor = 0;
  if (unit.empty() || unit == "s") factor = 1000;
  else if (unit == "ms") factor = 1;
  else if (unit == "m") factor = 60000;
  else if (unit == "h") factor = 3600000;
  else if (unit == "d") factor = 86400000;
  else return configError("unknown duration unit '" + unit + "' in '" + v + "' (use ms, s, m, h or d)");
  if (n * factor > kLargest) return configError("duration '" + v + "' is too long");
  return static_cast<int64_t>(n * factor);
}

core::Result<int64_t> parseBytes(const std::string& text) {
  const std::string v = trim(text);
  std::string number, unit;
  splitNumberAndUnit(v, false, number, unit);
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
  if (number.empty() || ec == std::errc::invalid_argument)
    return configError("expected a size such as 512, 8k, 10m or 1g (got '" + v + "')");
  int64_t factor = 0;
  if (unit.empty() || unit == "b") factor = 1;
  else if (unit == "k" || unit == "kb") factor = 1024;
  else if (unit == "m" || unit == "mb") factor = 1024 * 1024;
  else if (unit == "g" || unit == "gb") factor = 1024 * 1024 * 1024;
  else return configError("unknown size unit '" + unit + "' in '" + v + "' (use k, m or g)");
  if (ec == std::errc::result_out_of_range || n > static_cast<int64_t>(kLargest) / factor)
    return configError("size '" + v + "' is too large");
  return n * factor;
}

core::Result<int64_t> Config::milliseconds(const std::string& key) const {
  auto r = parseMilliseconds(get(key));
  if (!r) return configError(key + ": " + r.error().message);
  return r;
}

core::Result<int64_t> Config::bytes(const std::string& key) const {
  auto r = parseBytes(get(key));
  if (!r) return configError(key + ": " + r.error().message);
  return r;
}

std::vector<std::string> Config::list(const std::string& key) const {
  std::vector<std::string> out;
  const std::string& v = get(key);
  size_t start = 0;
  while (start <= v.size()) {
    size_t comma = v.find(',', start);
    if (comma == std::string::npos) comma = v.size();
    std::string item = trim(v.substr(start, comma - start));
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

nlohmann::json Config::toJson() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& k : configKeys()) out[k.name] = k.secret && !get(k.name).empty() ? "******" : get(k.name);
  out["admin_listen"] = list("admin_listen");
  out["proxy_listen"] = list("proxy_listen");
  out["role"] = get("role");
  return out;
}

}  // namespace sluice::app
