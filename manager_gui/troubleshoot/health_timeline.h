#pragma once
// One lane per upstream target over a window of wall-clock time, coloured by its health (green
// healthy, red unhealthy, grey when the upstream has no health checks), from the node's health
// history (GET /upstreams/{u}/health/history) and each target's health now; hovering a lane shows
// the reason of the change that began that stretch.
#include <QString>
#include <QStringList>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <map>
#include <vector>

class QCustomPlot;

namespace sluice::manager {

class HealthTimeline : public QWidget {
  Q_OBJECT

 public:
  // A stretch of one target's lane.
  struct Stretch {
    qint64 fromMs = 0, toMs = 0;
    QString health;  // HEALTHY, UNHEALTHY, HEALTHCHECKS_OFF, DNS_ERROR
    QString reason;  // of the change that began it; empty before the first change in the window
  };

  explicit HealthTimeline(QWidget* parent = nullptr);
  // Draws `healthNow` (target -> its health now, in lane order) over [fromMs, toMs] from `history`
  // (the endpoint's "data", oldest first).
  void show(const std::vector<std::pair<QString, QString>>& healthNow, const nlohmann::json& history, qint64 fromMs, qint64 toMs);
  // The stretches of one target: walked back from its health now through its changes.
  static std::vector<Stretch> stretchesOf(const QString& target, const QString& healthNow, const nlohmann::json& history,
                                          qint64 fromMs, qint64 toMs);
  // The hover text for a lane at a time; empty outside the lanes.
  QString textAt(int lane, qint64 ms) const;
  const std::vector<std::vector<Stretch>>& lanes() const { return lanes_; }
  QCustomPlot* plot() const { return plot_; }

 private:
  QCustomPlot* plot_;
  QStringList targets_;
  std::vector<std::vector<Stretch>> lanes_;
};

}  // namespace sluice::manager
