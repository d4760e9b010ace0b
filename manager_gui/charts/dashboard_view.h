#pragma once
// The live dashboard: a frame a second from the gateway (LiveFeed) drawn with QCustomPlot —
// requests per second by status class, latency percentiles (p50/p90/p99/p99.9), where each second's
// time went (gateway, plugins, upstream connect, upstream time to first byte, transfer, stacked), a
// latency heatmap over time, open connections, and the busiest routes. Windows of 1, 5 or 15 minutes; pause keeps the
// picture while frames still arrive; PNG and CSV export.
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

 public slots:
  void addFrame(const nlohmann::json& frame);
  void clear();

 signals:
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
};

}  // namespace sluice::manager
