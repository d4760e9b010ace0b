#include "troubleshoot/trace_waterfall.h"

#include <QMouseEvent>
#include <QPainter>

namespace sluice::manager {
namespace {

constexpr int kRow = 24, kLabelWidth = 240, kTop = 30;

double at(const nlohmann::json& timeline, const char* event) {
  for (const auto& e : timeline)
    if (e.value("event", "") == event) return e.value("at_ms", -1.0);
  return -1;
}

}  // namespace

TraceWaterfall::TraceWaterfall(QWidget* parent) : QWidget(parent) { setMinimumHeight(120); }

std::vector<TraceWaterfall::Bar> TraceWaterfall::barsOf(const nlohmann::json& t) {
  std::vector<Bar> bars;
  const nlohmann::json timeline = t.value("timeline", nlohmann::json::array());
  const double total = t.value("total_ms", 0.0);
  const double routed = std::max(0.0, at(timeline, "routed"));
  const double sent = at(timeline, "request sent"), first = at(timeline, "first byte"), last = at(timeline, "last byte");
  const double peer = at(timeline, "peer chosen");
  const double connected = std::max(at(timeline, "connected"), at(timeline, "tls done"));
  bars.push_back({tr("parse and route"), 0, routed, QColor("#7f8c8d"), {}});
  for (const auto& e : timeline)
    if (e.value("event", "") == "plugin")
      bars.push_back({QString::fromStdString(e.value("plugin", "") + " · " + e.value("phase", "")), e.value("at_ms", 0.0),
                      e.value("duration_ms", 0.0), QColor("#9b59b6"), QString::fromStdString(e.value("plugin", ""))});
  if (peer >= 0 && connected >= peer) bars.push_back({tr("upstream connect"), peer, connected - peer, QColor("#f1c40f"), {}});
  if (sent >= 0 && first >= sent) bars.push_back({tr("upstream response"), sent, first - sent, QColor("#3498db"), {}});
  if (first >= 0 && last >= first) bars.push_back({tr("transfer to the client"), first, last - first, QColor("#1abc9c"), {}});
  bars.push_back({tr("total"), 0, total, QColor("#5d6d7e"), {}});
  return bars;
}

void TraceWaterfall::setTrace(const nlohmann::json& trace) {
  bars_ = barsOf(trace);
  totalMs_ = std::max(trace.value("total_ms", 0.0), 0.001);
  title_ = QString("%1 %2 → %3 · %4 ms · %5")
               .arg(QString::fromStdString(trace.value("method", "")), QString::fromStdString(trace.value("path", "")))
               .arg(trace.value("status", 0))
               .arg(trace.value("total_ms", 0.0), 0, 'f', 2)
               .arg(QString::fromStdString(trace.value("id", "")));
  updateGeometry();
  update();
}

QSize TraceWaterfall::sizeHint() const { return {700, kTop + static_cast<int>(bars_.size()) * kRow + 20}; }

void TraceWaterfall::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  if (bars_.empty()) {
    p.drawText(rect(), Qt::AlignCenter, tr("Select a trace to see where its time went."));
    return;
  }
  p.setPen(palette().text().color());
  p.drawText(QRect(8, 4, width() - 16, kTop - 8), Qt::AlignLeft | Qt::AlignVCenter, title_);
  const int chartWidth = std::max(50, width() - kLabelWidth - 80);
  for (size_t i = 0; i < bars_.size(); ++i) {
    const Bar& b = bars_[i];
    const int y = kTop + static_cast<int>(i) * kRow;
    p.setPen(palette().text().color());
    p.drawText(QRect(8, y, kLabelWidth - 16, kRow), Qt::AlignLeft | Qt::AlignVCenter, b.label);
    const int x = kLabelWidth + static_cast<int>(b.startMs / totalMs_ * chartWidth);
    const int w = std::max(2, static_cast<int>(b.durationMs / totalMs_ * chartWidth));
    p.fillRect(QRect(x, y + 4, w, kRow - 8), b.color);
    p.drawText(QRect(x + w + 6, y, 80, kRow), Qt::AlignLeft | Qt::AlignVCenter, QString::number(b.durationMs, 'f', 2) + " ms");
  }
}

void TraceWaterfall::mouseDoubleClickEvent(QMouseEvent* event) {
  const int row = (static_cast<int>(event->position().y()) - kTop) / kRow;
  if (row >= 0 && row < static_cast<int>(bars_.size()) && !bars_[static_cast<size_t>(row)].plugin.isEmpty())
    emit pluginActivated(bars_[static_cast<size_t>(row)].plugin);
}

}  // namespace sluice::manager
