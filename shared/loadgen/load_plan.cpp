#include "loadgen/load_plan.h"

#include "loadgen/threshold.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sluice::loadgen {
namespace {

std::optional<double> number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

double LoadPlan::issueSeconds() const {
  if (stages.empty()) return durationSeconds;
  double total = 0;
  for (const Stage& s : stages) total += s.seconds;
  return total;
}

double LoadPlan::stageValueAt(double t) const {
  double from = rateStages ? rate : 1, at = 0;
  for (const Stage& s : stages) {
    if (t < at + s.seconds) return s.seconds > 0 ? from + (s.target - from) * (t - at) / s.seconds : s.target;
    at += s.seconds;
    from = s.target;
  }
  return from;
}

int LoadPlan::peakConnections() const {
  if (rateStages || stages.empty()) return connections;
  double peak = 1;
  for (const Stage& s : stages) peak = std::max(peak, s.target);
  return static_cast<int>(std::ceil(peak));
}

std::optional<std::pair<Target, std::string>> parseUrl(const std::string& url, std::string& error) {
  Target t;
  std::string_view rest = url;
  if (rest.rfind("http://", 0) == 0) rest.remove_prefix(7);
  else if (rest.rfind("https://", 0) == 0) {
    t.tls = true;
    rest.remove_prefix(8);
  } else {
    error = "the URL must start with http:// or https://: " + url;
    return std::nullopt;
  }
  const size_t slash = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, slash);
  std::string path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (path.front() == '?') path.insert(path.begin(), '/');
  if (authority.find('@') != std::string_view::npos) {
    error = "credentials in the URL are not supported (use a header): " + url;
    return std::nullopt;
  }
  t.hostHeader = std::string(authority);
  std::string_view portText;
  if (!authority.empty() && authority.front() == '[') {  // [::1]:8000
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      error = "unterminated IPv6 address in " + url;
      return std::nullopt;
    }
    t.host = std::string(authority.substr(1, close - 1));
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') {
        error = "bad address in " + url;
        return std::nullopt;
      }
      portText = authority.substr(close + 2);
    }
  } else {
    const size_t colon = authority.rfind(':');
    t.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) portText = authority.substr(colon + 1);
  }
  if (t.host.empty()) {
    error = "no host in " + url;
    return std::nullopt;
  }
  t.port = t.tls ? 443 : 80;
  if (!portText.empty()) {
    const auto p = number(portText);
    if (!p || *p < 1 || *p > 65535 || *p != std::floor(*p)) {
      error = "bad port in " + url;
      return std::nullopt;
    }
    t.port = static_cast<uint16_t>(*p);
  }
  return std::make_pair(std::move(t), std::move(path));
}

std::optional<double> parseDuration(const std::string& text) {
  std::string_view s = trim(text);
  double scale = 1;
  if (s.size() > 2 && s.substr(s.size() - 2) == "ms") {
    scale = 0.001;
    s.remove_suffix(2);
  } else if (s.size() > 2 && s.substr(s.size() - 2) == "us") {
    scale = 1e-6;
    s.remove_suffix(2);
  } else if (!s.empty() && (s.back() == 's' || s.back() == 'm' || s.back() == 'h')) {
    scale = s.back() == 's' ? 1 : s.back() == 'm' ? 60 : 3600;
    s.remove_suffix(1);
  }
  const auto v = number(s);
  if (!v || *v < 0) return std::nullopt;
  return *v * scale;
}

std::optional<std::vector<Stage>> parseStages(const std::string& text, bool& rateStages, std::string& error) {
  std::vector<Stage> stages;
  bool anyRate = false, anyPlain = false;
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view item = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const size_t colon = item.find(':');
    if (colon == std::string_view::npos) {
      error = "a stage is DURATION:TARGET (e.g. 30s:100): '" + std::string(item) + "'";
      return std::nullopt;
    }
    const auto seconds = parseDuration(std::string(item.substr(0, colon)));
    std::string_view value = trim(item.substr(colon + 1));
    bool isRate = false;
    for (const std::string_view suffix : {std::string_view("/s"), std::string_view("rps")})
      if (value.size() > suffix.size() && value.substr(value.size() - suffix.size()) == suffix) {
        value.remove_suffix(suffix.size());
        isRate = true;
      }
    const auto target = number(trim(value));
    if (!seconds || !target || *target < 0) {
      error = "bad stage '" + std::string(item) + "': DURATION:TARGET with a duration like 30s and a number";
      return std::nullopt;
    }
    (isRate ? anyRate : anyPlain) = true;
    stages.push_back({*seconds, *target});
  }
  if (stages.empty()) {
    error = "no stages in '" + text + "'";
    return std::nullopt;
  }
  if (anyRate && anyPlain) {
    error = "stages mix rates (/s) and connections: use one kind";
    return std::nullopt;
  }
  if (anyRate) rateStages = true;
  return stages;
}

std::optional<std::pair<double, double>> parseThinkTime(const std::string& text) {
  // A dash that is not a sign: "50ms-200ms".
  const auto dash = text.find('-', 1);
  const auto low = parseDuration(text.substr(0, dash));
  if (!low) return std::nullopt;
  if (dash == std::string::npos) return std::make_pair(*low, *low);
  const auto high = parseDuration(text.substr(dash + 1));
  if (!high || *high < *low) return std::nullopt;
  return std::make_pair(*low, *high);
}

std::vector<std::string> validate(const LoadPlan& plan) {
  std::vector<std::string> problems;
  if (plan.target.host.empty()) problems.push_back("no target URL");
  if (plan.requests.empty()) problems.push_back("no request to send");
  uint64_t weights = 0;
  for (const RequestTemplate& r : plan.requests) {
    if (r.method.empty() || r.method.find_first_of(" \r\n") != std::string::npos) problems.push_back("bad method '" + r.method + "'");
    if (r.path.empty() || r.path.front() != '/' || r.path.find_first_of(" \r\n") != std::string::npos)
      problems.push_back("bad path '" + r.path + "'");
    for (const auto& [name, value] : r.headers)
      if (name.empty() || name.find_first_of(": \r\n") != std::string::npos || value.find_first_of("\r\n") != std::string::npos)
        problems.push_back("bad header '" + name + "'");
    weights += r.weight;
  }
  if (!plan.requests.empty() && weights == 0) problems.push_back("every request has weight 0");
  if (plan.threads < 1 || plan.threads > 256) problems.push_back("threads must be between 1 and 256");
  if (plan.connections < 1 || plan.connections > 100000) problems.push_back("connections must be between 1 and 100000");
  if (plan.connections < plan.threads) problems.push_back("connections must be at least the number of threads");
  if (!(plan.durationSeconds > 0) && plan.stages.empty()) problems.push_back("the duration must be positive");
  if (plan.issueSeconds() > 24 * 3600) problems.push_back("a run lasts at most 24 hours");
  if (plan.rate < 0 || plan.rate > 10'000'000) problems.push_back("the rate must be between 0 and 10000000 per second");
  if (!(plan.timeoutSeconds > 0) || !(plan.connectTimeoutSeconds > 0)) problems.push_back("timeouts must be positive");
  if (!plan.stages.empty() && !(plan.issueSeconds() > 0)) problems.push_back("the stages last no time");
  if (plan.thinkSeconds < 0 || plan.thinkMaxSeconds < 0 || plan.thinkSeconds > 3600 || plan.thinkMaxSeconds > 3600)
    problems.push_back("think time must be between 0 and 1 hour");
  if ((plan.thinkSeconds > 0 || plan.thinkMaxSeconds > 0) && plan.openLoop())
    problems.push_back("think time is for closed-loop runs: an open-loop run's rate already spaces its requests");
  if (!plan.rateStages)
    for (const Stage& s : plan.stages)
      if (s.target > 100000) problems.push_back("a stage asks for more than 100000 connections");
  for (const std::string& t : plan.thresholds) {
    std::string error;
    if (!parseThreshold(t, error)) problems.push_back(error);
  }
  return problems;
}

}  // namespace sluice::loadgen
