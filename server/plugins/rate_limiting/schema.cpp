// rate-limiting: limit requests per second/minute/hour/day/month/year per consumer, IP, header...
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

schema::Field limit(const char* name) {
  return schema::numberField(name).withBetween(0, 1e15).withDescription(std::string("Requests allowed per ") + name + ".");
}

}  // namespace

const schema::PluginSchema& rateLimitingSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "rate-limiting";
    p.priority = 910;
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
        schema::stringField("policy").withDefault("cluster").withOneOf({"local", "cluster", "redis"}).withDescription(
            "Where counters live."),
        schema::booleanField("fault_tolerant").asRequired().withDefault(true).withDescription(
            "Proxy requests when the counter store fails."),
        td::host("redis_host"),
        td::port("redis_port").withDefault(6379),
        schema::stringField("redis_username"),
        schema::stringField("redis_password").withLenMin(0),
        schema::booleanField("redis_ssl").asRequired().withDefault(false),
        schema::booleanField("redis_ssl_verify").asRequired().withDefault(false),
        td::host("redis_server_name"),
        td::timeout("redis_timeout").withDefault(2000),
        schema::integerField("redis_database").withDefault(0),
        schema::booleanField("hide_client_headers").asRequired().withDefault(false),
        schema::integerField("error_code").withDefault(429).withBetween(100, 599),
        schema::stringField("error_message").withDefault("API rate limit exceeded"),
    };
    p.configChecks = {td::atLeastOneOf({"second", "minute", "hour", "day", "month", "year"})};
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
