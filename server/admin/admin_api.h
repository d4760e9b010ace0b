#pragma once
// The Admin API as a function from request to response: authentication, the node and schema
// endpoints (/, /status, /schemas, /plugins/enabled, /tags) and the generated entity endpoints.
// AdminServer (Poco) only moves bytes in and out of it.
#include "admin/admin_types.h"
#include "admin/alert_endpoints.h"
#include "admin/change_endpoints.h"
#include "admin/entity_endpoints.h"
#include "admin/health_endpoints.h"
#include "admin/router_endpoints.h"
#include "admin/loadtest_endpoints.h"
#include "admin/observe_endpoints.h"
#include "admin/token_guard.h"
#include "plugins/plugin_catalog.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

namespace sluice::admin {

struct NodeInfo {
  std::string hostname;
  std::string nodeId;
  std::string sluiceVersion;
  json configuration;  // secrets already redacted
};

// Server counters that /status reports.
struct ServerCounters {
  std::function<json()> snapshot;  // {"connections_active": n, ...}
};

class AdminApi {
 public:
  AdminApi(store::Store& store, const plugins::PluginCatalog& catalog, NodeInfo node, std::vector<AdminToken> tokens);

  AdminResponse handle(const AdminRequest& request);
  // The status listener's view (status_listen): GET /status and /metrics, without tokens.
  AdminResponse handleStatus(const AdminRequest& request);

  // DB-less mode: entity endpoints are read-only and POST /config replaces the whole configuration.
  void setDeclarativeMode(bool declarative);
  // Hybrid mode's data plane: read-only as DB-less, and POST /config refused (the control plane
  // sends the configuration).
  void setDataPlane(bool dataPlane);
  // DB-less: the MD5 of the configuration text loaded last (Kong's configuration_hash); 32 zeros
  // before any.
  void setConfigurationHash(std::string hash) {
    std::lock_guard lock(hashMutex_);
    configurationHash_ = std::move(hash);
  }
  std::string configurationHash() const {
    std::lock_guard lock(hashMutex_);
    return configurationHash_;
  }
  void setCounters(ServerCounters counters) { counters_ = std::move(counters); }
  // Upstream health (needs the data plane's snapshot and health registry).
  void setHealthEndpoints(std::unique_ptr<HealthEndpoints> health) { health_ = std::move(health); }
  // POST /sluice/router/explain (needs the data plane's snapshot).
  void setRouterEndpoints(std::unique_ptr<RouterEndpoints> router) { router_ = std::move(router); }
  // The live stream and per-route figures (needs the metrics aggregator).
  void setObserveEndpoints(std::unique_ptr<ObserveEndpoints> live) { live_ = std::move(live); }
  // GET /sluice/alerts (needs the alert engine).
  void setAlertEndpoints(std::unique_ptr<AlertEndpoints> alerts) { alerts_ = std::move(alerts); }
  // Load tests from this node against its own routes (/sluice/loadtests).
  void setLoadtestEndpoints(std::unique_ptr<LoadtestEndpoints> loadtests) { loadtests_ = std::move(loadtests); }
  // GET /metrics: the node's Prometheus page (the data plane's figures).
  void setMetricsPage(std::function<std::string()> render) { metrics_ = std::move(render); }
  // Endpoints a plugin brings (Kong's plugin api.lua, e.g. /proxy-cache): asked before the entity
  // endpoints; nullopt for a path that is not theirs.
  using Endpoints = std::function<std::optional<AdminResponse>(const AdminRequest&)>;
  void addPluginEndpoints(Endpoints endpoints) { pluginEndpoints_.push_back(std::move(endpoints)); }
  const schema::ValidationContext& validation() const { return validation_; }

 private:
  AdminResponse route(const AdminRequest& request);
  // One log line per write: who (the token's name), from where, what, and the outcome.
  static void audit(const AdminRequest& request, const AdminToken* token, const AdminResponse& response);
  std::optional<AdminResponse> meta(const AdminRequest& request);
  AdminResponse root();
  AdminResponse status();
  AdminResponse metricsPage();
  AdminResponse schemas(const AdminRequest& request);
  AdminResponse tags(const AdminRequest& request);
  AdminResponse config(const AdminRequest& request);
  AdminResponse configPlan(const AdminRequest& request);

  store::Store& store_;
  const plugins::PluginCatalog& catalog_;
  NodeInfo node_;
  TokenGuard tokens_;
  schema::ValidationContext validation_;
  EntityEndpoints entities_;
  ChangeEndpoints changes_;
  ServerCounters counters_;
  std::unique_ptr<HealthEndpoints> health_;
  std::unique_ptr<RouterEndpoints> router_;
  std::unique_ptr<ObserveEndpoints> live_;
  std::unique_ptr<LoadtestEndpoints> loadtests_;
  std::unique_ptr<AlertEndpoints> alerts_;
  std::vector<Endpoints> pluginEndpoints_;
  mutable std::mutex hashMutex_;
  std::string configurationHash_ = std::string(32, '0');
  std::function<std::string()> metrics_;
  bool declarative_ = false;
  bool dataPlane_ = false;
};

// The validation context the server uses everywhere: built-in plugin schemas and PCRE-compatible
// regex checks for route paths.
schema::ValidationContext serverValidationContext(const plugins::PluginCatalog& catalog);

}  // namespace sluice::admin
