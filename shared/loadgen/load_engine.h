#pragma once
// Runs a LoadPlan: validates it, resolves the target once, builds each request's bytes, starts
// `threads` workers (each with its share of the connections, the rate and the request budget),
// reports every finished second to the caller while they run, and merges their figures into one
// LoadResult with the thresholds' verdict. Always ends: at the end of the plan's time (plus at
// most one request timeout for the answers still on their way), at its request count, or at cancel().
#include "core/result.h"
#include "loadgen/load_plan.h"
#include "loadgen/load_result.h"

#include <atomic>
#include <functional>

namespace sluice::loadgen {

class LoadEngine {
 public:
  explicit LoadEngine(LoadPlan plan) : plan_(std::move(plan)) {}

  // Called on the thread that runs the plan, once per finished second, in order.
  void onSecond(std::function<void(const SecondFigures&)> callback) { onSecond_ = std::move(callback); }
  // Blocks until the run ends. An error (an invalid plan, a host that does not resolve, no TLS)
  // comes back before anything is sent.
  core::Result<LoadResult> run();
  // From any thread: stops issuing at once; run() returns what was measured, marked cancelled.
  void cancel() { cancelRequested_ = true; }

  const LoadPlan& plan() const { return plan_; }

 private:
  LoadPlan plan_;
  std::function<void(const SecondFigures&)> onSecond_;
  std::atomic<bool> cancelRequested_{false};
};

// The mode a plan runs in, as results name it: closed-loop, constant-rate, ramping-rate, ramping-connections.
std::string modeOf(const LoadPlan& plan);
// The bytes of one request as the engine writes them (Host from the target unless given; a
// Content-Length whenever there is a body or the method usually carries one).
std::string requestBytes(const Target& target, const RequestTemplate& request);

}  // namespace sluice::loadgen
