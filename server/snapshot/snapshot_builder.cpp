#include "snapshot/snapshot_builder.h"

#include "core/thread_priority.h"

#include <Poco/Logger.h>

#include "model/entities.h"
#include "model/registry.h"
#include "observe/metric_names.h"
#include "snapshot/hash_ring.h"
#include "snapshot/plugin_chain_builder.h"
#include "store/store.h"

#include <openssl/pem.h>

#include <chrono>
#include <cstring>
#include <map>
#include <set>
#include <unordered_set>

namespace sluice::snapshot {
using schema::json;
using store::Store;

namespace {

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

// A service's own fields (what it links to, upstreams, addresses and certificates, is added per build).
ServiceRuntime compileService(const json& s) {
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
  rt.tls = rt.protocol == "https" || rt.protocol == "grpcs";
  sockaddr_storage literal;
  socklen_t length;
  rt.literalHost = literalAddress(rt.host, literal, length);
  if (rt.literalHost) rt.addresses.push_back(peerAddress(literal, length, rt.port));
  if (rt.tls) {
    if (!rt.literalHost) rt.sni = rt.host;
    rt.tlsVerify = s["tls_verify"].is_boolean() && s["tls_verify"].get<bool>();
    if (s["tls_verify_depth"].is_number()) rt.tlsVerifyDepth = s["tls_verify_depth"];
  }
  return rt;
}

CompiledRoute compileRoute(const json& r) {
  CompiledRoute out;
  RouteRuntime& rt = out.runtime;
  rt.id = r["id"];
  if (r["name"].is_string()) rt.name = r["name"];
  if (r["service"].is_object()) out.serviceId = r["service"]["id"].get<std::string>();
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
  out.http = rt.protocols != 0;
  router::RouteSpec& spec = out.spec;
  spec.createdAt = r["created_at"].get<int64_t>();
  spec.protocols = rt.protocols;
  spec.methods = strings(r["methods"]);
  spec.hosts = strings(r["hosts"]);
  spec.paths = strings(r["paths"]);
  spec.snis = strings(r["snis"]);
  spec.regexPriority = r["regex_priority"].get<int64_t>();
  if (r["headers"].is_object())
    for (auto it = r["headers"].begin(); it != r["headers"].end(); ++it) spec.headers.emplace_back(it.key(), strings(*it));
  return out;
}

}  // namespace

core::Result<ConfigSnapshotConstSharedPtr> buildSnapshot(Store& store, const plugins::PluginCatalog& catalog,
                                                         uint64_t version, DnsCache& dns, const std::atomic<bool>* abort,
                                                         HealthSource* health, plugins::NodeState* node) {
  EntityMirror mirror;
  if (auto loaded = mirror.load(store); !loaded) return loaded.error();
  return buildSnapshot(mirror, catalog, version, dns, abort, health, node, nullptr);
}

core::Result<ConfigSnapshotConstSharedPtr> buildSnapshot(const EntityMirror& mirror, const plugins::PluginCatalog& catalog,
                                                         uint64_t version, DnsCache& dns, const std::atomic<bool>* abort,
                                                         HealthSource* health, plugins::NodeState* node,
                                                         CompiledEntities* compiled) {
  const auto started = std::chrono::steady_clock::now();
  plugins::NodeState scratchNode;  // tests and benches: state that lives as long as this snapshot
  plugins::NodeState& state = node ? *node : scratchNode;
  const auto metricNames = state.get<observe::MetricNames>(observe::kMetricNamesKey, [] { return std::make_shared<observe::MetricNames>(); });
  CompiledEntities scratch;  // (a build without a previous one to reuse)
  CompiledEntities& cache = compiled ? *compiled : scratch;
  const auto& services = mirror.rows(model::services());
  const auto& routes = mirror.rows(model::routes());
  const auto& upstreams = mirror.rows(model::upstreams());
  const auto& targets = mirror.rows(model::targets());
  const auto& certificates = mirror.rows(model::certificates());
  const auto& caCertificates = mirror.rows(model::caCertificates());

  // Every name to resolve, once each, in one batch.
  std::vector<std::string> names;
  std::unordered_set<std::string_view> upstreamNames, seen;
  for (const auto& [uId, uEntry] : upstreams) upstreamNames.insert(uEntry.value["name"].get_ref<const std::string&>());
  std::vector<const ServiceRuntime*> compiledServices;  // (the cache's entries stay put until its sweep)
  compiledServices.reserve(services.size());
  for (const auto& [sId, sEntry] : services) {
    const ServiceRuntime& compiledService =
        cache.services.get(sId, sEntry.revision, [&] { return compileService(sEntry.value); });
    compiledServices.push_back(&compiledService);
    const std::string& host = compiledService.host;
    if (!compiledService.literalHost && !upstreamNames.count(host) && seen.insert(host).second) names.push_back(host);
  }
  for (const auto& [tId, tEntry] : targets) {
    const std::string& target = tEntry.value["target"].get_ref<const std::string&>();
    const std::string_view host = std::string_view(target).substr(0, target.rfind(':'));
    if (seen.insert(host).second) names.emplace_back(host);
  }
  dns.refresh(names, abort);

  auto snap = std::make_shared<ConfigSnapshot>();
  snap->version = version;
  std::set<std::string> healthKeys;
  std::map<std::string, int> upstreamByName, upstreamById;
  for (const auto& [uId, uEntry] : upstreams) {
    const json& u = uEntry.value;
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
  for (const auto& [tId, tEntry] : targets) {
    const json& t = tEntry.value;
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
      std::vector<std::string> addresses;
      addresses.reserve(rt.addresses.size());
      for (const auto& a : rt.addresses) addresses.push_back(a.text);
      health->noteAddresses(upstream.id, rt.target, addresses);
    }
    upstream.targets.push_back(std::move(rt));
  }
  if (health) health->keepOnly(healthKeys);
  for (auto& up : snap->upstreams)
    if (up.algorithm == Algorithm::ConsistentHashing) up.ring = buildHashRing(up);

  // Certificates and the SNIs that select them; a certificate that does not parse is left out.
  std::map<std::string, std::shared_ptr<net::KeyPair>> pairById;
  for (const auto& [cId, cEntry] : certificates) {
    const json& c = cEntry.value;
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
  for (const auto& [cId, cEntry] : caCertificates) {
    const json& c = cEntry.value;
    const std::string pem = c["cert"];
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (x) caById[c["id"]] = std::shared_ptr<X509>(x, X509_free);
  }
  std::unordered_map<std::string_view, int> serviceById;
  std::vector<uint64_t> serviceRevisions;
  serviceRevisions.reserve(services.size());
  serviceById.reserve(services.size());
  snap->services.reserve(services.size());
  for (const auto& [sId, sEntry] : services) {
    const json& s = sEntry.value;
    ServiceRuntime rt = *compiledServices[snap->services.size()];  // (services are numbered in this order)
    serviceRevisions.push_back(sEntry.revision);
    if (auto it = upstreamByName.find(rt.host); it != upstreamByName.end()) {
      rt.upstream = it->second;
      const auto& up = snap->upstreams[static_cast<size_t>(it->second)];
      if (!up.hostHeader.empty()) rt.hostHeader = up.hostHeader;
      rt.addresses.clear();
    } else if (!rt.literalHost) {
      rt.addresses = dns.addresses(rt.host, rt.port);
    }
    if (rt.tls) {
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
    serviceById.emplace(sId, static_cast<int>(snap->services.size()));
    snap->services.push_back(std::move(rt));
  }
  std::vector<router::RouteSpec> specs;
  specs.reserve(routes.size());
  snap->routes.reserve(routes.size());
  for (const auto& [rId, rEntry] : routes) {
    CompiledRoute& compiledRoute = cache.routes.get(rId, rEntry.revision, [&] { return compileRoute(rEntry.value); });
    if (!compiledRoute.http) continue;  // stream (tcp/tls/udp) routes are not HTTP routes
    RouteRuntime& rt = compiledRoute.runtime;
    rt.service = -1;
    uint64_t serviceRevision = 0;
    if (auto it = serviceById.find(compiledRoute.serviceId); it != serviceById.end()) {
      rt.service = it->second;
      serviceRevision = serviceRevisions[static_cast<size_t>(it->second)];
    }
    // Metric labels name the service too: asked again when the route or its service changed.
    if (!compiledRoute.metricsNamed || compiledRoute.metricsServiceRevision != serviceRevision) {
      const ServiceRuntime* service = rt.service >= 0 ? &snap->services[static_cast<size_t>(rt.service)] : nullptr;
      rt.metricsId = metricNames->route(rt.id, rt.name, service ? service->id : std::string(),
                                        service ? service->name : std::string());
      compiledRoute.metricsNamed = true;
      compiledRoute.metricsServiceRevision = serviceRevision;
    }
    router::RouteSpec spec = compiledRoute.spec;
    spec.index = snap->routes.size();
    specs.push_back(std::move(spec));
    snap->routes.push_back(rt);
  }
  cache.services.sweep();
  cache.routes.sweep();
  const auto routerStarted = std::chrono::steady_clock::now();
  snap->router = router::Router::build(std::move(specs));
  snap->routerMilliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - routerStarted).count();
  if (auto s = compilePlugins(mirror, catalog, *snap, state); !s) return s.error();
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

store::Store& SnapshotBuilder::readSource() {
  if (!replica_) return store_;
  const auto passOver = [&](const std::string& why) -> store::Store& {
    if (!replicaFailing_)
      Poco::Logger::get("sluice.snapshot").warning("the read-only server is passed over (%s): reading from the primary", why);
    replicaFailing_ = true;
    return store_;
  };
  auto position = store_.walPosition();
  if (!position) return store_;  // the primary is away too: the read fails there, and is retried
  const auto deadline = std::chrono::steady_clock::now() + maxLag_;
  for (;;) {
    auto replayed = replica_->replayedTo(*position);
    if (!replayed) return passOver(replayed.error().message);
    if (*replayed) break;
    if (std::chrono::steady_clock::now() >= deadline || abort_)
      return passOver("more than " + std::to_string(maxLag_.count()) + " ms behind");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (replicaFailing_) Poco::Logger::get("sluice.snapshot").notice("the read-only server has caught up: reading from it again");
  replicaFailing_ = false;
  return *replica_;
}

core::Status SnapshotBuilder::rebuild(bool force) {
  const uint64_t version = store_.version();
  std::vector<store::EntityRef> touched;
  bool everything;
  {
    std::lock_guard lock(mutex_);
    touched.swap(touched_);
    everything = reloadAll_ || touched.size() > kMostRereads;
    reloadAll_ = false;
  }
  const auto failed = [this](const core::Error& error) {
    std::lock_guard lock(mutex_);
    reloadAll_ = true;  // what the lost refresh would have read: read it all when the store is back
    return error;
  };
  bool changed = true;
  if (everything) {
    auto loaded = mirror_.load(readSource());
    if (!loaded) return failed(loaded.error());
    changed = *loaded;
  } else {
    auto refreshed = mirror_.refresh(readSource(), touched);
    if (!refreshed) return failed(refreshed.error());
    changed = *refreshed;
  }
  if (auto changes = mirror_.takeChanges(); mirrorListener_ && (changes.everything || !changes.list.empty()))
    mirrorListener_(mirror_, changes, version);
  if (changed || force) {  // (a node's own write comes back as a notification: nothing to do then)
    auto snap = buildSnapshot(mirror_, catalog_, version, dns_, &abort_, &health_, &node_, &compiled_);
    if (!snap) return failed(snap.error());
    publisher_.publish(*snap);
    ++builds_;
    Poco::Logger::get("sluice.snapshot")
        .debug("configuration %s applied: %z entities re-read, snapshot built in %.1f ms (router %.1f ms)",
               std::to_string(version), everything ? mirror_.size() : touched.size(),
               (*snap)->buildMilliseconds, (*snap)->routerMilliseconds);
  }
  std::lock_guard lock(mutex_);
  seenVersion_ = version;
  return core::Ok{};
}

core::Status SnapshotBuilder::start() {
  reloadAll_ = true;
  if (auto s = rebuild(true); !s) return s;
  store_.onChange([this](const store::ChangeSet& change) {
    std::lock_guard lock(mutex_);
    reloadAll_ = reloadAll_ || change.everything;
    touched_.insert(touched_.end(), change.touched.begin(), change.touched.end());
    changed_.notify_one();
  });
  thread_ = std::thread([this] { loop(); });
  if (auto feed = store_.database().changeFeed()) {
    feedThread_ = std::thread([this, feed = std::shared_ptr<store::ChangeFeed>(std::move(feed))] {
      std::vector<store::ChangedRow> rows;
      while (!abort_) {
        rows.clear();
        if (!feed->wait(200, rows)) continue;
        std::lock_guard lock(mutex_);
        reloadAll_ = reloadAll_ || rows.empty();  // the feed reconnected: changes may have been missed
        for (auto& row : rows) {
          const auto* schema = model::findEntity(row.table);
          if (!schema || row.id.empty()) reloadAll_ = true;  // a truncation, or an older node's notice
          else touched_.push_back({schema, std::move(row.id)});
        }
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
  core::enterBackground();  // builds yield to the proxy's reactors
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    // Wake on a change, and every second anyway (a store that failed a rebuild is retried).
    const auto pending = [&] { return reloadAll_ || !touched_.empty() || store_.version() != seenVersion_; };
    changed_.wait_for(lock, std::chrono::seconds(1), [&] { return stopping_ || pending(); });
    if (stopping_) break;
    bool force = false;
    publisher_.releaseRetired();
    if (!pending()) {
      // Names past their TTL are asked again; only an answer that changes some name's addresses
      // rebuilds (a failing server leaves the stale ones in service).
      if (!dns_.anyDue()) continue;
      lock.unlock();
      const bool changed = dns_.refreshDue(&abort_);
      lock.lock();
      if (!changed || stopping_) continue;
      force = true;
    }
    lock.unlock();
    if (idle_) idle_->begin();
    const auto built = rebuild(force);
    if (idle_) idle_->end();
    lock.lock();
    if (!built) {  // the previous snapshot stays in service; the store is retried a second later
      Poco::Logger::get("sluice.snapshot").error("the configuration could not be applied: %s", built.error().message);
      changed_.wait_for(lock, std::chrono::seconds(1), [&] { return stopping_; });
    }
  }
}

}  // namespace sluice::snapshot
