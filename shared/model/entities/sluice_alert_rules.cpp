// Alert rules (Sluice's own entity, /sluice_alert_rules): conditions each node evaluates once a
// second on its own figures — a route's, a service's or the node's p99 above a threshold, their
// share of 5xx answers above a percentage, an upstream's target unhealthy, a certificate expiring
// within some days — for a number of seconds, with an optional webhook told when an alert fires
// and when it resolves (server/alerts).
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {
namespace td = schema::typedefs;
using schema::json;

namespace {

// What `threshold` means for each kind, and which scope fields a kind takes.
std::optional<json> checkRule(const json& rule) {
  const std::string kind = rule.value("kind", std::string());
  json errors = json::object();
  const bool threshold = rule.contains("threshold") && rule["threshold"].is_number();
  if (kind != "target_unhealthy" && !threshold) errors["threshold"] = "required field missing";
  if (threshold && rule["threshold"].get<double>() < 0) errors["threshold"] = "value should be between 0 and infinity";
  if (kind == "error_rate" && threshold && rule["threshold"].get<double>() > 100)
    errors["threshold"] = "a percentage: value should be between 0 and 100";
  const auto set = [&rule](const char* field) { return rule.contains(field) && !rule[field].is_null(); };
  if (kind == "latency_p99" || kind == "error_rate") {
    if (set("route") && set("service")) errors["@entity"] = json::array({"only one of 'route' or 'service' may be set"});
    if (set("upstream")) errors["upstream"] = "only for kind 'target_unhealthy'";
  } else {
    for (const char* field : {"route", "service"})
      if (set(field)) errors[field] = "only for kinds 'latency_p99' and 'error_rate'";
    if (kind == "certificate_expiry" && set("upstream")) errors["upstream"] = "only for kind 'target_unhealthy'";
  }
  if (errors.empty()) return std::nullopt;
  return errors;
}

}  // namespace

const schema::EntitySchema& sluiceAlertRules() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "sluice_alert_rules";
    s.adminPath = "sluice_alert_rules";
    s.endpointKey = "name";
    s.fields = {
        td::id(),
        td::createdAt(),
        td::updatedAt(),
        td::name().asRequired().asUnique(),
        schema::booleanField("enabled").withDefault(true).asRequired(),
        schema::stringField("kind")
            .asRequired()
            .withOneOf({"latency_p99", "error_rate", "target_unhealthy", "certificate_expiry"})
            .withDescription("latency_p99: p99 above `threshold` ms; error_rate: 5xx share above `threshold` %; "
                             "target_unhealthy: a target unhealthy; certificate_expiry: a certificate expiring "
                             "within `threshold` days."),
        schema::foreignField("route", "routes").onDeleteCascade().withDescription(
            "latency_p99, error_rate: this route only (neither route nor service: the whole node)."),
        schema::foreignField("service", "services").onDeleteCascade().withDescription(
            "latency_p99, error_rate: this service's routes together."),
        schema::foreignField("upstream", "upstreams").onDeleteCascade().withDescription(
            "target_unhealthy: this upstream's targets only (none: every upstream's)."),
        schema::numberField("threshold").withDescription("Milliseconds, percent or days, by kind."),
        schema::integerField("for_seconds").withDefault(10).withBetween(1, 86400).asRequired().withDescription(
            "How long the condition must hold before the alert fires, and be gone before it resolves."),
        schema::integerField("min_requests").withDefault(1).withBetween(1, 1000000).asRequired().withDescription(
            "latency_p99, error_rate: a second with fewer requests does not count as breaching."),
        td::url("webhook_url").withDescription("Told of each firing and resolution with a JSON POST."),
        schema::integerField("webhook_retries").withDefault(3).withBetween(0, 10).asRequired().withDescription(
            "Further attempts after a failed webhook call, 1 s, 2 s, 4 s … apart."),
        td::tags(),
    };
    schema::EntityCheck check;
    check.name = "custom";
    check.args = "threshold by kind; route or service for latency_p99 and error_rate; upstream for target_unhealthy";
    check.fieldNames = {"kind", "threshold", "route", "service", "upstream"};
    check.run = checkRule;
    s.checks = {check};
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
