#include "troubleshoot/troubleshoot_view.h"

#include "admin_client/api_error.h"
#include "charts/time_charts.h"
#include "core/url_encoding.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sluice::manager {
namespace {

constexpr int kSeconds = 300;

QTableWidgetItem* cell(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(item->flags() & ~Qt::ItemIsEditable);
  return item;
}

}  // namespace

TroubleshootView::TroubleshootView(QWidget* parent) : QWidget(parent) {
  title_ = new QLabel(tr("Pick a route: from the Configuration tab (Troubleshoot) or the dashboard."));
  auto* openButton = new QPushButton(tr("Open the route"));
  auto* reload = new QPushButton(tr("Refresh traces"));
  auto* explainButton = new QPushButton(tr("Explain the selected request"));
  explainButton->setToolTip(tr("Ask the router again which route takes this trace's request, and why"));
  auto* top = new QHBoxLayout;
  top->addWidget(title_, 1);
  top->addWidget(reload);
  top->addWidget(explainButton);
  top->addWidget(openButton);

  parts_ = makeTimePlot(tr("Where this route's time goes, per second"), tr("ms of request time"));
  parts_->setMinimumHeight(180);
  addTimePartBars(parts_);
  enableHoverValues(parts_);

  traces_ = new QTableWidget(0, 6);
  traces_->setHorizontalHeaderLabels({tr("Time"), tr("Status"), tr("Total ms"), tr("Gateway ms"), tr("Upstream ms"), tr("Path")});
  traces_->horizontalHeader()->setStretchLastSection(true);
  traces_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  traces_->verticalHeader()->hide();
  traces_->setSelectionBehavior(QAbstractItemView::SelectRows);
  traces_->setSelectionMode(QAbstractItemView::SingleSelection);
  waterfall_ = new TraceWaterfall;
  targets_ = new QTableWidget(0, 6);
  targets_->setHorizontalHeaderLabels({tr("Upstream"), tr("Target"), tr("Health"), tr("Requests"), tr("Response p50 ms"), tr("Response p99 ms")});
  targets_->horizontalHeader()->setStretchLastSection(true);
  targets_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  targets_->verticalHeader()->hide();
  targets_->setMaximumHeight(160);
  timeline_ = new HealthTimeline;
  timeline_->setToolTip(tr("Each target's health over time: green healthy, red unhealthy, grey without health checks. Hover for the reason of a change."));
  timelineWindow_ = new QComboBox;
  timelineWindow_->addItem(tr("last 5 minutes"), 5);
  timelineWindow_->addItem(tr("last 15 minutes"), 15);
  timelineWindow_->addItem(tr("last hour"), 60);

  auto* lower = new QSplitter(Qt::Horizontal);
  lower->addWidget(traces_);
  lower->addWidget(waterfall_);
  lower->setStretchFactor(1, 1);
  lower->setSizes({420, 900});
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(parts_, 1);
  layout->addWidget(new QLabel(tr("Slowest requests of each minute, and the ones asked for with X-Sluice-Trace: 1 (double-click a plugin row to open the plugin)")));
  layout->addWidget(lower, 2);
  targetsTitle_ = new QLabel(tr("Targets of the route's upstream"));
  auto* targetsHead = new QHBoxLayout;
  targetsHead->addWidget(targetsTitle_, 1);
  targetsHead->addWidget(new QLabel(tr("Health timeline:")));
  targetsHead->addWidget(timelineWindow_);
  layout->addLayout(targetsHead);
  auto* targetsRow = new QSplitter(Qt::Horizontal);
  targetsRow->addWidget(targets_);
  targetsRow->addWidget(timeline_);
  targetsRow->setSizes({620, 700});
  layout->addWidget(targetsRow);
  connect(timelineWindow_, &QComboBox::currentIndexChanged, this, &TroubleshootView::refreshTimeline);

  connect(openButton, &QPushButton::clicked, this, [this] {
    if (!routeId_.isEmpty()) emit openRoute(routeId_);
  });
  connect(reload, &QPushButton::clicked, this, &TroubleshootView::refreshTraces);
  connect(explainButton, &QPushButton::clicked, this, [this] {
    const int row = traces_->currentRow();
    if (row < 0 || row >= static_cast<int>(traceList_.size())) return;
    const auto& t = traceList_[static_cast<size_t>(row)];
    const auto field = [&](const char* key, const char* otherwise) { return QString::fromStdString(t.value(key, std::string(otherwise))); };
    const QString host = field("host", "");
    emit explainRequest(field("method", "GET"), field("scheme", "http") + "://" + (host.isEmpty() ? QStringLiteral("localhost") : host) + field("path", "/"));
  });
  connect(traces_, &QTableWidget::currentCellChanged, this, [this](int row) { showTrace(row); });
  connect(waterfall_, &TraceWaterfall::pluginActivated, this, &TroubleshootView::openPlugin);
  connect(&timer_, &QTimer::timeout, this, &TroubleshootView::refresh);
}

void TroubleshootView::setTransport(admin_client::Transport* transport) {
  transport_ = transport;
  if (!routeId_.isEmpty()) showRoute(routeId_);
}

int TroubleshootView::secondsShown() const { return static_cast<QCPBars*>(parts_->plottable(0))->data()->size(); }

void TroubleshootView::showRoute(const QString& routeId, const QString& name) {
  ++generation_;
  routeId_ = routeId;
  previous_.reset();
  for (int i = 0; i < parts_->plottableCount(); ++i) static_cast<QCPBars*>(parts_->plottable(i))->data()->clear();
  parts_->replot();
  title_->setText(tr("Route %1").arg(name.isEmpty() ? routeId : name));
  traces_->setRowCount(0);
  waterfall_->setTrace(nlohmann::json::object());
  targets_->setRowCount(0);
  upstream_.clear();
  timeline_->show({}, nlohmann::json::array(), 0, 1);
  targetsTitle_->setText(tr("Targets of the route's upstream"));
  if (!transport_ || routeId.isEmpty()) return;
  timer_.start(1000);
  refresh();
  refreshTraces();
  // The targets: route → service → an upstream of that name → its health.
  const quint64 generation = generation_;
  transport_->send({"GET", "/routes/" + core::percentEncode(routeId.toStdString()), "", "application/json"},
                   [this, generation](const admin_client::Response& r) {
                     const nlohmann::json route = nlohmann::json::parse(r.body, nullptr, false);
                     if (generation != generation_ || !r.ok() || !route.is_object()) return;
                     if (route.contains("name") && route["name"].is_string())
                       title_->setText(tr("Route %1").arg(QString::fromStdString(route["name"].get<std::string>())));
                     if (!route.contains("service") || !route["service"].is_object()) return;
                     const std::string service = route["service"].value("id", "");
                     transport_->send({"GET", "/services/" + service, "", "application/json"}, [this, generation](const admin_client::Response& s) {
                       const nlohmann::json svc = nlohmann::json::parse(s.body, nullptr, false);
                       if (generation != generation_ || !s.ok() || !svc.is_object()) return;
                       const std::string host = svc.value("host", "");
                       transport_->send({"GET", "/upstreams/" + core::percentEncode(host) + "/health", "", "application/json"},
                                        [this, generation, host](const admin_client::Response& h) {
                                          const nlohmann::json health = nlohmann::json::parse(h.body, nullptr, false);
                                          if (generation != generation_) return;
                                          if (!h.ok() || !health.is_object()) {  // not an upstream
                                            targetsTitle_->setText(tr("The route's service sends to the host %1 directly: no upstream, no targets.")
                                                                       .arg(QString::fromStdString(host)));
                                            return;
                                          }
                                          targetsTitle_->setText(tr("Targets of the upstream %1").arg(QString::fromStdString(host)));
                                          const auto data = health.value("data", nlohmann::json::array());
                                          targets_->setRowCount(static_cast<int>(data.size()));
                                          int row = 0;
                                          for (const auto& t : data) {
                                            targets_->setItem(row, 0, cell(QString::fromStdString(host)));
                                            targets_->setItem(row, 1, cell(QString::fromStdString(t.value("target", ""))));
                                            targets_->setItem(row, 2, cell(QString::fromStdString(t.value("health", ""))));
                                            ++row;
                                          }
                                          refreshTargetFigures();
                                          upstream_ = host;
                                          refreshTimeline();
                                        });
                     });
                   });
}

void TroubleshootView::refreshTimeline() {
  if (!transport_ || upstream_.empty()) return;
  const quint64 generation = generation_;
  const std::string base = "/upstreams/" + core::percentEncode(upstream_) + "/health";
  transport_->send({"GET", base, "", "application/json"}, [this, generation, base](const admin_client::Response& h) {
    const nlohmann::json health = nlohmann::json::parse(h.body, nullptr, false);
    if (generation != generation_ || !h.ok() || !health.is_object()) return;
    std::vector<std::pair<QString, QString>> now;
    for (const auto& t : health.value("data", nlohmann::json::array()))
      now.emplace_back(QString::fromStdString(t.value("target", "")), QString::fromStdString(t.value("health", "")));
    const qint64 to = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - qint64{60000} * timelineWindow_->currentData().toInt();
    transport_->send({"GET", base + "/history?since=" + std::to_string(from), "", "application/json"},
                     [this, generation, now, from, to](const admin_client::Response& r) {
                       const nlohmann::json history = nlohmann::json::parse(r.body, nullptr, false);
                       if (generation != generation_ || !r.ok() || !history.is_object()) return;
                       timeline_->show(now, history.value("data", nlohmann::json::array()), from, to);
                       emit timelineShown();
                     });
  });
}

void TroubleshootView::refreshTargetFigures() {
  if (!transport_ || targets_->rowCount() == 0) return;
  const quint64 generation = generation_;
  transport_->send({"GET", "/sluice/metrics/targets", "", "application/json"}, [this, generation](const admin_client::Response& r) {
    const nlohmann::json table = nlohmann::json::parse(r.body, nullptr, false);
    if (generation != generation_ || !r.ok() || !table.is_object()) return;
    for (int row = 0; row < targets_->rowCount(); ++row)
      for (const auto& t : table.value("data", nlohmann::json::array()))
        if (QString::fromStdString(t.value("upstream", "")) == targets_->item(row, 0)->text() &&
            QString::fromStdString(t.value("target", "")) == targets_->item(row, 1)->text()) {
          const auto ttfb = t["latency_ms"].value("upstream_ttfb", nlohmann::json::object());
          targets_->setItem(row, 3, cell(QString::number(t.value("requests", 0))));
          targets_->setItem(row, 4, cell(QString::number(ttfb.value("p50", 0.0), 'f', 2)));
          targets_->setItem(row, 5, cell(QString::number(ttfb.value("p99", 0.0), 'f', 2)));
        }
  });
}

void TroubleshootView::refresh() {
  if (!transport_ || routeId_.isEmpty()) return;
  refreshTimeline();
  const quint64 generation = generation_;
  transport_->send({"GET", "/sluice/metrics/routes", "", "application/json"}, [this, generation](const admin_client::Response& r) {
    if (generation != generation_ || !r.ok()) return;
    const nlohmann::json table = nlohmann::json::parse(r.body, nullptr, false);
    if (!table.is_object()) return;
    for (const auto& row : table.value("data", nlohmann::json::array()))
      if (QString::fromStdString(row.value("id", "")) == routeId_) {
        addSample(row);
        break;
      }
    refreshTargetFigures();
  });
}

void TroubleshootView::addSample(const nlohmann::json& row) {
  const nlohmann::json now = row.value("time_ms", nlohmann::json::object());
  if (!previous_) {
    previous_ = now;
    return;
  }
  const double t = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
  double gateway = now.value("gateway", 0.0) - previous_->value("gateway", 0.0);
  const double plugins = now.value("plugins", 0.0) - previous_->value("plugins", 0.0);
  gateway = std::max(0.0, gateway - plugins);  // plugins run inside the gateway's time: shown apart
  const double values[] = {gateway, plugins, now.value("upstream_connect", 0.0) - previous_->value("upstream_connect", 0.0),
                           now.value("upstream_ttfb", 0.0) - previous_->value("upstream_ttfb", 0.0),
                           now.value("transfer", 0.0) - previous_->value("transfer", 0.0)};
  previous_ = now;
  for (int i = 0; i < 5; ++i) {
    auto* bars = static_cast<QCPBars*>(parts_->plottable(i));
    bars->addData(t, std::max(0.0, values[i]));
    bars->data()->removeBefore(t - kSeconds);
  }
  parts_->xAxis->setRange(t - kSeconds / 5.0, t + 0.5);
  parts_->yAxis->rescale(true);
  parts_->yAxis->setRangeLower(0);
  parts_->replot();
}

void TroubleshootView::refreshTraces() {
  if (!transport_ || routeId_.isEmpty()) return;
  const quint64 generation = generation_;
  transport_->send({"GET", "/sluice/traces?size=200&route=" + core::percentEncode(routeId_.toStdString()), "", "application/json"},
                   [this, generation](const admin_client::Response& r) {
                     if (generation != generation_) return;
                     const nlohmann::json page = nlohmann::json::parse(r.body, nullptr, false);
                     if (!r.ok() || !page.is_object()) return;
                     traceList_ = page.value("data", nlohmann::json::array());
                     traces_->setRowCount(static_cast<int>(traceList_.size()));
                     int row = 0;
                     for (const auto& t : traceList_) {
                       const auto parts = t.value("parts_ms", nlohmann::json::object());
                       traces_->setItem(row, 0, cell(QDateTime::fromMSecsSinceEpoch(t.value("started_at", qint64{0})).toString("hh:mm:ss.zzz")));
                       traces_->setItem(row, 1, cell(QString::number(t.value("status", 0))));
                       traces_->setItem(row, 2, cell(QString::number(t.value("total_ms", 0.0), 'f', 2)));
                       traces_->setItem(row, 3, cell(QString::number(parts.value("gateway", 0.0), 'f', 2)));
                       traces_->setItem(row, 4, cell(QString::number(parts.value("upstream_ttfb", 0.0), 'f', 2)));
                       traces_->setItem(row, 5, cell(QString::fromStdString(t.value("method", "") + " " + t.value("path", ""))));
                       ++row;
                     }
                     emit tracesLoaded(row);
                   });
}

void TroubleshootView::showTrace(int row) {
  if (row < 0 || row >= static_cast<int>(traceList_.size())) return;
  waterfall_->setTrace(traceList_[static_cast<size_t>(row)]);
}

}  // namespace sluice::manager
