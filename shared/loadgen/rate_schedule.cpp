#include "loadgen/rate_schedule.h"

#include "loadgen/load_plan.h"

#include <cmath>

namespace sluice::loadgen {

RateSchedule::RateSchedule(const LoadPlan& plan) {
  if (!plan.rateStages || plan.stages.empty()) {
    pieces_.push_back({0, plan.issueSeconds(), plan.rate, plan.rate});
    return;
  }
  double at = 0, rate = plan.rate;
  for (const Stage& s : plan.stages) {
    if (s.seconds > 0) pieces_.push_back({at, at + s.seconds, rate, s.target});
    at += s.seconds;
    rate = s.target;
  }
}

double RateSchedule::rateAt(double t) const {
  for (const Piece& p : pieces_)
    if (t >= p.start && t < p.end) return p.fromRate + (p.toRate - p.fromRate) * (t - p.start) / (p.end - p.start);
  return 0;
}

double RateSchedule::timeOf(uint64_t j) const {
  double amount = static_cast<double>(j);
  for (const Piece& p : pieces_) {
    const double t = p.start;
    const double slope = (p.toRate - p.fromRate) / (p.end - p.start);
    const double rate = p.fromRate;
    const double span = p.end - t;
    const double area = rate * span + 0.5 * slope * span * span;
    if (area > amount) {
      // Solve rate·x + slope·x²/2 = amount in its cancellation-free form (also right for slope 0).
      const double root = std::sqrt(std::max(0.0, rate * rate + 2 * slope * amount));
      const double x = rate + root > 0 ? 2 * amount / (rate + root) : 0;
      return t + x;
    }
    amount -= area;
  }
  return kNever;
}

}  // namespace sluice::loadgen
