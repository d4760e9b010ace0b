#include "loadtest/loadtest_charts.h"

#include "charts/time_charts.h"
#include "metrics/latency_histogram.h"

#include <qcustomplot.h>

#include <cmath>
#include <map>

namespace sluice::manager {
namespace {

QCPGraph* line(QCustomPlot* plot, const QString& name, const QColor& color, Qt::PenStyle style = Qt::SolidLine) {
  QCPGraph* g = plot->addGraph();
  g->setName(name);
  g->setPen(QPen(color, style == Qt::SolidLine ? 1.8 : 1.2, style));
  return g;
}

// A run grows to the right and a comparison fills the whole width: the legend goes below the plot,
// in one row, where it hides nothing.
void legendBelow(QCustomPlot* plot) {
  plot->axisRect()->insetLayout()->take(plot->legend);
  plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, plot->legend);
  plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  plot->legend->setBorderPen(Qt::NoPen);
  plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
}

void finish(QCustomPlot* plot) {
  plot->rescaleAxes(true);
  plot->yAxis->setRangeLower(0);
  plot->yAxis->setRangeUpper(std::max(plot->yAxis->range().upper * 1.1, 1.0));
  plot->replot();
}

}  // namespace

LoadtestCharts::LoadtestCharts(QObject* parent) : QObject(parent) {
  throughput_ = makePlot(tr("Requests per second"), tr("req/s"));
  throughput_->xAxis->setLabel(tr("second of the run"));
  line(throughput_, tr("this run"), QColor("#3b7dd8"));
  line(throughput_, tr("errors"), QColor("#c0392b"));
  line(throughput_, tr("compared run"), QColor("#7f8c8d"), Qt::DashLine);

  latency_ = makePlot(tr("Latency per second"), tr("ms"));
  latency_->xAxis->setLabel(tr("second of the run"));
  line(latency_, "p50", QColor("#2980b9"));
  line(latency_, "p90", QColor("#8e44ad"));
  line(latency_, "p99", QColor("#d35400"));
  line(latency_, tr("compared p99"), QColor("#7f8c8d"), Qt::DashLine);

  distribution_ = makePlot(tr("Latency distribution"), tr("% of requests"));
  distribution_->xAxis->setLabel(tr("ms"));
  distribution_->xAxis->setScaleType(QCPAxis::stLogarithmic);
  distribution_->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  line(distribution_, tr("this run"), QColor("#3b7dd8"))->setLineStyle(QCPGraph::lsStepCenter);
  line(distribution_, tr("compared run"), QColor("#7f8c8d"), Qt::DashLine)->setLineStyle(QCPGraph::lsStepCenter);
  distribution_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

  // A capacity search: how much of the offered rate was served (left axis, with the offered rate
  // itself as the diagonal it should follow) and the p99 of each step (right axis).
  capacity_ = makePlot(tr("Capacity: each step against the offered rate"), tr("req/s"));
  capacity_->xAxis->setLabel(tr("offered rate (req/s)"));
  line(capacity_, tr("offered"), QColor("#7f8c8d"), Qt::DotLine);
  auto* achieved = line(capacity_, tr("achieved"), QColor("#3b7dd8"));
  achieved->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
  auto* p99 = capacity_->addGraph(capacity_->xAxis, capacity_->yAxis2);
  p99->setName(tr("p99 (ms)"));
  p99->setPen(QPen(QColor("#d35400"), 1.8));
  p99->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
  auto* missed = capacity_->addGraph(capacity_->xAxis, capacity_->yAxis);
  missed->setName(tr("missed a limit"));
  missed->setLineStyle(QCPGraph::lsNone);
  missed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QColor("#c0392b"), 11));
  capacity_->yAxis2->setVisible(true);
  capacity_->yAxis2->setLabel(tr("p99 ms"));
  capacity_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

  gateway_ = makePlot(tr("The gateway's view of the same seconds (mean per request)"), tr("ms"));
  gateway_->xAxis->setLabel(tr("second of the run"));
  auto* gw = new QCPBars(gateway_->xAxis, gateway_->yAxis);
  gw->setName(tr("gateway (plugins included)"));
  gw->setBrush(QColor("#7f8c8d"));
  gw->setPen(Qt::NoPen);
  gw->setWidth(0.8);
  auto* up = new QCPBars(gateway_->xAxis, gateway_->yAxis);
  up->setName(tr("upstream"));
  up->setBrush(QColor("#3498db"));
  up->setPen(Qt::NoPen);
  up->setWidth(0.8);
  up->moveAbove(gw);
  for (QCustomPlot* p : {throughput_, latency_, gateway_}) {
    enableHoverValues(p);
    legendBelow(p);
  }
}

void LoadtestCharts::showTimeline(const std::vector<nlohmann::json>& timeline, const std::vector<nlohmann::json>& compared) {
  QVector<double> t, rps, errors, p50, p90, p99, ct, crps, cp99;
  QVector<double> lt, clt;  // seconds with answers: a second without any has no percentiles
  for (const auto& s : timeline) {
    t << s.value("second", 0) + 1;
    rps << s.value("requests", 0.0);
    errors << s.value("errors", 0.0);
    if (s.value("requests", 0) == 0) continue;
    lt << s.value("second", 0) + 1;
    p50 << s.value("p50_ms", 0.0);
    p90 << s.value("p90_ms", 0.0);
    p99 << s.value("p99_ms", 0.0);
  }
  for (const auto& s : compared) {
    ct << s.value("second", 0) + 1;
    crps << s.value("requests", 0.0);
    if (s.value("requests", 0) == 0) continue;
    clt << s.value("second", 0) + 1;
    cp99 << s.value("p99_ms", 0.0);
  }
  throughput_->graph(0)->setData(t, rps, true);
  throughput_->graph(1)->setData(t, errors, true);
  throughput_->graph(2)->setData(ct, crps, true);
  latency_->graph(0)->setData(lt, p50, true);
  latency_->graph(1)->setData(lt, p90, true);
  latency_->graph(2)->setData(lt, p99, true);
  latency_->graph(3)->setData(clt, cp99, true);
  finish(throughput_);
  finish(latency_);
}

void LoadtestCharts::showCapacity(const nlohmann::json& steps, double knee) {
  QVector<double> offered, achieved, p99, missedAt, missedValue;
  for (const auto& s : steps) {
    const double o = s.value("offered_rps", 0.0);
    offered << o;
    achieved << s.value("achieved_rps", 0.0);
    p99 << s.value("p99_ms", 0.0);
    if (!s.value("met", true)) {
      missedAt << o;
      missedValue << s.value("achieved_rps", 0.0);
    }
  }
  capacity_->graph(0)->setData(offered, offered, true);
  capacity_->graph(1)->setData(offered, achieved, true);
  capacity_->graph(2)->setData(offered, p99, true);
  capacity_->graph(3)->setData(missedAt, missedValue, true);
  for (int i = capacity_->itemCount() - 1; i >= 0; --i) capacity_->removeItem(i);
  if (knee > 0) {
    auto* line = new QCPItemStraightLine(capacity_);
    line->point1->setCoords(knee, 0);
    line->point2->setCoords(knee, 1);
    line->setPen(QPen(QColor("#27ae60"), 1.6, Qt::DashLine));
    auto* label = new QCPItemText(capacity_);
    label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(knee, 0.05);
    label->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    label->setText(tr("knee %1 req/s ").arg(knee, 0, 'f', 0));
    label->setColor(QColor("#27ae60"));
  }
  capacity_->rescaleAxes(true);
  capacity_->xAxis->setRangeLower(0);
  capacity_->xAxis->setRangeUpper(std::max(capacity_->xAxis->range().upper * 1.05, 1.0));
  capacity_->yAxis->setRangeLower(0);
  capacity_->yAxis->setRangeUpper(std::max(capacity_->yAxis->range().upper * 1.1, 1.0));
  capacity_->yAxis2->setRangeLower(0);
  capacity_->yAxis2->setRangeUpper(std::max(capacity_->yAxis2->range().upper * 1.1, 1.0));
  capacity_->replot();
}

void LoadtestCharts::showDistribution(const nlohmann::json& histogram, const nlohmann::json& compared) {
  // The histogram's 64 buckets per doubling are finer than a few hundred requests fill: drawn in
  // bands of an eighth of a doubling (about 9 % wide), as shares of all requests.
  constexpr double kBandsPerDoubling = 8;
  const auto points = [](const nlohmann::json& j, QVector<double>& x, QVector<double>& y) {
    if (!j.is_object()) return;
    const metrics::LatencyHistogram h = metrics::LatencyHistogram::fromJson(j);
    const double total = static_cast<double>(std::max<uint64_t>(h.count(), 1));
    std::map<int, double> bands;
    h.forEach([&](uint32_t bucket, uint64_t count) {
      const double micros = std::max(1.0, static_cast<double>(metrics::LatencyHistogram::bucketLow(bucket)) +
                                              static_cast<double>(metrics::LatencyHistogram::bucketWidth(bucket)) / 2.0);
      bands[static_cast<int>(std::floor(std::log2(micros) * kBandsPerDoubling))] += static_cast<double>(count);
    });
    for (const auto& [band, count] : bands) {
      x << std::pow(2.0, (band + 0.5) / kBandsPerDoubling) / 1000.0;
      y << 100.0 * count / total;
    }
  };
  QVector<double> x, y, cx, cy;
  points(histogram, x, y);
  points(compared, cx, cy);
  distribution_->graph(0)->setData(x, y, true);
  distribution_->graph(1)->setData(cx, cy, true);
  distribution_->rescaleAxes(true);
  distribution_->xAxis->setRange(distribution_->xAxis->range().lower / 1.5, distribution_->xAxis->range().upper * 1.5);
  distribution_->yAxis->setRange(0, std::max(distribution_->yAxis->range().upper * 1.1, 1.0));
  distribution_->replot();
}

void LoadtestCharts::showGateway(const std::vector<std::array<double, 3>>& seconds) {
  QVector<double> t, gw, up;
  for (const auto& [second, gateway, upstream] : seconds) {
    t << second;
    gw << gateway;
    up << upstream;
  }
  static_cast<QCPBars*>(gateway_->plottable(0))->setData(t, gw, true);
  static_cast<QCPBars*>(gateway_->plottable(1))->setData(t, up, true);
  gateway_->rescaleAxes(true);
  gateway_->xAxis->setRange(gateway_->xAxis->range().lower - 1, gateway_->xAxis->range().upper + 1);
  gateway_->yAxis->setRange(0, std::max(gateway_->yAxis->range().upper * 1.2, 0.1));
  gateway_->replot();
}

}  // namespace sluice::manager
