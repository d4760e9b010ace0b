#pragma once
// One request trace (GET /sluice/traces) drawn as a waterfall: a row per step — each plugin phase,
// the gateway's own work, connecting, waiting for the upstream, the transfer — placed on a common
// time axis, so the longest bar is where the time went.
#include <QWidget>

#include <nlohmann/json.hpp>

#include <vector>

namespace sluice::manager {

class TraceWaterfall : public QWidget {
  Q_OBJECT

 public:
  struct Bar {
    QString label;
    double startMs = 0, durationMs = 0;
    QColor color;
    QString plugin;  // set for plugin rows
  };

  explicit TraceWaterfall(QWidget* parent = nullptr);
  void setTrace(const nlohmann::json& trace);
  const std::vector<Bar>& bars() const { return bars_; }
  QSize sizeHint() const override;

  // The rows a trace turns into (also what tests check).
  static std::vector<Bar> barsOf(const nlohmann::json& trace);

 signals:
  void pluginActivated(const QString& plugin);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  std::vector<Bar> bars_;
  double totalMs_ = 0;
  QString title_;
};

}  // namespace sluice::manager
