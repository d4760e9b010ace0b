#pragma once
// When open-loop requests are due. The rate is piecewise linear over time (a constant rate is one
// piece; stages ramp from one rate to the next), and request number j is due when the integral of
// the rate since the start reaches j — so the count over any stretch is exact, whatever the ramp,
// and the threads of a run share the arrivals (thread w takes j = w, w + threads, ...).
#include <cstdint>
#include <limits>
#include <vector>

namespace sluice::loadgen {

struct LoadPlan;

class RateSchedule {
 public:
  explicit RateSchedule(const LoadPlan& plan);
  static constexpr double kNever = std::numeric_limits<double>::infinity();
  // When request number j (0, 1, ...) is due, in seconds since the start: where the integral of
  // the rate from the start reaches j (computed from the start each time, so no rounding piles
  // up); kNever when that lies at or past the end.
  double timeOf(uint64_t j) const;
  double rateAt(double t) const;

 private:
  struct Piece {
    double start, end, fromRate, toRate;
  };
  std::vector<Piece> pieces_;
};

}  // namespace sluice::loadgen
