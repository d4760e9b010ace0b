#pragma once
// The manager's Load test tab: the form on the left; on the right a run's seconds live, then its
// percentiles (beside a compared run's), its latency distribution, errors by kind and the
// gateway's own gateway/upstream split of the same seconds (from the live frames). Runs can be
// saved, compared (before/after a change) and exported as JSON, CSV or PNG.
#include "admin_client/transport.h"
#include "loadtest/loadtest_charts.h"
#include "loadtest/loadtest_form.h"
#include "loadtest/loadtest_run.h"
#include "loadtest/saved_runs.h"

#include <QWidget>

#include <nlohmann/json.hpp>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

class QTabWidget;

namespace sluice::manager {

class LoadtestView : public QWidget {
  Q_OBJECT

 public:
  explicit LoadtestView(QWidget* parent = nullptr);

  void setGateway(admin_client::Transport* transport, const QString& adminHost, const QString& proxyListen);
  LoadtestForm& form() { return *form_; }
  LoadtestCharts& charts() { return *charts_; }
  QTableWidget* percentiles() const { return percentiles_; }
  QTableWidget* errors() const { return errors_; }
  SavedRuns& savedRuns() { return saved_; }
  bool running() const { return run_ && run_->running(); }
  const nlohmann::json& result() const { return result_; }
  const std::vector<nlohmann::json>& timeline() const { return timeline_; }
  // A capacity search's steps so far, and its summary (the knee, why it stopped).
  const nlohmann::json& capacitySteps() const { return steps_; }
  QString capacitySummary() const;
  size_t gatewaySeconds() const { return gateway_.size(); }
  // The record save() writes: name, saved_at, result, timeline, gateway.
  nlohmann::json record() const;

 public slots:
  void start();
  void cancel();
  QString save();                      // returns the saved file's name
  void compareWith(const QString& file);  // empty: no comparison
  bool exportJson(const QString& path) const;
  bool exportCsv(const QString& path) const;
  bool exportPng(const QString& path);
  void addFrame(const nlohmann::json& frame);  // the gateway's live frames

 signals:
  void finished(const nlohmann::json& result);
  void failed(const QString& message);

 private:
  void begin(LoadtestRun* run);
  void onSecond(const nlohmann::json& point);
  void onFinished(const nlohmann::json& result);
  void onStep(const nlohmann::json& step);
  void showCapacity(const nlohmann::json& capacity);
  void showResult();
  void refreshSaved();

  admin_client::Transport* transport_ = nullptr;
  LoadtestForm* form_;
  LoadtestCharts* charts_;
  LoadtestRun* run_ = nullptr;
  SavedRuns saved_;
  QLabel* status_;
  QPushButton* runButton_;
  QPushButton* cancelButton_;
  QComboBox* compare_;
  QTableWidget* percentiles_;
  QTableWidget* errors_;
  QLabel* gatewaySummary_;
  QLabel* capacitySummary_;
  QTabWidget* resultTabs_;
  QWidget* capacityTab_;
  nlohmann::json steps_ = nlohmann::json::array();
  QWidget* results_;
  nlohmann::json result_ = nlohmann::json::object(), compared_ = nlohmann::json::object();  // empty: none
  std::vector<nlohmann::json> timeline_;
  std::vector<std::array<double, 3>> gateway_;  // second, gateway ms, upstream ms
  QString name_, routeId_;
  double startedAt_ = 0, endedAt_ = 0;  // seconds since the epoch
};

}  // namespace sluice::manager
