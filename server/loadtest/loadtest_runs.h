#pragma once
// The node's load tests: one runs at a time on a thread of its own (the engine's workers besides);
// each second of it is kept as it comes, for polling and streaming; the finished record (request,
// result, timeline) is written to <prefix>/loadtests/<id>.json and the newest `kept` are kept,
// across restarts.
#include "loadgen/capacity_finder.h"
#include "loadgen/load_engine.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace sluice::loadtest {

class LoadtestRuns {
 public:
  LoadtestRuns(std::string directory, size_t kept);
  ~LoadtestRuns();  // cancels a running test and waits for it
  LoadtestRuns(const LoadtestRuns&) = delete;
  LoadtestRuns& operator=(const LoadtestRuns&) = delete;

  // Starts a test; `request` is what was asked (kept with the result). nullopt, with the running
  // test's id in `busy`, when one is already running.
  // With `capacity`, a capacity search: steps of rising rate, its result {"capacity": {...}}.
  std::optional<std::string> start(loadgen::LoadPlan plan, nlohmann::json request, std::string& busy,
                                   std::optional<loadgen::CapacitySearch> capacity = std::nullopt);
  // Every test, newest first: id, state, when, route and headline figures.
  nlohmann::json list() const;
  // One test: state, request, the seconds after `since` (all when 0), the result once finished.
  std::optional<nlohmann::json> get(const std::string& id, size_t since = 0) const;
  // Waits until the test has more than `seconds` seconds or has ended (or `timeout` passes).
  void waitForProgress(const std::string& id, size_t seconds, std::chrono::milliseconds timeout) const;
  // Running: cancels it (its partial result is kept). Finished: forgets it. False: no such test.
  bool cancelOrRemove(const std::string& id);

 private:
  struct Run {
    std::string id;
    int64_t createdAt = 0;
    std::string state;  // running, finished, cancelled, failed
    nlohmann::json request;
    std::vector<nlohmann::json> seconds;
    nlohmann::json result;  // null until it ends
    std::string error;
    std::unique_ptr<loadgen::LoadEngine> engine;      // one run
    std::unique_ptr<loadgen::CapacityFinder> finder;  // or a capacity search
    void cancel() {
      if (engine) engine->cancel();
      if (finder) finder->cancel();
    }
    nlohmann::json toJson(size_t since) const;
    nlohmann::json summary() const;
  };
  void execute(Run* run);
  void persist(const Run& run) const;
  void prune();  // under mutex_
  Run* find(const std::string& id) const;

  std::string directory_;
  size_t kept_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<std::unique_ptr<Run>> runs_;  // oldest first
  Run* running_ = nullptr;
  std::thread thread_;
};

}  // namespace sluice::loadtest
