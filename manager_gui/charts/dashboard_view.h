#pragma once
// The live dashboard: a frame a second from the gateway (LiveFeed) drawn with QCustomPlot —
// requests per second by status class, latency percentiles (p50/p90/p99/p99.9), where each second's
// time went (gateway, plugins, upstream connect, upstream time to first byte, transfer, stacked), a
// latency heatmap over time, open connections, and the busiest routes. Windows of 1, 5 or 15 minutes; pause keeps the
// picture while frames still arrive; PNG and CSV export. Configuration changes (GET /sluice/changes)
// are drawn as vertical lines on the time charts with their summary on hover, so that a step in
// latency lines up with the change that caused it.
#include "admin_client/transport.h"
#include "charts/time_charts.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <deque>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QLabel;
class QTableWidget;
class QTimer;

namespace sluice::manager {

class DashboardView : public QWidget {
  Q_OBJECT

 public:
  explicit DashboardView(QWidget* parent = nullptr);

  void setWindowSeconds(int seconds);
  void setPaused(bool paused);
  bool exportPng(const QString& path);
  bool exportCsv(const QString& path) const;
  size_t frameCount() const { return history_.size(); }
  QCustomPlot* throughputPlot() const { return throughput_; }
  QCustomPlot* latencyPlot() const { return latency_; }
  QCustomPlot* partsPlot() const { return parts_; }
  QTableWidget* routesTable() const { return routes_; }
  // The heatmap's tooltip: the second, the latency band and how many requests fell in it.
  QString heatmapText(double time, double band) const;
  // Where configuration changes are read from (null: none are drawn).
  void setTransport(admin_client::Transport* transport);
  // One marker per configuration version in `changes` (GET /sluice/changes "data").
  static std::vector<ChangeMarker> markersFrom(const nlohmann::json& changes);
  const std::vector<ChangeMarker>& changeMarkers() const { return markers_; }

 public slots:
  void addFrame(const nlohmann::json& frame);
  void clear();
  // Reads the changes of the window (every 5 s while a transport is set).
  void refreshChanges();

 signals:
  void changesRefreshed();

  void routeActivated(const QString& routeId);

 private:
  struct Point {
    double time = 0;  // seconds since the epoch
    double rps = 0, ok = 0, clientErrors = 0, serverErrors = 0;
    double p50 = 0, p90 = 0, p99 = 0, p999 = 0;                               // ms, total latency
    double gateway = 0, plugins = 0, connect = 0, ttfb = 0, transfer = 0;     // ms per request
    std::vector<double> heat;                                                 // requests per latency band
    qint64 connections = 0;
  };
  void redraw();
  void showRoutes(const nlohmann::json& frame);

  std::deque<Point> history_;
  int windowSeconds_ = 300;
  bool paused_ = false;
  QComboBox* window_;
  QCheckBox* pause_;
  QLabel* summary_;
  QCustomPlot* throughput_;
  QCustomPlot* latency_;
  QCustomPlot* parts_;
  QCustomPlot* heatmap_;
  QCPColorMap* heat_;
  QTableWidget* routes_;
  admin_client::Transport* transport_ = nullptr;
  QTimer* changesTimer_;
  std::vector<ChangeMarker> markers_;
  quint64 changesGeneration_ = 0;
};

}  // namespace sluice::manager
