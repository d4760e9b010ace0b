#pragma once
// The chart shapes the dashboard and the troubleshooting view share: a plot over wall-clock time
// (drag and zoom along time only), and the five stacked bars of where request time goes.
#include <QString>

#include <vector>

class QCustomPlot;

namespace sluice::manager {

// A titled plot with a legend, following the palette; drag and zoom along x.
QCustomPlot* makePlot(const QString& title, const QString& unit);
// The same over wall-clock time (x: seconds since the epoch, shown as hh:mm:ss).
QCustomPlot* makeTimePlot(const QString& title, const QString& unit);
// Adds five stacked QCPBars, bottom to top: gateway, plugins, upstream connect, upstream response, transfer.
void addTimePartBars(QCustomPlot* plot);
// Hovering shows the time and every series' value at that second in a tooltip.
void enableHoverValues(QCustomPlot* plot);
// That tooltip's text for the point of time `key` (seconds since the epoch); empty when no data.
// A change marker within a few pixels adds its summary.
QString hoverText(QCustomPlot* plot, double key);

// A configuration change on a time plot: a vertical line at its time, its summary on hover.
struct ChangeMarker {
  double time = 0;  // seconds since the epoch
  QString summary;
};
// Replaces the plot's change markers (the caller replots).
void setChangeMarkers(QCustomPlot* plot, const std::vector<ChangeMarker>& markers);
// The summaries of the markers within `pixels` of `key`.
QString markerText(QCustomPlot* plot, double key, double pixels = 5);

}  // namespace sluice::manager
