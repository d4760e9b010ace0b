// response-ratelimiting: limits on what the upstream counts (Kong 2.8's
// kong/plugins/response-ratelimiting/schema.lua).
#include "plugins/counters/period_checks.h"
#include "plugins/counters/periods.h"
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

schema::Field limitRecord() {
  std::vector<schema::Field> periods;
  for (const char* period : kPeriodNames) periods.push_back(schema::numberField(period).withGreaterThan(0));
  return schema::recordField("limit", std::move(periods))
      .asRequired()
      .withRecordChecks({td::atLeastOneOf({"second", "minute", "hour", "day", "month", "year"}),
                         periodsInOrder("custom_validator", json::array(), false)});
}

// Kong 2.8 declares the policy by database mode: without one there is no cluster to count in.
schema::PluginSchema makeSchema(bool databaseless) {
  schema::PluginSchema p;
  p.name = "response-ratelimiting";
  p.priority = 900;
  schema::Field policy = schema::stringField("policy").withDescription("Where counters live.");
  policy = databaseless ? policy.withDefault("local").withOneOf({"local", "redis"})
                        : policy.withDefault("cluster").withOneOf({"local", "cluster", "redis"});
  p.config = {
      schema::stringField("header_name").withDefault("x-kong-limit").withDescription(
          "The response header in which the upstream says what a request used: \"videos=2, images=1\"."),
      schema::stringField("limit_by").withDefault("consumer").withOneOf({"consumer", "credential", "ip"}).withDescription(
          "What a counter is kept for."),
      policy,
      schema::booleanField("fault_tolerant").asRequired().withDefault(true).withDescription(
          "Proxy requests when the counter store fails."),
      td::host("redis_host"),
      td::port("redis_port").withDefault(6379),
      schema::stringField("redis_password").withLenMin(0),
      schema::stringField("redis_username"),
      schema::numberField("redis_timeout").withDefault(2000),
      schema::numberField("redis_database").withDefault(0),
      schema::booleanField("block_on_first_violation").asRequired().withDefault(false).withDescription(
          "Refuse a request before it reaches the upstream once a limit is used up."),
      schema::booleanField("hide_client_headers").asRequired().withDefault(false),
      schema::mapField("limits", schema::stringField("name"), limitRecord()).asRequired().withLenMin(1).withDescription(
          "Per name the upstream counts, its limit per period."),
  };
  const auto needsRedis = [](const char* field) { return td::conditional("policy", {{"eq", "redis"}}, field, {{"required", true}}); };
  p.configChecks = {needsRedis("redis_host"), needsRedis("redis_port"), needsRedis("redis_timeout")};
  return p;
}

}  // namespace

const schema::PluginSchema& responseRatelimitingSchema() {
  static const schema::PluginSchema kSchema = makeSchema(false);
  return kSchema;
}

const schema::PluginSchema& responseRatelimitingDatabaselessSchema() {
  static const schema::PluginSchema kSchema = makeSchema(true);
  return kSchema;
}

}  // namespace sluice::plugins
