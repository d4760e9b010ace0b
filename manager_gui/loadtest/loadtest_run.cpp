#include "loadtest/loadtest_run.h"

#include "admin_client/api_error.h"

#include <QMetaObject>
#include <QPointer>

namespace sluice::manager {

LocalLoadtestRun::LocalLoadtestRun(loadgen::LoadPlan plan, QObject* parent)
    : LoadtestRun(parent), engine_(std::make_unique<loadgen::LoadEngine>(std::move(plan))) {}

LocalLoadtestRun::~LocalLoadtestRun() {
  engine_->cancel();
  if (thread_.joinable()) thread_.join();
}

void LoadtestRun::emitLater(void (LoadtestRun::*signal)(const nlohmann::json&), nlohmann::json value) {
  QPointer<LoadtestRun> self(this);
  QMetaObject::invokeMethod(this, [self, signal, value = std::move(value)] {
    if (self) emit(self->*signal)(value);
  }, Qt::QueuedConnection);
}

void LoadtestRun::runOnThread(std::thread& thread, bool& running, std::function<std::pair<nlohmann::json, QString>()> work) {
  running = true;
  QPointer<LoadtestRun> self(this);
  thread = std::thread([self, &running, work = std::move(work)] {
    auto [summary, error] = work();
    QMetaObject::invokeMethod(self, [self, &running, summary = std::move(summary), error = std::move(error)] {
      if (!self) return;
      running = false;
      if (error.isEmpty()) emit self->finished(summary);
      else emit self->failed(error);
    }, Qt::QueuedConnection);
  });
}

void LocalLoadtestRun::start() {
  if (running_ || thread_.joinable()) return;
  engine_->onSecond([this](const loadgen::SecondFigures& s) { emitLater(&LoadtestRun::secondArrived, loadgen::TimelinePoint::of(s).toJson()); });
  runOnThread(thread_, running_, [this] {
    auto result = engine_->run();
    if (!result) return std::make_pair(nlohmann::json(), QString::fromStdString(result.error().message));
    return std::make_pair(result->toJson(), QString());
  });
}

void LocalLoadtestRun::cancel() { engine_->cancel(); }

LocalCapacityRun::LocalCapacityRun(loadgen::LoadPlan base, loadgen::CapacitySearch search, QObject* parent)
    : LoadtestRun(parent), finder_(std::make_unique<loadgen::CapacityFinder>(std::move(base), search)) {}

LocalCapacityRun::~LocalCapacityRun() {
  finder_->cancel();
  if (thread_.joinable()) thread_.join();
}

void LocalCapacityRun::start() {
  if (running_ || thread_.joinable()) return;
  // Second by second (a running count across steps, as the gateway's runs count them).
  auto second = std::make_shared<int>(0);
  finder_->onSecond([this, second](double offered, const loadgen::SecondFigures& s) {
    nlohmann::json point = loadgen::TimelinePoint::of(s).toJson();
    point["second"] = (*second)++;
    point["offered_rps"] = offered;
    emitLater(&LoadtestRun::secondArrived, std::move(point));
  });
  finder_->onStep([this](const loadgen::CapacityStep& step) { emitLater(&LoadtestRun::stepArrived, step.toJson()); });
  runOnThread(thread_, running_, [this] {
    auto result = finder_->run();
    if (!result) return std::make_pair(nlohmann::json(), QString::fromStdString(result.error().message));
    return std::make_pair(nlohmann::json{{"capacity", result->toJson()}}, QString());
  });
}

void LocalCapacityRun::cancel() { finder_->cancel(); }

GatewayLoadtestRun::GatewayLoadtestRun(admin_client::Transport& transport, nlohmann::json request, QObject* parent)
    : LoadtestRun(parent), transport_(transport), request_(std::move(request)) {
  timer_.setInterval(500);
  connect(&timer_, &QTimer::timeout, this, &GatewayLoadtestRun::poll);
}

void GatewayLoadtestRun::start() {
  QPointer<GatewayLoadtestRun> self(this);
  transport_.send({"POST", "/sluice/loadtests", request_.dump(), "application/json"}, [self](const admin_client::Response& r) {
    if (!self) return;
    if (!r.ok()) {
      emit self->failed(QString::fromStdString(admin_client::errorFrom(r).summary()));
      return;
    }
    const nlohmann::json run = nlohmann::json::parse(r.body, nullptr, false);
    self->id_ = QString::fromStdString(run.value("id", ""));
    self->timer_.start();
  });
}

void GatewayLoadtestRun::cancel() {
  if (id_.isEmpty() || done_) return;
  transport_.send({"DELETE", "/sluice/loadtests/" + id_.toStdString(), "", "application/json"}, [](const admin_client::Response&) {});
}

void GatewayLoadtestRun::poll() {
  if (inFlight_ || done_) return;
  inFlight_ = true;
  QPointer<GatewayLoadtestRun> self(this);
  const std::string path = "/sluice/loadtests/" + id_.toStdString() + "?since=" + std::to_string(seconds_);
  transport_.send({"GET", path, "", "application/json"}, [self](const admin_client::Response& r) {
    if (!self) return;
    self->inFlight_ = false;
    const nlohmann::json run = nlohmann::json::parse(r.body, nullptr, false);
    if (!r.ok() || !run.is_object()) return;  // the next poll tries again
    for (const auto& s : run.value("seconds", nlohmann::json::array())) {
      ++self->seconds_;
      emit self->secondArrived(s);
    }
    // A capacity search's steps, as each ends.
    if (const auto& result = run.value("result", nlohmann::json::object()); result.is_object() && result.contains("capacity")) {
      const auto steps = result["capacity"].value("steps", nlohmann::json::array());
      for (; self->steps_ < steps.size(); ++self->steps_) emit self->stepArrived(steps[self->steps_]);
    }
    const std::string state = run.value("state", "running");
    if (state == "running") return;
    self->done_ = true;
    self->timer_.stop();
    if (state == "failed") emit self->failed(QString::fromStdString(run.value("error", "the load test failed")));
    else emit self->finished(run.value("result", nlohmann::json::object()));
  });
}

}  // namespace sluice::manager
