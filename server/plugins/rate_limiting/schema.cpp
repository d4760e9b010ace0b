// rate-limiting: limit requests per second/minute/hour/day/month/year per consumer, IP, header...
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

#include <cstdio>

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

schema::Field limit(const char* name) {
  return schema::numberField(name).withGreaterThan(0).withDescription(std::string("Requests allowed per ") + name + ".");
}

// Kong: a longer period may not allow fewer requests than a shorter one.
schema::EntityCheck periodsInOrder() {
  schema::EntityCheck check;
  check.name = "custom_entity_check";
  check.args = json{{"field_sources", json::array({"second", "minute", "hour", "day", "month", "year"})}};
  check.fieldNames = {"second", "minute", "hour", "day", "month", "year"};
  check.run = [](const json& config) -> std::optional<json> {
    static const char* kPeriods[] = {"second", "minute", "hour", "day", "month", "year"};
    for (int i = 0; i < 6; ++i) {
      if (!config.contains(kPeriods[i]) || !config[kPeriods[i]].is_number()) continue;
      const double lower = config[kPeriods[i]].get<double>();
      for (int j = i + 1; j < 6; ++j) {
        if (!config.contains(kPeriods[j]) || !config[kPeriods[j]].is_number()) continue;
        const double upper = config[kPeriods[j]].get<double>();
        if (upper < lower) {
          char message[160];
          std::snprintf(message, sizeof message, "The limit for %s(%.1f) cannot be lower than the limit for %s(%.1f)",
                        kPeriods[j], upper, kPeriods[i], lower);
          return json::array({message});
        }
      }
    }
    return std::nullopt;
  };
  return check;
}

// Kong 2.8 declares the policy by database mode: without one there is no cluster to count in.
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
  p.configChecks = {td::atLeastOneOf({"second", "minute", "hour", "day", "month", "year"}), periodsInOrder(),
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
