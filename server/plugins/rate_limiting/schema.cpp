// rate-limiting: limit requests per second/minute/hour/day/month/year per consumer, IP, header...
#include "plugins/counters/period_checks.h"
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

schema::Field limit(const char* name) {
  return schema::numberField(name).withGreaterThan(0).withDescription(std::string("Requests allowed per ") + name + ".");
}

schema::EntityCheck requiredWhen(const char* field, const char* value, const char* needed) {
  return td::conditional(field, {{"eq", value}}, needed, {{"required", true}});
}

schema::PluginSchema makeSchema(bool databaseless) {
  schema::PluginSchema p;
  p.name = "rate-limiting";
  p.priority = 901;
  schema::Field policy = schema::stringField("policy").withLenMin(0).withDescription("Where counters live.");
  policy = databaseless ? policy.withDefault("local").withOneOf({"local", "redis"})
                        : policy.withDefault("cluster").withOneOf({"local", "cluster", "redis"});
  p.config = {
      limit("second"),
      limit("minute"),
      limit("hour"),
      limit("day"),
      limit("month"),
      limit("year"),
      schema::stringField("limit_by")
          .withDefault("consumer")
          .withOneOf({"consumer", "credential", "ip", "service", "header", "path"})
          .withDescription("What a counter is kept for."),
      td::headerName("header_name"),
      td::path("path"),
      policy,
      schema::booleanField("fault_tolerant").asRequired().withDefault(true).withDescription(
          "Proxy requests when the counter store fails."),
      td::host("redis_host"),
      td::port("redis_port").withDefault(6379),
      schema::stringField("redis_username"),
      schema::stringField("redis_password").withLenMin(0),
      schema::booleanField("redis_ssl").asRequired().withDefault(false),
      schema::booleanField("redis_ssl_verify").asRequired().withDefault(false),
      td::host("redis_server_name"),
      schema::numberField("redis_timeout").withDefault(2000),
      schema::integerField("redis_database").withDefault(0),
      schema::booleanField("hide_client_headers").asRequired().withDefault(false),
  };
  const std::vector<std::string> periods{"second", "minute", "hour", "day", "month", "year"};
  p.configChecks = {td::atLeastOneOf(periods), periodsInOrder("custom_entity_check", json{{"field_sources", periods}}, true),
                    requiredWhen("limit_by", "header", "header_name"),
                    requiredWhen("limit_by", "path", "path"), requiredWhen("policy", "redis", "redis_host")};
  return p;
}

}  // namespace

const schema::PluginSchema& rateLimitingSchema() {
  static const schema::PluginSchema kSchema = makeSchema(false);
  return kSchema;
}

const schema::PluginSchema& rateLimitingDatabaselessSchema() {
  static const schema::PluginSchema kSchema = makeSchema(true);
  return kSchema;
}

}  // namespace sluice::plugins
