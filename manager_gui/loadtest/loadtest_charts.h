#pragma once
// The load-test tab's pictures: throughput and latency percentiles second by second while a run
// goes (a compared run dashed behind), the latency distribution of the whole run (share of
// requests per histogram bucket, log time axis; the compared run overlaid), and the gateway's own
// split of the same seconds (gateway vs upstream time per request, stacked), and a capacity
// search's steps: achieved rate and p99 against the offered rate, the knee marked.
#include <QObject>

#include <nlohmann/json.hpp>

#include <array>
#include <vector>

class QCustomPlot;

namespace sluice::manager {

class LoadtestCharts : public QObject {
  Q_OBJECT

 public:
  explicit LoadtestCharts(QObject* parent = nullptr);

  QCustomPlot* throughput() const { return throughput_; }
  QCustomPlot* latency() const { return latency_; }
  QCustomPlot* distribution() const { return distribution_; }
  QCustomPlot* gateway() const { return gateway_; }
  QCustomPlot* capacity() const { return capacity_; }

  // timeline: TimelinePoint JSON per second; compared: another run's, or empty.
  void showTimeline(const std::vector<nlohmann::json>& timeline, const std::vector<nlohmann::json>& compared);
  // histograms: LatencyHistogram JSON of this run and of the compared one (null: none).
  void showDistribution(const nlohmann::json& histogram, const nlohmann::json& compared);
  // gateway: [second, gateway ms, upstream ms] per second of the run.
  void showGateway(const std::vector<std::array<double, 3>>& seconds);
  // steps: CapacityStep JSON in order; knee: the highest offered rate that met the limits (0: none
  // yet, or none did).
  void showCapacity(const nlohmann::json& steps, double knee);

 private:
  QCustomPlot* throughput_;
  QCustomPlot* latency_;
  QCustomPlot* distribution_;
  QCustomPlot* gateway_;
  QCustomPlot* capacity_;
};

}  // namespace sluice::manager
