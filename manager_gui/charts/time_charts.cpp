#include "charts/time_charts.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QToolTip>

namespace sluice::manager {
namespace {

// QCustomPlot draws in its own colours (white); these follow the widget's palette instead, so the
// charts are dark in the dark theme, and again when the theme changes while the window is open.
void followPalette(QCustomPlot* plot) {
  const QPalette palette = plot->palette();
  const QColor text = palette.color(QPalette::Text), base = palette.color(QPalette::Base);
  QColor grid = text;
  grid.setAlpha(60);
  plot->setBackground(base);
  for (QCPAxis* axis : plot->axisRect()->axes()) {
    axis->setBasePen(QPen(text));
    axis->setTickPen(QPen(text));
    axis->setSubTickPen(QPen(text));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
  }
  plot->legend->setBrush(base);
  plot->legend->setTextColor(text);
  plot->legend->setBorderPen(QPen(text));
  for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
    if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) title->setTextColor(text);
}

class PaletteFollower : public QObject {
 public:
  using QObject::QObject;
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::PaletteChange) {
      auto* plot = static_cast<QCustomPlot*>(watched);
      followPalette(plot);
      plot->replot();
    }
    return false;
  }
};

}  // namespace

QCustomPlot* makePlot(const QString& title, const QString& unit) {
  auto* plot = new QCustomPlot;
  plot->setMinimumHeight(170);
  plot->plotLayout()->insertRow(0);
  plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(plot->font().family(), 9, QFont::Bold)));
  plot->yAxis->setLabel(unit);
  plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot->axisRect()->setRangeDrag(Qt::Horizontal);
  plot->axisRect()->setRangeZoom(Qt::Horizontal);
  plot->legend->setVisible(true);
  plot->legend->setFont(QFont(plot->font().family(), 8));
  plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  followPalette(plot);
  plot->installEventFilter(new PaletteFollower(plot));
  return plot;
}

QCustomPlot* makeTimePlot(const QString& title, const QString& unit) {
  QCustomPlot* plot = makePlot(title, unit);
  QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
  ticker->setDateTimeFormat("hh:mm:ss");
  plot->xAxis->setTicker(ticker);
  return plot;
}

void addTimePartBars(QCustomPlot* plot) {
  const std::pair<const char*, QColor> parts[] = {{QT_TRANSLATE_NOOP("TimeCharts", "gateway"), QColor("#7f8c8d")},
                                                 {QT_TRANSLATE_NOOP("TimeCharts", "plugins"), QColor("#9b59b6")},
                                                 {QT_TRANSLATE_NOOP("TimeCharts", "upstream connect"), QColor("#f1c40f")},
                                                 {QT_TRANSLATE_NOOP("TimeCharts", "upstream response"), QColor("#3498db")},
                                                 {QT_TRANSLATE_NOOP("TimeCharts", "transfer"), QColor("#1abc9c")}};
  QCPBars* below = nullptr;
  for (const auto& [name, color] : parts) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(QCoreApplication::translate("TimeCharts", name));
    bars->setBrush(color);
    bars->setPen(Qt::NoPen);
    bars->setWidth(0.9);
    if (below) bars->moveAbove(below);
    below = bars;
  }
}

QString hoverText(QCustomPlot* plot, double key) {
  QStringList lines;
  const auto nearest = [key](const auto& data, double& value) {
    if (data->isEmpty()) return false;
    auto it = data->findBegin(key, false);
    if (it == data->constEnd()) it = data->constEnd() - 1;
    auto before = it;
    if (it != data->constBegin()) --before;
    if (std::abs(before->key - key) < std::abs(it->key - key)) it = before;
    if (std::abs(it->key - key) > 1.5) return false;  // nothing within a second or so
    value = it->value;
    return true;
  };
  for (int i = 0; i < plot->plottableCount(); ++i) {
    double value = 0;
    bool found = false;
    if (auto* g = qobject_cast<QCPGraph*>(plot->plottable(i))) found = nearest(g->data(), value);
    else if (auto* b = qobject_cast<QCPBars*>(plot->plottable(i))) found = nearest(b->data(), value);
    if (found) lines << QString("%1: %2").arg(plot->plottable(i)->name()).arg(value, 0, 'f', value < 10 ? 2 : 0);
  }
  const QString changes = markerText(plot, key);
  if (lines.isEmpty()) return changes;
  lines.prepend(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(key * 1000)).toString("hh:mm:ss"));
  if (!changes.isEmpty()) lines << QString() << changes;
  return lines.join('\n');
}

namespace {
constexpr const char* kMarkerSummary = "sluiceChangeSummary";
}

void setChangeMarkers(QCustomPlot* plot, const std::vector<ChangeMarker>& markers) {
  for (int i = plot->itemCount() - 1; i >= 0; --i)
    if (plot->item(i)->property(kMarkerSummary).isValid()) plot->removeItem(i);
  for (const auto& m : markers) {
    auto* line = new QCPItemStraightLine(plot);
    line->point1->setCoords(m.time, 0);
    line->point2->setCoords(m.time, 1);
    line->setPen(QPen(QColor("#e67e22"), 1.4, Qt::DashLine));
    line->setSelectable(false);
    line->setProperty(kMarkerSummary, m.summary);
  }
}

QString markerText(QCustomPlot* plot, double key, double pixels) {
  const double tolerance = std::abs(plot->xAxis->pixelToCoord(pixels) - plot->xAxis->pixelToCoord(0));
  QStringList out;
  for (int i = 0; i < plot->itemCount(); ++i) {
    const QVariant summary = plot->item(i)->property(kMarkerSummary);
    auto* line = qobject_cast<QCPItemStraightLine*>(plot->item(i));
    if (summary.isValid() && line && std::abs(line->point1->coords().x() - key) <= std::max(tolerance, 0.5))
      out << summary.toString();
  }
  return out.join("\n\n");
}

void enableHoverValues(QCustomPlot* plot) {
  plot->setMouseTracking(true);
  QObject::connect(plot, &QCustomPlot::mouseMove, plot, [plot](QMouseEvent* event) {
    const QString text = hoverText(plot, plot->xAxis->pixelToCoord(event->position().x()));
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(event->globalPosition().toPoint(), text, plot);
  });
}

}  // namespace sluice::manager
