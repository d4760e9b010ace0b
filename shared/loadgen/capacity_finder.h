#pragma once
// A capacity finder: open-loop steps of rising rate (start, step, step duration) until one misses
// a limit — p99 above a bound, errors above a share, or throughput that no longer follows the
// offered rate — and the knee: the highest rate that met them all. A step where the generator
// itself was the bottleneck ends the search with that said: past it the figures are the tool's.
// Always ends: at a failing step, at `maxRate`, after `maxSteps`, or at cancel().
#include "core/result.h"
#include "loadgen/load_engine.h"
#include "loadgen/load_plan.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace sluice::loadgen {

struct CapacitySearch {
  double startRate = 100;      // requests per second
  double step = 100;           // added each step
  double stepSeconds = 10;
  double maxRate = 0;          // 0: bounded by maxSteps only
  int maxSteps = 30;
  double p99LimitMs = 0;       // 0: no latency limit
  double errorLimit = 0.01;    // share of requests
  double followShare = 0.9;    // achieved / offered below this: the server no longer keeps up
};

struct CapacityStep {
  double offered = 0, achieved = 0;
  double p50Ms = 0, p99Ms = 0, errorShare = 0;
  bool met = true;
  std::string missed;          // which limit, with the figures
  std::string generatorWarning;
  nlohmann::json toJson() const;
};

struct CapacityResult {
  std::vector<CapacityStep> steps;
  double knee = 0;             // the highest offered rate that met every limit (0: none did)
  std::string stoppedBecause;
  bool generatorLimited = false;
  bool cancelled = false;
  nlohmann::json toJson() const;
};

// Every problem with a search, one message each (empty when it can run).
std::vector<std::string> validate(const CapacitySearch& search);

class CapacityFinder {
 public:
  // `base`: the requests, target, connections and threads; its rate, stages, duration, request
  // count and thresholds are the finder's to set.
  CapacityFinder(LoadPlan base, CapacitySearch search) : base_(std::move(base)), search_(search) {}

  // Called on the running thread after each step, in order.
  void onStep(std::function<void(const CapacityStep&)> callback) { onStep_ = std::move(callback); }
  // Called on the running thread each second of each step (progress).
  void onSecond(std::function<void(double offered, const SecondFigures&)> callback) { onSecond_ = std::move(callback); }
  core::Result<CapacityResult> run();
  // From any thread: ends the step under way and the search.
  void cancel();

  // The verdict of one step's figures against the limits.
  static CapacityStep judge(double offered, const LoadResult& r, const CapacitySearch& search);

 private:
  LoadPlan base_;
  CapacitySearch search_;
  std::function<void(const CapacityStep&)> onStep_;
  std::function<void(double, const SecondFigures&)> onSecond_;
  std::mutex mutex_;
  LoadEngine* running_ = nullptr;
  bool cancelled_ = false;
};

}  // namespace sluice::loadgen
