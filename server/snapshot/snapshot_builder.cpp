#include "snapshot/snapshot_builder.h"

#include <Poco/Logger.h>

#include "model/entities.h"
#include "observe/metric_names.h"
#include "snapshot/hash_ring.h"
#include "snapshot/plugin_chain_builder.h"
#include "store/store.h"

#include <openssl/pem.h>

#include <chrono>
#include <cstring>
#include <map>
#include <set>

namespace sluice::snapshot {
using schema::json;
using store::Store;

namespace {

core::Result<std::vector<json>> all(Store& store, const schema::EntitySchema& schema) { return store.listAll(schema); }

std::vector<std::string> strings(const json& v) {
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& s : v) out.push_back(s.get<std::string>());
  return out;
}

}  // namespace

namespace {

std::vector<int> ints(const json& v) {
  std::vector<int> out;
  if (v.is_array())
    for (const auto& i : v) out.push_back(i.get<int>());
  return out;
}

uint32_t count(const json& v) { return v.is_number() ? v.get<uint32_t>() : 0; }
uint32_t millis(const json& seconds) { return seconds.is_number() ? static_cast<uint32_t>(seconds.get<double>() * 1000) : 0; }

HealthChecks healthChecks(const json& h) {
  HealthChecks c;
  if (!h.is_object()) return c;
  const json& a = h["active"];
  const json& p = h["passive"];
  c.type = a["type"].is_string() ? a["type"].get<std::string>() : "http";
  c.timeoutMs = std::max<uint32_t>(1, millis(a["timeout"]));
  c.httpPath = a["http_path"].is_string() ? a["http_path"].get<std::string>() : "/";
  c.healthyIntervalMs = millis(a["healthy"]["interval"]);
  c.unhealthyIntervalMs = millis(a["unhealthy"]["interval"]);
  c.activeHealthyStatuses = ints(a["healthy"]["http_statuses"]);
  c.activeUnhealthyStatuses = ints(a["unhealthy"]["http_statuses"]);
  c.activeSuccesses = count(a["healthy"]["successes"]);
  c.activeHttpFailures = count(a["unhealthy"]["http_failures"]);
  c.activeTcpFailures = count(a["unhealthy"]["tcp_failures"]);
  c.activeTimeouts = count(a["unhealthy"]["timeouts"]);
  c.passiveHealthyStatuses = ints(p["healthy"]["http_statuses"]);
  c.passiveUnhealthyStatuses = ints(p["unhealthy"]["http_statuses"]);
  c.passiveSuccesses = count(p["healthy"]["successes"]);
  c.passiveHttpFailures = count(p["unhealthy"]["http_failures"]);
  c.passiveTcpFailures = count(p["unhealthy"]["tcp_failures"]);
  c.passiveTimeouts = count(p["unhealthy"]["timeouts"]);
  c.threshold = h["threshold"].is_number() ? h["threshold"].get<double>() : 0;
  return c;
}

}  // namespace

core::Result<ConfigSnapshotConstSharedPtr> buildSnapshot(Store& store, const plugins::PluginCatalog& catalog,
                                                         uint64_t version, DnsCache& dns, const std::atomic<bool>* abort,
                                                         HealthSource* health, plugins::NodeState* node) {
  const auto started = std::chrono::steady_clock::now();
  // Stop at the first failure: with the database gone, every further query would wait for it.
  auto services = all(store, model::services());
  if (!services) return services.error();
  auto routes = all(store, model::routes());
  if (!routes) return routes.error();
  auto upstreams = all(store, model::upstreams());
  if (!upstreams) return upstreams.error();
  auto targets = all(store, model::targets());
  if (!targets) return targets.error();
  auto certificates = all(store, model::certificates());
  if (!certificates) return certificates.error();
  auto caCertificates = all(store, model::caCertificates());
  if (!caCertificates) return caCertificates.error();

  // Every name to resolve, in one batch.
  std::vector<std::string> names;
  std::map<std::string, bool> upstreamNames;
  for (const auto& u : *upstreams) upstreamNames[u["name"].get<std::string>()] = true;
  for (const auto& s : *services)
    if (!upstreamNames.count(s["host"].get<std::string>())) names.push_back(s["host"]);
  for (const auto& t : *targets) {
    const std::string target = t["target"];
    names.push_back(target.substr(0, target.rfind(':')));
  }
  dns.refresh(names, abort);

  auto snap = std::make_shared<ConfigSnapshot>();
  snap->version = version;
  std::set<std::string> healthKeys;
  std::map<std::string, int> upstreamByName, upstreamById, serviceById;
  for (const auto& u : *upstreams) {
    UpstreamRuntime rt;
    rt.id = u["id"];
    rt.name = u["name"];
    const std::string algorithm = u["algorithm"];
    rt.algorithm = algorithm == "least-connections"    ? Algorithm::LeastConnections
                   : algorithm == "consistent-hashing" ? Algorithm::ConsistentHashing
                   : algorithm == "latency"            ? Algorithm::Latency
                                                       : Algorithm::RoundRobin;
    if (u["host_header"].is_string()) rt.hostHeader = u["host_header"];
    const auto text = [&](const char* field) {
      const auto it = u.find(field);  // (operator[] on a const json with a missing key is undefined)
      return it != u.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    rt.hashOn = text("hash_on");
    rt.hashFallback = text("hash_fallback");
    rt.hashOnHeader = text("hash_on_header");
    rt.hashFallbackHeader = text("hash_fallback_header");
    rt.hashOnCookie = text("hash_on_cookie");
    rt.slots = u["slots"].get<int>();
    rt.health = healthChecks(u["healthchecks"]);
    upstreamByName[rt.name] = upstreamById[rt.id] = static_cast<int>(snap->upstreams.size());
    snap->upstreams.push_back(std::move(rt));
  }
  for (const auto& t : *targets) {
    auto it = upstreamById.find(t["upstream"]["id"].get<std::string>());
    if (it == upstreamById.end()) continue;
    TargetRuntime rt;
    rt.id = t["id"];
    rt.target = t["target"];
    rt.weight = t["weight"];
    const auto colon = rt.target.rfind(':');
    rt.host = rt.target.substr(0, colon);
    rt.port = static_cast<uint16_t>(std::stoi(rt.target.substr(colon + 1)));
    rt.addresses = dns.addresses(rt.host, rt.port);
    auto& upstream = snap->upstreams[static_cast<size_t>(it->second)];
    if (health) {
      rt.health = health->get(upstream.id, rt.target);
      healthKeys.insert(HealthSource::key(upstream.id, rt.target));
    }
    upstream.targets.push_back(std::move(rt));
  }
  if (health) health->keepOnly(healthKeys);
  for (auto& up : snap->upstreams)
    if (up.algorithm == Algorithm::ConsistentHashing) up.ring = buildHashRing(up);

  // Certificates and the SNIs that select them; a certificate that does not parse is left out.
  std::map<std::string, std::shared_ptr<net::KeyPair>> pairById;
  for (const auto& c : *certificates) {
    auto pair = net::parseKeyPair(c["cert"], c["key"]);
    if (!pair) continue;
    pairById[c["id"]] = std::make_shared<net::KeyPair>(*pair);
    const size_t index = snap->certificates.size();
    snap->certificates.push_back({c["id"], *pair});
    for (const auto& name : strings(c["snis"])) {
      std::string lower = name;
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (lower.rfind("*.", 0) == 0) snap->sniWildcards.emplace_back(lower.substr(1), index);
      else if (lower.size() > 2 && lower.compare(lower.size() - 2, 2, ".*") == 0) snap->sniWildcards.emplace_back(lower.substr(0, lower.size() - 1), index);
      else snap->sniExact[lower] = index;
    }
  }
  std::map<std::string, std::shared_ptr<X509>> caById;
  for (const auto& c : *caCertificates) {
    const std::string pem = c["cert"];
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (x) caById[c["id"]] = std::shared_ptr<X509>(x, X509_free);
  }
  for (const auto& s : *services) {
    ServiceRuntime rt;
    rt.id = s["id"];
    if (s["name"].is_string()) rt.name = s["name"];
    rt.protocol = s["protocol"];
    rt.host = s["host"];
    rt.port = static_cast<uint16_t>(s["port"].get<int>());
    if (s["path"].is_string()) rt.path = s["path"];
    rt.retries = s["retries"].get<int>();
    rt.connectTimeoutMs = s["connect_timeout"].get<uint32_t>();
    rt.writeTimeoutMs = s["write_timeout"].get<uint32_t>();
    rt.readTimeoutMs = s["read_timeout"].get<uint32_t>();
    rt.enabled = s["enabled"].get<bool>();
    rt.grpc = rt.protocol == "grpc" || rt.protocol == "grpcs";
    const bool defaultPort = ((rt.protocol == "http" || rt.protocol == "grpc") && rt.port == 80) ||
                             ((rt.protocol == "https" || rt.protocol == "grpcs") && rt.port == 443);
    rt.hostHeader = defaultPort ? rt.host : rt.host + ":" + std::to_string(rt.port);
    if (auto it = upstreamByName.find(rt.host); it != upstreamByName.end()) {
      rt.upstream = it->second;
      const auto& up = snap->upstreams[static_cast<size_t>(it->second)];
      if (!up.hostHeader.empty()) rt.hostHeader = up.hostHeader;
    } else {
      rt.addresses = dns.addresses(rt.host, rt.port);
    }
    rt.tls = rt.protocol == "https" || rt.protocol == "grpcs";
    if (rt.tls) {
      sockaddr_storage literal;
      socklen_t length;
      if (!literalAddress(rt.host, literal, length)) rt.sni = rt.host;
      rt.tlsVerify = s["tls_verify"].is_boolean() && s["tls_verify"].get<bool>();
      if (s["tls_verify_depth"].is_number()) rt.tlsVerifyDepth = s["tls_verify_depth"];
      if (s["ca_certificates"].is_array() && !s["ca_certificates"].empty()) {
        X509_STORE* store = X509_STORE_new();
        for (const auto& id : s["ca_certificates"])
          if (auto it = caById.find(id.get<std::string>()); it != caById.end()) X509_STORE_add_cert(store, it->second.get());
        rt.caStore = std::shared_ptr<X509_STORE>(store, X509_STORE_free);
      }
      if (s["client_certificate"].is_object())
        if (auto it = pairById.find(s["client_certificate"]["id"].get<std::string>()); it != pairById.end())
          rt.clientCertificate = it->second;
    }
    serviceById[rt.id] = static_cast<int>(snap->services.size());
    snap->services.push_back(std::move(rt));
  }
  std::vector<router::RouteSpec> specs;
  for (const auto& r : *routes) {
    RouteRuntime rt;
    rt.id = r["id"];
    if (r["name"].is_string()) rt.name = r["name"];
    if (r["service"].is_object()) {
      auto it = serviceById.find(r["service"]["id"].get<std::string>());
      if (it != serviceById.end()) rt.service = it->second;
    }
    rt.stripPath = r["strip_path"];
    rt.preserveHost = r["preserve_host"];
    rt.pathHandlingV1 = r["path_handling"] == "v1";
    rt.httpsRedirectStatus = r["https_redirect_status_code"];
    rt.protocols = 0;
    for (const auto& p : strings(r["protocols"])) {
      if (p == "http") rt.protocols |= router::kHttp;
      if (p == "https") rt.protocols |= router::kHttps;
      rt.grpc = rt.grpc || p == "grpc";
      rt.grpcs = rt.grpcs || p == "grpcs";
    }
    // Kong's router takes gRPC routes whatever the scheme: the access phase checks the request.
    if (rt.protocols == 0 && (rt.grpc || rt.grpcs)) rt.protocols = router::kHttp | router::kHttps;
    if (rt.protocols == 0) continue;  // stream (tcp/tls/udp) routes are not HTTP routes
    router::RouteSpec spec;
    spec.index = snap->routes.size();
    spec.createdAt = r["created_at"].get<int64_t>();
    spec.protocols = rt.protocols;
    spec.methods = strings(r["methods"]);
    spec.hosts = strings(r["hosts"]);
    spec.paths = strings(r["paths"]);
    spec.snis = strings(r["snis"]);
    spec.regexPriority = r["regex_priority"].get<int64_t>();
    if (r["headers"].is_object())
      for (auto it = r["headers"].begin(); it != r["headers"].end(); ++it) spec.headers.emplace_back(it.key(), strings(*it));
    specs.push_back(std::move(spec));
    snap->routes.push_back(std::move(rt));
  }
  snap->router = router::Router::build(std::move(specs));
  plugins::NodeState scratchNode;  // tests and benches: state that lives as long as this snapshot
  plugins::NodeState& state = node ? *node : scratchNode;
  const auto metricNames = state.get<observe::MetricNames>(observe::kMetricNamesKey, [] { return std::make_shared<observe::MetricNames>(); });
  for (auto& rt : snap->routes) {
    const ServiceRuntime* service = rt.service >= 0 ? &snap->services[static_cast<size_t>(rt.service)] : nullptr;
    rt.metricsId = metricNames->route(rt.id, rt.name, service ? service->id : std::string(), service ? service->name : std::string());
  }
  if (auto s = compilePlugins(store, catalog, *snap, state); !s) return s.error();
  for (auto& p : snap->plugins) p->metricsId = metricNames->plugin(p->name);
  for (auto& c : snap->consumers) c.metricsId = metricNames->consumer(c.id, c.username.empty() ? c.customId : c.username);
  for (auto& up : snap->upstreams)
    for (auto& t : up.targets) t.metricsId = metricNames->target(t.id, up.name, t.target);
  snap->buildMilliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return ConfigSnapshotConstSharedPtr(std::move(snap));
}

SnapshotBuilder::SnapshotBuilder(Store& store, const plugins::PluginCatalog& catalog, SnapshotPublisher& publisher,
                                 HealthSource& health, DnsSettings dns)
    : store_(store), catalog_(catalog), publisher_(publisher), health_(health), dns_(std::move(dns)) {}

SnapshotBuilder::~SnapshotBuilder() { stop(); }

core::Status SnapshotBuilder::rebuild() {
  const uint64_t version = store_.version();
  auto snap = buildSnapshot(store_, catalog_, version, dns_, &abort_, &health_, &node_);
  if (!snap) return snap.error();
  publisher_.publish(*snap);
  ++builds_;
  std::lock_guard lock(mutex_);
  seenVersion_ = version;
  return core::Ok{};
}

core::Status SnapshotBuilder::start() {
  if (auto s = rebuild(); !s) return s;
  store_.onChange([this](uint64_t) {
    std::lock_guard lock(mutex_);
    changed_.notify_one();
  });
  thread_ = std::thread([this] { loop(); });
  if (auto feed = store_.database().changeFeed()) {
    feedThread_ = std::thread([this, feed = std::shared_ptr<store::ChangeFeed>(std::move(feed))] {
      while (!abort_) {
        if (!feed->wait(200)) continue;
        std::lock_guard lock(mutex_);
        externalChange_ = true;
        changed_.notify_one();
      }
    });
  }
  return core::Ok{};
}

void SnapshotBuilder::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  abort_ = true;
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (feedThread_.joinable()) feedThread_.join();
}

void SnapshotBuilder::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    // Wake on a change, and every second anyway (a store that failed a rebuild is retried).
    changed_.wait_for(lock, std::chrono::seconds(1),
                      [&] { return stopping_ || externalChange_ || store_.version() != seenVersion_; });
    if (stopping_) break;
    if (store_.version() == seenVersion_ && !externalChange_) {
      // Names past their TTL are asked again; only an answer that changes some name's addresses
      // rebuilds (a failing server leaves the stale ones in service).
      if (!dns_.anyDue()) continue;
      lock.unlock();
      const bool changed = dns_.refreshDue(&abort_);
      lock.lock();
      if (!changed || stopping_) continue;
    }
    externalChange_ = false;
    lock.unlock();
    if (auto built = rebuild(); !built)  // the previous snapshot stays in service
      Poco::Logger::get("sluice.snapshot").error("the configuration could not be applied: %s", built.error().message);
    lock.lock();
  }
}

}  // namespace sluice::snapshot
