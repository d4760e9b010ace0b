#include "charts/time_charts.h"

#include <qcustomplot.h>

#include <QCoreApplication>

namespace sluice::manager {

QCustomPlot* makeTimePlot(const QString& title, const QString& unit) {
  auto* plot = new QCustomPlot;
  plot->setMinimumHeight(170);
  plot->plotLayout()->insertRow(0);
  plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(plot->font().family(), 9, QFont::Bold)));
  QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
  ticker->setDateTimeFormat("hh:mm:ss");
  plot->xAxis->setTicker(ticker);
  plot->yAxis->setLabel(unit);
  plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot->axisRect()->setRangeDrag(Qt::Horizontal);
  plot->axisRect()->setRangeZoom(Qt::Horizontal);
  plot->legend->setVisible(true);
  plot->legend->setFont(QFont(plot->font().family(), 8));
  plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  return plot;
}

void addTimePartBars(QCustomPlot* plot) {
  const std::pair<const char*, QColor> parts[] = {{QT_TRANSLATE_NOOP("TimeCharts", "gateway"), QColor("#34495e")},
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

}  // namespace sluice::manager
