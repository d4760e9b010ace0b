#pragma once
// The chart shapes the dashboard and the troubleshooting view share: a plot over wall-clock time
// (drag and zoom along time only), and the five stacked bars of where request time goes.
#include <QString>

class QCustomPlot;

namespace sluice::manager {

QCustomPlot* makeTimePlot(const QString& title, const QString& unit);
// Adds five stacked QCPBars, bottom to top: gateway, plugins, upstream connect, upstream response, transfer.
void addTimePartBars(QCustomPlot* plot);

}  // namespace sluice::manager
