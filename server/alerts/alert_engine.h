#pragma once
// The node's alerts: the stored rules (sluice_alert_rules) evaluated once a second on this node's
// figures — each closed second's route figures, the targets' health and the certificates served —
// with a firing and a resolved event for each alert, kept in memory (alert_events_kept) for
// GET /sluice/alerts and the live stream, and sent to the rule's webhook as http-log sends.
//
// A rule fires for a subject (a route, a service, the node, a target, a certificate) once its
// condition has held in each of `for_seconds` consecutive seconds, and resolves once it has not
// held for as many. A second with fewer than `min_requests` requests does not hold a latency or
// error condition. A disabled or deleted rule resolves its alerts at once.
#include "observe/node_metrics.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sluice::alerts {

using json = nlohmann::json;

struct AlertEvent {
  uint64_t id = 0;
  std::string ruleId, ruleName, kind, subject;
  std::string state;  // "firing" or "resolved"
  double at = 0;      // seconds since the epoch
  double value = 0, threshold = 0;
  std::string message;
  json toJson() const;
};

// What the node knows besides its request figures, read once a second.
struct TargetState {
  std::string upstreamId, upstreamName, target, health;  // HEALTHY, UNHEALTHY, DNS_ERROR, HEALTHCHECKS_OFF
};
struct CertificateState {
  std::string id, label;  // label: its SNIs, or its subject
  double notAfter = 0;    // seconds since the epoch
};

class AlertEngine {
 public:
  struct Sources {
    std::function<std::vector<json>()> rules;  // the stored rules; throws or returns {} when unreadable
    std::function<std::string(const std::string& entity, const std::string& id)> nameOf;  // for messages
    std::function<std::vector<TargetState>()> targets;
    std::function<std::vector<CertificateState>()> certificates;
    // Sends one event to a rule's webhook (JSON body); may queue.
    std::function<void(const std::string& url, int retries, const std::string& body)> webhook;
    // The node's configuration version: the rules are read again when it moves (another node's
    // writes reach this one that way).
    std::function<uint64_t()> configVersion;
  };
  AlertEngine(Sources sources, size_t eventsKept, std::string nodeId);

  // The rules changed: read again before the next evaluation.
  void rulesChanged();
  // Whether a rule reads the routes' request figures (latency_p99, error_rate).
  bool wantsRouteFigures() const { return wantsRouteFigures_.load(std::memory_order_relaxed); }
  // One second (the metrics aggregator's thread).
  void evaluate(const observe::SecondFigures& second);

  json activeJson() const;
  // Events after `since` (an event id), oldest first, at most `limit`.
  json eventsJson(uint64_t since, size_t limit) const;
  // The live frame's part: how many are firing and the events since the last frame.
  json frameJson();

 private:
  struct Rule {
    std::string id, name, kind;
    std::string route, service, upstream;  // ids
    std::string scopeLabel;                // "route orders", "service shop", "node"
    double threshold = 0;
    int forSeconds = 10;
    uint64_t minRequests = 1;
    std::string webhook;
    int webhookRetries = 3;
  };
  struct Subject {
    int holding = 0, clear = 0;  // consecutive seconds the condition held / did not
    bool firing = false;
    double since = 0, value = 0;
    std::string message;
    bool seen = false;  // evaluated this second
  };
  void reload();
  // The value of a latency or error rule's measure this second; nullopt when the second had
  // fewer requests than the rule asks for.
  std::optional<double> measure(const Rule& rule, const observe::SecondFigures& second) const;
  void judge(const Rule& rule, const std::string& subject, bool holds, double value, const std::string& message, double now);
  void emit(const Rule& rule, const std::string& subject, const Subject& s, const char* state, double now,
            const std::string& message);

  Sources sources_;
  size_t eventsKept_;
  std::string nodeId_;
  mutable std::mutex mutex_;
  bool reload_ = true;
  std::atomic<bool> wantsRouteFigures_{true};  // until the rules are first read
  uint64_t version_ = 0;  // the configuration version the rules were read at
  std::vector<Rule> rules_;
  std::map<std::string, std::map<std::string, Subject>> subjects_;  // rule id -> subject -> state
  std::deque<AlertEvent> events_;
  uint64_t nextEventId_ = 1;
  uint64_t framed_ = 0;  // the last event id a frame carried
};

}  // namespace sluice::alerts
