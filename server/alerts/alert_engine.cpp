#include "alerts/alert_engine.h"

#include "core/clock.h"

#include <Poco/Logger.h>

#include <cmath>
#include <cstdio>
#include <set>

namespace sluice::alerts {

namespace {

std::string idOf(const json& rule, const char* field) {
  const auto it = rule.find(field);
  if (it == rule.end() || !it->is_object() || !it->contains("id") || !(*it)["id"].is_string()) return {};
  return (*it)["id"].get<std::string>();
}

std::string number(double v, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

std::string unitOf(const std::string& kind) {
  return kind == "latency_p99" ? " ms" : kind == "error_rate" ? " %" : kind == "certificate_expiry" ? " days" : "";
}

}  // namespace

json AlertEvent::toJson() const {
  return json{{"id", id},           {"rule", {{"id", ruleId}, {"name", ruleName}}},
              {"kind", kind},       {"subject", subject},
              {"state", state},     {"at", at},
              {"value", value},     {"threshold", threshold},
              {"message", message}};
}

AlertEngine::AlertEngine(Sources sources, size_t eventsKept, std::string nodeId)
    : sources_(std::move(sources)), eventsKept_(std::max<size_t>(eventsKept, 1)), nodeId_(std::move(nodeId)) {}

void AlertEngine::rulesChanged() {
  std::lock_guard lock(mutex_);
  reload_ = true;
}

void AlertEngine::reload() {
  // (outside the lock: a read of the store)
  std::vector<json> stored;
  try {
    stored = sources_.rules();
  } catch (const std::exception& e) {
    Poco::Logger::get("sluice.alerts").warning("alert rules could not be read: %s", std::string(e.what()));
    return;
  }
  std::vector<Rule> rules;
  for (const auto& r : stored) {
    if (!r.is_object() || r.value("enabled", true) != true) continue;
    Rule rule;
    rule.id = r.value("id", std::string());
    rule.name = r.value("name", std::string());
    rule.kind = r.value("kind", std::string());
    rule.route = idOf(r, "route");
    rule.service = idOf(r, "service");
    rule.upstream = idOf(r, "upstream");
    rule.threshold = r.contains("threshold") && r["threshold"].is_number() ? r["threshold"].get<double>() : 0;
    rule.forSeconds = std::max(1, r.value("for_seconds", 10));
    rule.minRequests = static_cast<uint64_t>(std::max(1, r.value("min_requests", 1)));
    rule.webhook = r.contains("webhook_url") && r["webhook_url"].is_string() ? r["webhook_url"].get<std::string>() : std::string();
    rule.webhookRetries = r.value("webhook_retries", 3);
    const auto label = [this](const char* entity, const std::string& id) {
      const std::string name = sources_.nameOf ? sources_.nameOf(entity, id) : std::string();
      return name.empty() ? id : name;
    };
    if (!rule.route.empty()) rule.scopeLabel = "route " + label("routes", rule.route);
    else if (!rule.service.empty()) rule.scopeLabel = "service " + label("services", rule.service);
    else if (!rule.upstream.empty()) rule.scopeLabel = "upstream " + label("upstreams", rule.upstream);
    else rule.scopeLabel = "node";
    rules.push_back(std::move(rule));
  }
  std::lock_guard lock(mutex_);
  const double now = core::unixSecondsWithMillis();
  // The alerts of a rule that is gone (deleted or disabled) resolve now.
  std::set<std::string> kept;
  for (const auto& r : rules) kept.insert(r.id);
  for (auto it = subjects_.begin(); it != subjects_.end();) {
    if (kept.count(it->first)) {
      ++it;
      continue;
    }
    const auto old = std::find_if(rules_.begin(), rules_.end(), [&](const Rule& r) { return r.id == it->first; });
    if (old != rules_.end())
      for (auto& [subject, s] : it->second)
        if (s.firing) emit(*old, subject, s, "resolved", now, "the rule was disabled or deleted");
    it = subjects_.erase(it);
  }
  rules_ = std::move(rules);
  reload_ = false;
  bool routes = false;
  for (const auto& r : rules_) routes = routes || r.kind == "latency_p99" || r.kind == "error_rate";
  wantsRouteFigures_ = routes;
}

std::optional<double> AlertEngine::measure(const Rule& rule, const observe::SecondFigures& second) const {
  uint64_t requests = 0, errors = 0;
  metrics::LatencyHistogram merged;
  const metrics::LatencyHistogram* latency = &merged;
  if (rule.route.empty() && rule.service.empty()) {
    requests = second.requests;
    errors = second.serverErrors;
    latency = &second.total;
  } else {
    for (const auto& r : second.routes) {
      if (!rule.route.empty() ? r.id != rule.route : r.serviceId != rule.service) continue;
      requests += r.requests;
      errors += r.serverErrors;
      if (rule.kind == "latency_p99") merged.add(r.total);
    }
  }
  if (requests < rule.minRequests || requests == 0) return std::nullopt;
  if (rule.kind == "latency_p99") return static_cast<double>(latency->percentile(0.99)) / 1000.0;
  return 100.0 * static_cast<double>(errors) / static_cast<double>(requests);
}

void AlertEngine::evaluate(const observe::SecondFigures& second) {
  bool reload;
  const uint64_t version = sources_.configVersion ? sources_.configVersion() : 0;
  {
    std::lock_guard lock(mutex_);
    reload = reload_ || version != version_;
    version_ = version;
  }
  if (reload) this->reload();
  // Read before the lock: the targets and certificates of the current snapshot.
  std::vector<TargetState> targets;
  std::vector<CertificateState> certificates;
  bool wantTargets = false, wantCertificates = false;
  {
    std::lock_guard lock(mutex_);
    for (const auto& r : rules_) {
      wantTargets = wantTargets || r.kind == "target_unhealthy";
      wantCertificates = wantCertificates || r.kind == "certificate_expiry";
    }
  }
  if (wantTargets && sources_.targets) targets = sources_.targets();
  if (wantCertificates && sources_.certificates) certificates = sources_.certificates();

  std::lock_guard lock(mutex_);
  const double now = second.wallMs > 0 ? static_cast<double>(second.wallMs) / 1000.0 : core::unixSecondsWithMillis();
  for (auto& [rule, subjects] : subjects_)
    for (auto& [name, s] : subjects) s.seen = false;
  for (const Rule& rule : rules_) {
    if (rule.kind == "latency_p99" || rule.kind == "error_rate") {
      const auto value = measure(rule, second);
      const bool holds = value && *value > rule.threshold;
      const std::string what = rule.kind == "latency_p99" ? "p99 " : "5xx share ";
      judge(rule, rule.scopeLabel, holds, value.value_or(0),
            what + "of " + rule.scopeLabel + " " + number(value.value_or(0), 1) + unitOf(rule.kind) + (holds ? " > " : " <= ") +
                number(rule.threshold, 1) + unitOf(rule.kind),
            now);
    } else if (rule.kind == "target_unhealthy") {
      for (const auto& t : targets) {
        if (!rule.upstream.empty() && t.upstreamId != rule.upstream) continue;
        const bool holds = t.health == "UNHEALTHY" || t.health == "DNS_ERROR";
        judge(rule, "target " + t.target + " of upstream " + t.upstreamName, holds, holds ? 1 : 0,
              "target " + t.target + " of upstream " + t.upstreamName + " is " + t.health, now);
      }
    } else if (rule.kind == "certificate_expiry") {
      for (const auto& c : certificates) {
        const double days = (c.notAfter - now) / 86400.0;
        const bool holds = days < rule.threshold;
        judge(rule, "certificate " + c.label, holds, days,
              "certificate " + c.label + (days < 0 ? " expired " + number(-days, 1) + " days ago"
                                                   : " expires in " + number(days, 1) + " days"),
              now);
      }
    }
    // A subject not seen this second (a target removed, a certificate replaced) no longer holds.
    for (auto& [name, s] : subjects_[rule.id])
      if (!s.seen) judge(rule, name, false, 0, name + " is gone", now);
  }
}

void AlertEngine::judge(const Rule& rule, const std::string& subject, bool holds, double value, const std::string& message,
                        double now) {
  Subject& s = subjects_[rule.id][subject];
  s.seen = true;
  s.value = value;
  if (holds) {
    ++s.holding;
    s.clear = 0;
  } else {
    ++s.clear;
    s.holding = 0;
  }
  if (!s.firing && s.holding >= rule.forSeconds) {
    s.firing = true;
    s.since = now;
    s.message = message;
    emit(rule, subject, s, "firing", now, message);
  } else if (s.firing && s.clear >= rule.forSeconds) {
    s.firing = false;
    emit(rule, subject, s, "resolved", now, message);
  } else if (s.firing) {
    s.message = message;
  }
}

void AlertEngine::emit(const Rule& rule, const std::string& subject, const Subject& s, const char* state, double now,
                       const std::string& message) {
  AlertEvent e;
  e.id = nextEventId_++;
  e.ruleId = rule.id;
  e.ruleName = rule.name;
  e.kind = rule.kind;
  e.subject = subject;
  e.state = state;
  e.at = now;
  e.value = s.value;
  e.threshold = rule.threshold;
  e.message = rule.name + ": " + message;
  auto& log = Poco::Logger::get("sluice.alerts");
  if (e.state == "firing") log.warning("alert firing: %s", e.message);
  else log.notice("alert resolved: %s", e.message);
  if (!rule.webhook.empty() && sources_.webhook)
    sources_.webhook(rule.webhook, rule.webhookRetries, json{{"alert", e.toJson()}, {"node_id", nodeId_}}.dump());
  events_.push_back(std::move(e));
  while (events_.size() > eventsKept_) events_.pop_front();
}

json AlertEngine::activeJson() const {
  std::lock_guard lock(mutex_);
  json out = json::array();
  for (const auto& rule : rules_) {
    const auto it = subjects_.find(rule.id);
    if (it == subjects_.end()) continue;
    for (const auto& [subject, s] : it->second)
      if (s.firing)
        out.push_back({{"rule", {{"id", rule.id}, {"name", rule.name}}}, {"kind", rule.kind}, {"subject", subject},
                       {"since", s.since}, {"value", s.value}, {"threshold", rule.threshold},
                       {"message", rule.name + ": " + s.message}});
  }
  return out;
}

json AlertEngine::eventsJson(uint64_t since, size_t limit) const {
  std::lock_guard lock(mutex_);
  json out = json::array();
  for (const auto& e : events_) {
    if (e.id <= since) continue;
    if (out.size() == limit) break;
    out.push_back(e.toJson());
  }
  return out;
}

json AlertEngine::frameJson() {
  std::lock_guard lock(mutex_);
  size_t firing = 0;
  for (const auto& [rule, subjects] : subjects_)
    for (const auto& [name, s] : subjects) firing += s.firing ? 1 : 0;
  json events = json::array();
  for (const auto& e : events_)
    if (e.id > framed_) events.push_back(e.toJson());
  if (!events_.empty()) framed_ = events_.back().id;
  return json{{"firing", firing}, {"events", events}};
}

}  // namespace sluice::alerts
