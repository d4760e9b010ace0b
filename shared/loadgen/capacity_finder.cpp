#include "loadgen/capacity_finder.h"

#include <cmath>
#include <sstream>

namespace sluice::loadgen {
namespace {

double round2(double v) { return std::round(v * 100.0) / 100.0; }

std::string figure(double v) {
  std::ostringstream out;
  out.precision(v < 10 ? 2 : 0);
  out << std::fixed << v;
  return out.str();
}

}  // namespace

nlohmann::json CapacityStep::toJson() const {
  return {{"offered_rps", round2(offered)}, {"achieved_rps", round2(achieved)}, {"p50_ms", round2(p50Ms)},
          {"p99_ms", round2(p99Ms)}, {"error_share", errorShare}, {"met", met},
          {"missed", missed.empty() ? nlohmann::json(nullptr) : nlohmann::json(missed)},
          {"generator_warning", generatorWarning.empty() ? nlohmann::json(nullptr) : nlohmann::json(generatorWarning)}};
}

nlohmann::json CapacityResult::toJson() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : steps) list.push_back(s.toJson());
  return {{"knee_rps", round2(knee)}, {"stopped_because", stoppedBecause}, {"generator_limited", generatorLimited},
          {"cancelled", cancelled}, {"steps", list}};
}

std::vector<std::string> validate(const CapacitySearch& s) {
  std::vector<std::string> problems;
  if (!(s.startRate > 0)) problems.push_back("the start rate must be above 0");
  if (!(s.step > 0)) problems.push_back("the step must be above 0");
  if (!(s.stepSeconds >= 1)) problems.push_back("a step lasts at least 1 s");
  if (s.maxSteps < 1 || s.maxSteps > 1000) problems.push_back("steps: 1 to 1000");
  if (s.p99LimitMs < 0) problems.push_back("the p99 limit cannot be negative");
  if (s.errorLimit < 0 || s.errorLimit > 1) problems.push_back("the error limit is a share from 0 to 1");
  if (s.followShare <= 0 || s.followShare > 1) problems.push_back("the follow share is from 0 (excluded) to 1");
  if (s.maxRate < 0) problems.push_back("the highest rate cannot be negative");
  return problems;
}

CapacityStep CapacityFinder::judge(double offered, const LoadResult& r, const CapacitySearch& search) {
  CapacityStep step;
  step.offered = offered;
  step.achieved = r.durationSeconds > 0 ? static_cast<double>(r.responses) / r.durationSeconds : 0;
  step.p50Ms = static_cast<double>(r.latency.percentile(0.50)) / 1000.0;
  step.p99Ms = static_cast<double>(r.latency.percentile(0.99)) / 1000.0;
  step.errorShare = r.errorRate();
  step.generatorWarning = r.generatorWarning();
  std::vector<std::string> missed;
  if (search.p99LimitMs > 0 && step.p99Ms > search.p99LimitMs)
    missed.push_back("p99 " + figure(step.p99Ms) + " ms above " + figure(search.p99LimitMs) + " ms");
  if (step.errorShare > search.errorLimit)
    missed.push_back("errors " + figure(step.errorShare * 100) + " % above " + figure(search.errorLimit * 100) + " %");
  if (step.achieved < search.followShare * offered)
    missed.push_back("throughput " + figure(step.achieved) + "/s no longer follows the offered " + figure(offered) + "/s");
  for (const auto& m : missed) step.missed += (step.missed.empty() ? "" : "; ") + m;
  step.met = missed.empty();
  return step;
}

void CapacityFinder::cancel() {
  std::lock_guard lock(mutex_);
  cancelled_ = true;
  if (running_) running_->cancel();
}

core::Result<CapacityResult> CapacityFinder::run() {
  if (const auto problems = validate(search_); !problems.empty()) return core::Error::badRequest(problems.front());
  CapacityResult result;
  for (int i = 0; i < search_.maxSteps; ++i) {
    const double offered = search_.startRate + search_.step * i;
    if (search_.maxRate > 0 && offered > search_.maxRate) {
      result.stoppedBecause = "reached the highest rate asked for (" + figure(search_.maxRate) + "/s) within the limits";
      break;
    }
    LoadPlan plan = base_;
    plan.rate = offered;
    plan.rateStages = false;
    plan.stages.clear();
    plan.durationSeconds = search_.stepSeconds;
    plan.maxRequests = 0;
    plan.thresholds.clear();
    LoadEngine engine(std::move(plan));
    // The step's own seconds; the stub after its end (answers still in flight) would show as a
    // second of almost nothing between two steps.
    const auto whole = static_cast<uint32_t>(std::ceil(search_.stepSeconds));
    if (onSecond_)
      engine.onSecond([&, whole](const SecondFigures& s) {
        if (s.second < whole) onSecond_(offered, s);
      });
    {
      std::lock_guard lock(mutex_);
      if (cancelled_) break;
      running_ = &engine;
    }
    auto measured = engine.run();
    {
      std::lock_guard lock(mutex_);
      running_ = nullptr;
    }
    if (!measured) return measured.error();
    if (measured->cancelled) {
      result.cancelled = true;
      result.stoppedBecause = "cancelled";
      break;
    }
    CapacityStep step = judge(offered, *measured, search_);
    result.steps.push_back(step);
    if (onStep_) onStep_(step);
    if (!step.generatorWarning.empty()) {
      result.generatorLimited = true;
      result.stoppedBecause = "the load generator reached its own limit at " + figure(offered) + "/s: " + step.generatorWarning;
      break;
    }
    if (!step.met) {
      result.stoppedBecause = "at " + figure(offered) + "/s: " + step.missed;
      break;
    }
    result.knee = offered;
  }
  if (result.stoppedBecause.empty()) result.stoppedBecause = "every step met the limits (" + std::to_string(search_.maxSteps) + " steps)";
  return result;
}

}  // namespace sluice::loadgen
