#pragma once
// Pass/fail conditions on a finished run, k6-style: "p99<50ms", "p(99.9)<=0.2s", "mean<10ms",
// "max<1s", "errors<0.1%" (or a fraction, "errors<0.001"), "rps>1000", "requests>=5000".
// Latencies compare in milliseconds (units us, ms, s, m; a bare number is milliseconds).
#include <optional>
#include <string>

namespace sluice::loadgen {

struct LoadResult;

struct Threshold {
  enum class Metric { Percentile, Mean, Min, Max, ErrorRate, Rps, Requests };
  enum class Op { Less, LessEqual, Greater, GreaterEqual };
  std::string text;
  Metric metric = Metric::Percentile;
  double percentile = 99;  // for Percentile
  Op op = Op::Less;
  double limit = 0;        // ms for latencies, a fraction for errors, a count or rate otherwise

  // The run's value of this metric, in the limit's unit.
  double valueOf(const LoadResult& result) const;
  bool holds(double value) const;
};

std::optional<Threshold> parseThreshold(const std::string& text, std::string& error);

}  // namespace sluice::loadgen
