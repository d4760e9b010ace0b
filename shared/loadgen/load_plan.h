#pragma once
// What a load test does: the requests it sends (one or a weighted mix of templates, all to one
// scheme://host:port), how many connections and threads, the pacing — closed loop (each connection
// sends its next request as soon as the last one answered) or open loop at a constant or staged
// rate — and its bounds. A plan always ends: by its duration (or the end of its stages), and
// earlier when a request count is given.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sluice::loadgen {

struct Target {
  bool tls = false;
  std::string host;  // as in the URL (a name, an IPv4 address or an IPv6 address without brackets)
  uint16_t port = 0;
  std::string hostHeader;  // "host[:port]" as the Host header carries it
};

struct RequestTemplate {
  std::string name;    // for per-template counts; defaults to "METHOD path"
  std::string method = "GET";
  std::string path = "/";  // path and query
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  uint32_t weight = 1;
};

// One ramp: from the previous stage's value (or the start value) to `target` over `seconds`,
// linearly. Values are requests per second in open-loop plans, connections in closed-loop ones.
struct Stage {
  double seconds = 0;
  double target = 0;
};

struct Threshold;

struct LoadPlan {
  Target target;
  std::vector<RequestTemplate> requests;
  int threads = 1;
  int connections = 10;
  double durationSeconds = 10;
  uint64_t maxRequests = 0;       // 0: no count bound
  double rate = 0;                // requests per second; 0 and no rate stages: closed loop
  bool rateStages = false;        // the stages below ramp the rate (else the connections)
  std::vector<Stage> stages;
  double timeoutSeconds = 2;      // per request: no complete answer by then is a timeout
  double connectTimeoutSeconds = 2;
  std::vector<std::string> thresholds;  // "p99<50ms", "errors<0.1%", ...
  // Closed loop: the pause between a connection's answer and its next request (a user reading the
  // page), `thinkSeconds`, or uniform in [thinkSeconds, thinkMaxSeconds] when that is larger.
  double thinkSeconds = 0, thinkMaxSeconds = 0;

  bool openLoop() const { return rate > 0 || rateStages; }
  // How long requests are issued: the stages' total when there are stages, else the duration.
  double issueSeconds() const;
  // The connections or rate the stages ask for `t` seconds in (the start value before any stage).
  double stageValueAt(double t) const;
  // The most connections the plan ever uses.
  int peakConnections() const;
};

// "http://host:port/path?q" → target and path; nullopt with `error` set when it is not one.
std::optional<std::pair<Target, std::string>> parseUrl(const std::string& url, std::string& error);
// "250ms", "10s", "2m", "1h", "1.5" (seconds) → seconds; nullopt when malformed or negative.
std::optional<double> parseDuration(const std::string& text);
// "10s:100,30s:100,10s:0" → stages; a value ending in "/s" or "rps" marks them as rates
// (`rateStages` set). nullopt with `error` set when malformed.
std::optional<std::vector<Stage>> parseStages(const std::string& text, bool& rateStages, std::string& error);
// "100ms" (fixed) or "50ms-200ms" (uniform between the two) → {min, max} in seconds; nullopt when
// malformed, negative or the second is smaller than the first.
std::optional<std::pair<double, double>> parseThinkTime(const std::string& text);
// Checks a plan before it runs: every problem, one message each (empty when it can run).
std::vector<std::string> validate(const LoadPlan& plan);

}  // namespace sluice::loadgen
