#include "troubleshoot/health_timeline.h"

#include "api/json_text.h"
#include <qcustomplot.h>

#include <QDateTime>
#include <QToolTip>
#include <QVBoxLayout>

namespace sluice::manager {
namespace {

QColor colourOf(const QString& health) {
  if (health == "HEALTHY") return QColor("#27ae60");
  if (health == "UNHEALTHY" || health == "DNS_ERROR") return QColor("#c0392b");
  return QColor("#95a5a6");
}

}  // namespace

HealthTimeline::HealthTimeline(QWidget* parent) : QWidget(parent) {
  plot_ = new QCustomPlot;
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
  ticker->setDateTimeFormat("hh:mm:ss");
  plot_->xAxis->setTicker(ticker);
  plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
  plot_->yAxis->grid()->setVisible(false);
  setMinimumHeight(90);
  connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
    const double y = plot_->yAxis->pixelToCoord(event->position().y());
    const qint64 ms = static_cast<qint64>(plot_->xAxis->pixelToCoord(event->position().x()) * 1000.0);
    const QString text = textAt(static_cast<int>(std::lround(y)), ms);
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
  });
}

std::vector<HealthTimeline::Stretch> HealthTimeline::stretchesOf(const QString& target, const QString& healthNow,
                                                                 const nlohmann::json& history, qint64 fromMs, qint64 toMs) {
  // This target's changes inside the window, oldest first.
  std::vector<const nlohmann::json*> changes;
  for (const auto& e : history)
    if (jsonText(e, "target") == target && e.value("at", qint64{0}) >= fromMs && e.value("at", qint64{0}) <= toMs) changes.push_back(&e);
  std::vector<Stretch> out;
  // Before the first change the target was in the other state (a change is a flip; one set by hand
  // may repeat the state, which changes nothing here).
  QString before = healthNow;
  if (!changes.empty()) {
    const QString first = jsonText(*changes.front(), "health");
    before = first == "HEALTHY" ? "UNHEALTHY" : "HEALTHY";
  }
  qint64 at = fromMs;
  QString health = before, reason;
  for (const auto* e : changes) {
    const qint64 when = e->value("at", qint64{0});
    if (when > at) out.push_back({at, when, health, reason});
    at = when;
    health = jsonText(*e, "health");
    reason = QDateTime::fromMSecsSinceEpoch(when).toString("hh:mm:ss.zzz") + " — " + jsonText(*e, "source") + ": " + jsonText(*e, "reason");
  }
  // Since the last change: the state now (DNS_ERROR says more than the last flip).
  out.push_back({at, toMs, healthNow, reason});
  return out;
}

void HealthTimeline::show(const std::vector<std::pair<QString, QString>>& healthNow, const nlohmann::json& history, qint64 fromMs,
                          qint64 toMs) {
  plot_->clearItems();
  targets_.clear();
  lanes_.clear();
  auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot_->yAxis->ticker());
  ticker->clear();
  int lane = 0;
  for (const auto& [target, health] : healthNow) {
    targets_ << target;
    ticker->addTick(lane, target);
    lanes_.push_back(stretchesOf(target, health, history, fromMs, toMs));
    for (const auto& s : lanes_.back()) {
      auto* rect = new QCPItemRect(plot_);
      rect->topLeft->setCoords(static_cast<double>(s.fromMs) / 1000.0, lane + 0.35);
      rect->bottomRight->setCoords(static_cast<double>(s.toMs) / 1000.0, lane - 0.35);
      rect->setBrush(colourOf(s.health));
      rect->setPen(Qt::NoPen);
    }
    ++lane;
  }
  plot_->xAxis->setRange(static_cast<double>(fromMs) / 1000.0, static_cast<double>(toMs) / 1000.0);
  plot_->yAxis->setRange(-0.6, std::max(0, lane - 1) + 0.6);
  plot_->yAxis->setRangeReversed(true);
  setMinimumHeight(40 + 28 * std::max(1, lane));
  plot_->replot();
}

QString HealthTimeline::textAt(int lane, qint64 ms) const {
  if (lane < 0 || lane >= static_cast<int>(lanes_.size())) return {};
  for (const auto& s : lanes_[static_cast<size_t>(lane)])
    if (ms >= s.fromMs && ms <= s.toMs)
      return targets_[lane] + ": " + s.health + (s.reason.isEmpty() ? QString() : "\n" + s.reason);
  return {};
}

}  // namespace sluice::manager
