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

void LocalLoadtestRun::start() {
  if (running_ || thread_.joinable()) return;
  running_ = true;
  QPointer<LocalLoadtestRun> self(this);
  // The engine reports from its own thread; each report crosses to this object's thread.
  engine_->onSecond([self](const loadgen::SecondFigures& s) {
    nlohmann::json point = loadgen::TimelinePoint::of(s).toJson();
    QMetaObject::invokeMethod(self, [self, point] {
      if (self) emit self->secondArrived(point);
    }, Qt::QueuedConnection);
  });
  thread_ = std::thread([this, self] {
    auto result = engine_->run();
    nlohmann::json summary = result ? result->toJson() : nlohmann::json();
    QString error = result ? QString() : QString::fromStdString(result.error().message);
    QMetaObject::invokeMethod(self, [self, summary = std::move(summary), error] {
      if (!self) return;
      self->running_ = false;
      if (error.isEmpty()) emit self->finished(summary);
      else emit self->failed(error);
    }, Qt::QueuedConnection);
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
  running_ = true;
  QPointer<LocalCapacityRun> self(this);
  // Second by second (a running count across steps, as the gateway's runs count them).
  auto second = std::make_shared<int>(0);
  finder_->onSecond([self, second](double offered, const loadgen::SecondFigures& s) {
    nlohmann::json point = loadgen::TimelinePoint::of(s).toJson();
    point["second"] = (*second)++;
    point["offered_rps"] = offered;
    QMetaObject::invokeMethod(self, [self, point] {
      if (self) emit self->secondArrived(point);
    }, Qt::QueuedConnection);
  });
  finder_->onStep([self](const loadgen::CapacityStep& step) {
    nlohmann::json j = step.toJson();
    QMetaObject::invokeMethod(self, [self, j] {
      if (self) emit self->stepArrived(j);
    }, Qt::QueuedConnection);
  });
  thread_ = std::thread([this, self] {
    auto result = finder_->run();
    nlohmann::json summary = result ? nlohmann::json{{"capacity", result->toJson()}} : nlohmann::json();
    QString error = result ? QString() : QString::fromStdString(result.error().message);
    QMetaObject::invokeMethod(self, [self, summary = std::move(summary), error] {
      if (!self) return;
      self->running_ = false;
      if (error.isEmpty()) emit self->finished(summary);
      else emit self->failed(error);
    }, Qt::QueuedConnection);
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
