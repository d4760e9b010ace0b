#pragma once
// One load test as the manager watches it, wherever it runs: on this computer (the engine of
// shared/loadgen on a thread of its own) or on the gateway host (POST /sluice/loadtests, then its
// progress polled). Either way a second arrives as a timeline point and the end as the engine's
// JSON summary, so the view does not care where the load came from.
#include "admin_client/transport.h"
#include "loadgen/capacity_finder.h"
#include "loadgen/load_engine.h"

#include <QObject>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <thread>

namespace sluice::manager {

class LoadtestRun : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;
  virtual void start() = 0;
  virtual void cancel() = 0;
  virtual bool running() const = 0;

 signals:
  void secondArrived(const nlohmann::json& point);  // TimelinePoint::toJson
  void finished(const nlohmann::json& result);      // LoadResult::toJson, or {"capacity": CapacityResult::toJson}
  void stepArrived(const nlohmann::json& step);     // a capacity search's finished step (CapacityStep::toJson)
  void failed(const QString& message);

 protected:
  // Runs `work` on `thread` and reports its end on this object's thread: `running` cleared, then
  // finished(result), or failed(error) when the error is not empty.
  void runOnThread(std::thread& thread, bool& running, std::function<std::pair<nlohmann::json, QString>()> work);
  // Emits `signal` with `value` on this object's thread (the engine reports from its own).
  void emitLater(void (LoadtestRun::*signal)(const nlohmann::json&), nlohmann::json value);
};

// The engine on this computer. The plan is checked by the engine; a bad one fails at once.
class LocalLoadtestRun : public LoadtestRun {
  Q_OBJECT

 public:
  explicit LocalLoadtestRun(loadgen::LoadPlan plan, QObject* parent = nullptr);
  ~LocalLoadtestRun() override;
  void start() override;
  void cancel() override;
  bool running() const override { return running_; }

 private:
  std::unique_ptr<loadgen::LoadEngine> engine_;
  std::thread thread_;
  bool running_ = false;
};

// A capacity search on this computer (loadgen::CapacityFinder on a thread of its own): each second
// carries its step's offered rate (`offered_rps`), each step arrives as it ends.
class LocalCapacityRun : public LoadtestRun {
  Q_OBJECT

 public:
  LocalCapacityRun(loadgen::LoadPlan base, loadgen::CapacitySearch search, QObject* parent = nullptr);
  ~LocalCapacityRun() override;
  void start() override;
  void cancel() override;
  bool running() const override { return running_; }

 private:
  std::unique_ptr<loadgen::CapacityFinder> finder_;
  std::thread thread_;
  bool running_ = false;
};

// POST /sluice/loadtests with `request`, then GET /sluice/loadtests/{id}?since=N twice a second.
class GatewayLoadtestRun : public LoadtestRun {
  Q_OBJECT

 public:
  GatewayLoadtestRun(admin_client::Transport& transport, nlohmann::json request, QObject* parent = nullptr);
  void start() override;
  void cancel() override;
  bool running() const override { return !id_.isEmpty() && !done_; }
  QString id() const { return id_; }

 private:
  void poll();

  admin_client::Transport& transport_;
  nlohmann::json request_;
  QString id_;
  size_t seconds_ = 0, steps_ = 0;
  bool done_ = false, inFlight_ = false;
  QTimer timer_;
};

}  // namespace sluice::manager
