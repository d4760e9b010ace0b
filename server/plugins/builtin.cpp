#include "plugins/acl/daos.h"
#include "plugins/acl/plugin.h"
#include "plugins/basic_auth/daos.h"
#include "plugins/basic_auth/plugin.h"
#include "plugins/ldap_auth/plugin.h"
#include "plugins/bot_detection/plugin.h"
#include "plugins/correlation_id/plugin.h"
#include "plugins/datadog/plugin.h"
#include "plugins/file_log/plugin.h"
#include "plugins/hmac_auth/daos.h"
#include "plugins/hmac_auth/plugin.h"
#include "plugins/http_log/plugin.h"
#include "plugins/loggly/plugin.h"
#include "plugins/session/daos.h"
#include "plugins/session/plugin.h"
#include "plugins/statsd/plugin.h"
#include "plugins/syslog/plugin.h"
#include "plugins/tcp_log/plugin.h"
#include "plugins/udp_log/plugin.h"
#include "plugins/zipkin/plugin.h"
#include "plugins/ip_restriction/plugin.h"
#include "plugins/jwt/daos.h"
#include "plugins/jwt/plugin.h"
#include "plugins/request_size_limiting/plugin.h"
#include "plugins/request_transformer/plugin.h"
#include "plugins/response_transformer/plugin.h"
#include "plugins/cors/plugin.h"
#include "plugins/key_auth/daos.h"
#include "plugins/key_auth/plugin.h"
#include "plugins/missing_plugins.h"
#include "plugins/oauth2/daos.h"
#include "plugins/oauth2/plugin.h"
#include "plugins/plugin_catalog.h"
#include "plugins/prometheus/plugin.h"
#include "plugins/proxy_cache/plugin.h"
#include "plugins/rate_limiting/daos.h"
#include "plugins/rate_limiting/plugin.h"
#include "plugins/request_termination/plugin.h"
#include "plugins/response_ratelimiting/plugin.h"


namespace sluice::plugins {

// Each plugin folder declares its schema (schema.cpp), its factory (plugin.cpp) and what it keeps
// in the database (daos.cpp, for those that keep something).
const schema::PluginSchema& zipkinSchema();
const schema::PluginSchema& sessionSchema();
const schema::PluginSchema& oauth2Schema();
const schema::PluginSchema& keyAuthSchema();
const schema::PluginSchema& basicAuthSchema();
const schema::PluginSchema& jwtSchema();
const schema::PluginSchema& hmacAuthSchema();
const schema::PluginSchema& ldapAuthSchema();
const schema::PluginSchema& aclSchema();
const schema::PluginSchema& rateLimitingSchema();
const schema::PluginSchema& rateLimitingDatabaselessSchema();
const schema::PluginSchema& responseRatelimitingSchema();
const schema::PluginSchema& responseRatelimitingDatabaselessSchema();
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
const schema::PluginSchema& tcpLogSchema();
const schema::PluginSchema& udpLogSchema();
const schema::PluginSchema& logglySchema();
const schema::PluginSchema& syslogSchema();
const schema::PluginSchema& statsdSchema();
const schema::PluginSchema& datadogSchema();
const schema::PluginSchema& proxyCacheSchema();
const schema::PluginSchema& prometheusSchema();

namespace {
// Each handler's phases (its phases() may leave some out for a configuration).
constexpr uint8_t kAccess = phaseBit(Phase::Access), kHeaderFilter = phaseBit(Phase::HeaderFilter),
                  kBodyFilter = phaseBit(Phase::BodyFilter), kLog = phaseBit(Phase::Log);
}  // namespace

PluginCatalog& builtinCatalog() {
  static PluginCatalog catalog({
      {&zipkinSchema(), createZipkin, kAccess | kLog},
      {&oauth2Schema(), createOAuth2, kAccess, nullptr, &oauth2Daos()},
      {&keyAuthSchema(), createKeyAuth, kAccess, nullptr, &keyAuthDaos()},
      {&ldapAuthSchema(), createLdapAuth, kAccess},
      {&basicAuthSchema(), createBasicAuth, kAccess, nullptr, &basicAuthDaos()},
      {&jwtSchema(), createJwt, kAccess, nullptr, &jwtDaos()},
      {&hmacAuthSchema(), createHmacAuth, kAccess, nullptr, &hmacAuthDaos()},
      {&aclSchema(), createAcl, kAccess, nullptr, &aclDaos()},
      {&rateLimitingSchema(), createRateLimiting, kAccess, &rateLimitingDatabaselessSchema(), &rateLimitingDaos()},
      {&responseRatelimitingSchema(), createResponseRatelimiting, kAccess | kHeaderFilter | kLog,
       &responseRatelimitingDatabaselessSchema()},
      {&sessionSchema(), createSession, kAccess | kHeaderFilter, nullptr, &sessionDaos()},
      {&corsSchema(), createCors, kAccess},
      {&requestTerminationSchema(), createRequestTermination, kAccess},
      {&ipRestrictionSchema(), createIpRestriction, kAccess},
      {&botDetectionSchema(), createBotDetection, kAccess},
      {&correlationIdSchema(), createCorrelationId, kAccess},
      {&requestSizeLimitingSchema(), createRequestSizeLimiting, kAccess},
      {&requestTransformerSchema(), createRequestTransformer, kAccess},
      {&responseTransformerSchema(), createResponseTransformer, kHeaderFilter | kBodyFilter},
      {&fileLogSchema(), createFileLog, kAccess | kHeaderFilter | kLog},
      {&httpLogSchema(), createHttpLog, kAccess | kHeaderFilter | kLog},
      {&tcpLogSchema(), createTcpLog, kAccess | kHeaderFilter | kLog},
      {&udpLogSchema(), createUdpLog, kAccess | kHeaderFilter | kLog},
      {&logglySchema(), createLoggly, kAccess | kHeaderFilter | kLog},
      {&syslogSchema(), createSyslog, kAccess | kHeaderFilter | kLog},
      {&statsdSchema(), createStatsd, kLog},
      {&datadogSchema(), createDatadog, kLog},
      {&proxyCacheSchema(), createProxyCache, kAccess | kHeaderFilter | kLog},
      {&prometheusSchema(), createPrometheus, kLog},
  }, missingKongPlugin);
  return catalog;
}

}  // namespace sluice::plugins
