#include "loadgen/threshold.h"

#include "loadgen/load_plan.h"
#include "loadgen/load_result.h"

#include <cctype>

namespace sluice::loadgen {
namespace {

std::string compact(const std::string& text) {
  std::string s;
  for (const char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<double> plainNumber(const std::string& s) {
  if (s.empty()) return std::nullopt;
  size_t used = 0;
  try {
    const double v = std::stod(s, &used);
    if (used != s.size()) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<Threshold> parseThreshold(const std::string& text, std::string& error) {
  Threshold t;
  t.text = text;
  const std::string s = compact(text);
  const size_t at = s.find_first_of("<>");
  if (at == std::string::npos || at == 0) {
    error = "threshold '" + text + "': expected METRIC<VALUE or METRIC>VALUE (e.g. p99<50ms, errors<0.1%)";
    return std::nullopt;
  }
  const bool orEqual = at + 1 < s.size() && s[at + 1] == '=';
  t.op = s[at] == '<' ? (orEqual ? Threshold::Op::LessEqual : Threshold::Op::Less)
                      : (orEqual ? Threshold::Op::GreaterEqual : Threshold::Op::Greater);
  const std::string metric = s.substr(0, at);
  std::string value = s.substr(at + (orEqual ? 2 : 1));
  bool latency = false;
  if (metric == "mean" || metric == "avg") t.metric = Threshold::Metric::Mean, latency = true;
  else if (metric == "min") t.metric = Threshold::Metric::Min, latency = true;
  else if (metric == "max") t.metric = Threshold::Metric::Max, latency = true;
  else if (metric == "errors" || metric == "error_rate" || metric == "errors_rate") t.metric = Threshold::Metric::ErrorRate;
  else if (metric == "rps") t.metric = Threshold::Metric::Rps;
  else if (metric == "requests") t.metric = Threshold::Metric::Requests;
  else if (metric.size() > 1 && metric[0] == 'p') {
    std::string p = metric.substr(1);
    if (p.size() > 2 && p.front() == '(' && p.back() == ')') p = p.substr(1, p.size() - 2);
    const auto q = plainNumber(p);
    if (!q || *q <= 0 || *q > 100) {
      error = "threshold '" + text + "': a percentile is p50, p99, p99.9 or p(99.99)";
      return std::nullopt;
    }
    t.percentile = *q;
    latency = true;
  } else {
    error = "threshold '" + text + "': unknown metric '" + metric + "' (pNN, mean, min, max, errors, rps, requests)";
    return std::nullopt;
  }
  double scale = 1;
  if (latency) {
    const auto unit = [&](const char* suffix, double factor) {
      const std::string sfx = suffix;
      if (value.size() > sfx.size() && value.compare(value.size() - sfx.size(), sfx.size(), sfx) == 0) {
        value.resize(value.size() - sfx.size());
        scale = factor;
        return true;
      }
      return false;
    };
    unit("us", 0.001) || unit("ms", 1) || unit("s", 1000) || unit("m", 60000);
  } else if (t.metric == Threshold::Metric::ErrorRate && !value.empty() && value.back() == '%') {
    value.pop_back();
    scale = 0.01;
  }
  const auto limit = plainNumber(value);
  if (!limit || *limit < 0) {
    error = "threshold '" + text + "': '" + value + "' is not a number";
    return std::nullopt;
  }
  t.limit = *limit * scale;
  return t;
}

double Threshold::valueOf(const LoadResult& r) const {
  switch (metric) {
    case Metric::Percentile: return static_cast<double>(r.latency.percentile(percentile / 100.0)) / 1000.0;
    case Metric::Mean: return r.latency.mean() / 1000.0;
    case Metric::Min: return static_cast<double>(r.latency.min()) / 1000.0;
    case Metric::Max: return static_cast<double>(r.latency.max()) / 1000.0;
    case Metric::ErrorRate: return r.requests ? static_cast<double>(r.errors()) / static_cast<double>(r.requests) : 0.0;
    case Metric::Rps: return r.rps();
    case Metric::Requests: return static_cast<double>(r.requests);
  }
  return 0;
}

bool Threshold::holds(double value) const {
  switch (op) {
    case Op::Less: return value < limit;
    case Op::LessEqual: return value <= limit;
    case Op::Greater: return value > limit;
    case Op::GreaterEqual: return value >= limit;
  }
  return false;
}

}  // namespace sluice::loadgen
