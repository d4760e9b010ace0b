#include "loadtest/loadtest_runs.h"

#include "core/clock.h"
#include "core/uuid.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace sluice::loadtest {

using nlohmann::json;

json LoadtestRuns::Run::toJson(size_t since) const {
  json j = {{"id", id}, {"created_at", createdAt}, {"state", state}, {"request", request}};
  json s = json::array();
  for (size_t i = since; i < seconds.size(); ++i) s.push_back(seconds[i]);
  j["seconds"] = std::move(s);
  j["seconds_total"] = seconds.size();
  if (!result.is_null()) j["result"] = result;
  if (!error.empty()) j["error"] = error;
  return j;
}

json LoadtestRuns::Run::summary() const {
  json j = {{"id", id}, {"created_at", createdAt}, {"state", state}, {"route", request.value("route", "")}};
  if (result.is_object() && result.contains("capacity")) {
    j["knee_rps"] = result["capacity"].value("knee_rps", 0.0);
  } else if (result.is_object()) {
    j["requests"] = result.value("requests", 0);
    j["rps"] = result.value("rps", 0.0);
    j["errors"] = result.value("errors", 0);
    j["p99_ms"] = result.contains("latency_ms") ? result["latency_ms"].value("p99", 0.0) : 0.0;
    j["passed"] = result.value("passed", true);
  }
  return j;
}

LoadtestRuns::LoadtestRuns(std::string directory, size_t kept) : directory_(std::move(directory)), kept_(std::max<size_t>(kept, 1)) {
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  // Earlier tests, oldest first.
  std::vector<std::unique_ptr<Run>> found;
  for (const auto& entry : std::filesystem::directory_iterator(directory_, ec)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const json j = json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("id")) continue;
    auto run = std::make_unique<Run>();
    run->id = j.value("id", "");
    run->createdAt = j.value("created_at", int64_t{0});
    run->state = j.value("state", "finished");
    run->request = j.value("request", json::object());
    run->result = j.value("result", json());
    run->error = j.value("error", "");
    for (const auto& s : j.value("seconds", json::array())) run->seconds.push_back(s);
    found.push_back(std::move(run));
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a->createdAt < b->createdAt; });
  for (auto& r : found) runs_.push_back(std::move(r));
  std::lock_guard lock(mutex_);
  prune();
}

LoadtestRuns::~LoadtestRuns() {
  {
    std::lock_guard lock(mutex_);
    if (running_) running_->cancel();
  }
  if (thread_.joinable()) thread_.join();
}

LoadtestRuns::Run* LoadtestRuns::find(const std::string& id) const {
  for (const auto& r : runs_)
    if (r->id == id) return r.get();
  return nullptr;
}

std::optional<std::string> LoadtestRuns::start(loadgen::LoadPlan plan, json request, std::string& busy,
                                               std::optional<loadgen::CapacitySearch> capacity) {
  std::lock_guard lock(mutex_);
  if (running_) {
    busy = running_->id;
    return std::nullopt;
  }
  if (thread_.joinable()) thread_.join();  // the previous one has ended
  auto run = std::make_unique<Run>();
  run->id = core::newUuid();
  run->createdAt = core::unixMillis();
  run->state = "running";
  run->request = std::move(request);
  if (capacity) run->finder = std::make_unique<loadgen::CapacityFinder>(std::move(plan), *capacity);
  else run->engine = std::make_unique<loadgen::LoadEngine>(std::move(plan));
  running_ = run.get();
  runs_.push_back(std::move(run));
  prune();
  thread_ = std::thread([this, r = running_] { execute(r); });
  return running_->id;
}

void LoadtestRuns::execute(Run* run) {
  const auto keep = [this, run](json point) {
    std::lock_guard lock(mutex_);
    run->seconds.push_back(std::move(point));
    changed_.notify_all();
  };
  const auto ended = [&](const auto& result, auto toJson) {
    std::lock_guard lock(mutex_);
    if (result) {
      run->result = toJson(*result);
      run->state = result->cancelled ? "cancelled" : "finished";
    } else {
      run->state = "failed";
      run->error = result.error().message;
    }
  };
  if (run->finder) {
    // A capacity search: its seconds carry the step's offered rate; each finished step is kept
    // in the result as it ends, for a caller that polls.
    run->finder->onSecond([keep](double offered, const loadgen::SecondFigures& s) {
      json point = loadgen::TimelinePoint::of(s).toJson();
      point["offered_rps"] = offered;
      keep(std::move(point));
    });
    run->finder->onStep([this, run](const loadgen::CapacityStep& step) {
      std::lock_guard lock(mutex_);
      if (!run->result.is_object()) run->result = json{{"capacity", {{"steps", json::array()}}}};
      run->result["capacity"]["steps"].push_back(step.toJson());
      changed_.notify_all();
    });
    ended(run->finder->run(), [](const loadgen::CapacityResult& r) { return json{{"capacity", r.toJson()}}; });
  } else {
    run->engine->onSecond([keep](const loadgen::SecondFigures& s) { keep(loadgen::TimelinePoint::of(s).toJson()); });
    ended(run->engine->run(), [](const loadgen::LoadResult& r) { return r.toJson(); });
  }
  std::lock_guard lock(mutex_);
  run->engine.reset();
  run->finder.reset();
  running_ = nullptr;
  persist(*run);
  changed_.notify_all();
}

void LoadtestRuns::persist(const Run& run) const {
  json j = run.toJson(0);
  const std::string path = directory_ + "/" + run.id + ".json";
  std::ofstream out(path + ".tmp", std::ios::trunc);
  out << j.dump();
  out.close();
  std::error_code ec;
  if (out) std::filesystem::rename(path + ".tmp", path, ec);
}

void LoadtestRuns::prune() {
  while (runs_.size() > kept_ && runs_.front().get() != running_) {
    std::error_code ec;
    std::filesystem::remove(directory_ + "/" + runs_.front()->id + ".json", ec);
    runs_.pop_front();
  }
}

json LoadtestRuns::list() const {
  std::lock_guard lock(mutex_);
  json data = json::array();
  for (auto it = runs_.rbegin(); it != runs_.rend(); ++it) data.push_back((*it)->summary());
  return data;
}

std::optional<json> LoadtestRuns::get(const std::string& id, size_t since) const {
  std::lock_guard lock(mutex_);
  const Run* run = find(id);
  if (!run) return std::nullopt;
  return run->toJson(since);
}

void LoadtestRuns::waitForProgress(const std::string& id, size_t seconds, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] {
    const Run* run = find(id);
    return !run || run->state != "running" || run->seconds.size() > seconds;
  });
}

bool LoadtestRuns::cancelOrRemove(const std::string& id) {
  std::lock_guard lock(mutex_);
  Run* run = find(id);
  if (!run) return false;
  if (run == running_) {
    run->cancel();
    return true;
  }
  std::error_code ec;
  std::filesystem::remove(directory_ + "/" + id + ".json", ec);
  runs_.erase(std::find_if(runs_.begin(), runs_.end(), [&](const auto& r) { return r.get() == run; }));
  return true;
}

}  // namespace sluice::loadtest
