#pragma once
// Latency troubleshooting for one route: where its time goes second by second (gateway, plugins,
// upstream connect, upstream response, transfer, stacked — from the per-route totals of
// GET /sluice/metrics/routes, read once a second), its slow-request traces (GET /sluice/traces),
// the selected one as a waterfall, and its upstream's targets: health, requests and response times. One click from a trace
// to the route's configuration or to the plugin that took the time.
#include "admin_client/transport.h"
#include "troubleshoot/health_timeline.h"
#include "troubleshoot/trace_waterfall.h"

#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <deque>
#include <optional>

class QComboBox;
class QCustomPlot;
class QLabel;
class QTableWidget;

namespace sluice::manager {

class TroubleshootView : public QWidget {
  Q_OBJECT

 public:
  explicit TroubleshootView(QWidget* parent = nullptr);
  void setTransport(admin_client::Transport* transport);
  // Shows one route (by id); its name for the title.
  void showRoute(const QString& routeId, const QString& name = {});
  const QString& routeId() const { return routeId_; }
  QTableWidget* tracesTable() const { return traces_; }
  TraceWaterfall* waterfall() const { return waterfall_; }
  HealthTimeline* healthTimeline() const { return timeline_; }
  QCustomPlot* partsPlot() const { return parts_; }
  int secondsShown() const;

 public slots:
  void refresh();          // figures and target health (once a second while shown)
  void refreshTraces();

 signals:
  void timelineShown();
  void openRoute(const QString& routeId);
  void openPlugin(const QString& pluginName);
  void tracesLoaded(int count);
  // A trace's request, to put to the router's explainer.
  void explainRequest(const QString& method, const QString& url);

 private:
  void showTrace(int row);
  void addSample(const nlohmann::json& row);
  void refreshTargetFigures();  // requests and response times per target (GET /sluice/metrics/targets)
  void refreshTimeline();       // the targets' health now and its changes over the chosen window

  admin_client::Transport* transport_ = nullptr;
  QString routeId_;
  QLabel* title_;
  QCustomPlot* parts_;
  QTableWidget* traces_;
  QTableWidget* targets_;
  QLabel* targetsTitle_;
  HealthTimeline* timeline_;
  QComboBox* timelineWindow_;
  std::string upstream_;  // the route's upstream (its service's host), once known
  TraceWaterfall* waterfall_;
  QTimer timer_;
  nlohmann::json traceList_ = nlohmann::json::array();
  std::optional<nlohmann::json> previous_;  // the last totals read, to take the second's difference
  quint64 generation_ = 0;
};

}  // namespace sluice::manager
