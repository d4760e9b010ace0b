#include "plugins/acl/plugin.h"
#include "plugins/basic_auth/plugin.h"
#include "plugins/bot_detection/plugin.h"
#include "plugins/correlation_id/plugin.h"
#include "plugins/file_log/plugin.h"
#include "plugins/http_log/plugin.h"
#include "plugins/ip_restriction/plugin.h"
#include "plugins/jwt/plugin.h"
#include "plugins/request_size_limiting/plugin.h"
#include "plugins/request_transformer/plugin.h"
#include "plugins/response_transformer/plugin.h"
#include "plugins/cors/plugin.h"
#include "plugins/key_auth/plugin.h"
#include "plugins/plugin_catalog.h"
#include "plugins/prometheus/plugin.h"
#include "plugins/proxy_cache/plugin.h"
#include "plugins/rate_limiting/plugin.h"
#include "plugins/request_termination/plugin.h"

#include <array>
#include <atomic>

namespace sluice::plugins {

// Each plugin folder declares its schema (schema.cpp) and its factory (plugin.cpp).
const schema::PluginSchema& keyAuthSchema();
const schema::PluginSchema& basicAuthSchema();
const schema::PluginSchema& jwtSchema();
const schema::PluginSchema& aclSchema();
const schema::PluginSchema& rateLimitingSchema();
const schema::PluginSchema& rateLimitingDatabaselessSchema();
const schema::PluginSchema& corsSchema();
const schema::PluginSchema& requestTerminationSchema();
const schema::PluginSchema& ipRestrictionSchema();
const schema::PluginSchema& botDetectionSchema();
const schema::PluginSchema& correlationIdSchema();
const schema::PluginSchema& requestSizeLimitingSchema();
const schema::PluginSchema& requestTransformerSchema();
const schema::PluginSchema& responseTransformerSchema();
const schema::PluginSchema& fileLogSchema();
const schema::PluginSchema& httpLogSchema();
const schema::PluginSchema& proxyCacheSchema();
const schema::PluginSchema& prometheusSchema();

const std::vector<PluginFactory>& builtinPlugins() {
  static const std::vector<PluginFactory> kAll{
      {&keyAuthSchema(), createKeyAuth},
      {&basicAuthSchema(), createBasicAuth},
      {&jwtSchema(), createJwt},
      {&aclSchema(), createAcl},
      {&rateLimitingSchema(), createRateLimiting, &rateLimitingDatabaselessSchema()},
      {&corsSchema(), createCors},
      {&requestTerminationSchema(), createRequestTermination},
      {&ipRestrictionSchema(), createIpRestriction},
      {&botDetectionSchema(), createBotDetection},
      {&correlationIdSchema(), createCorrelationId},
      {&requestSizeLimitingSchema(), createRequestSizeLimiting},
      {&requestTransformerSchema(), createRequestTransformer},
      {&responseTransformerSchema(), createResponseTransformer},
      {&fileLogSchema(), createFileLog},
      {&httpLogSchema(), createHttpLog},
      {&proxyCacheSchema(), createProxyCache},
      {&prometheusSchema(), createPrometheus},
  };
  return kAll;
}

namespace {
std::atomic<bool> databaseless{false};

const schema::PluginSchema* schemaOf(const PluginFactory& p, bool withoutDatabase) {
  return withoutDatabase && p.databaselessSchema ? p.databaselessSchema : p.schema;
}
}  // namespace

void useDatabaselessSchemas(bool value) { databaseless.store(value, std::memory_order_relaxed); }

const PluginFactory* findPlugin(const std::string& name) {
  for (const auto& p : builtinPlugins())
    if (p.schema->name == name) return &p;
  return nullptr;
}

const std::vector<const schema::PluginSchema*>& builtinPluginSchemas() {
  static const auto kBoth = [] {
    std::array<std::vector<const schema::PluginSchema*>, 2> both;
    for (const auto& p : builtinPlugins()) {
      both[0].push_back(schemaOf(p, false));
      both[1].push_back(schemaOf(p, true));
    }
    return both;
  }();
  return kBoth[databaseless.load(std::memory_order_relaxed) ? 1 : 0];
}

const schema::PluginSchema* findPluginSchema(const std::string& name) {
  const PluginFactory* p = findPlugin(name);
  return p ? schemaOf(*p, databaseless.load(std::memory_order_relaxed)) : nullptr;
}

}  // namespace sluice::plugins
