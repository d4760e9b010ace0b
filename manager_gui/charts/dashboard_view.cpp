#include "charts/dashboard_view.h"

#include "api/json_text.h"
#include "charts/time_charts.h"
#include "metrics/latency_histogram.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTextStream>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <map>

namespace sluice::manager {
namespace {

constexpr size_t kKeep = 900;  // 15 minutes
constexpr int kBands = 40;     // heatmap rows: 10 µs .. 60 s, log scale
constexpr double kBandLow = 1e-2, kBandHigh = 6e4;  // ms

double bandOf(double ms) {
  const double f = std::log(std::max(ms, kBandLow) / kBandLow) / std::log(kBandHigh / kBandLow);
  return std::clamp(f * kBands, 0.0, kBands - 1.0);
}

QCPGraph* addLine(QCustomPlot* plot, const QString& name, const QColor& color) {
  QCPGraph* g = plot->addGraph();
  g->setName(name);
  g->setPen(QPen(color, 1.6));
  return g;
}

}  // namespace

DashboardView::DashboardView(QWidget* parent) : QWidget(parent) {
  window_ = new QComboBox;
  window_->addItem(tr("1 minute"), 60);
  window_->addItem(tr("5 minutes"), 300);
  window_->addItem(tr("15 minutes"), 900);
  window_->setCurrentIndex(1);
  pause_ = new QCheckBox(tr("Pause"));
  auto* png = new QPushButton(tr("Export PNG…"));
  auto* csv = new QPushButton(tr("Export CSV…"));
  summary_ = new QLabel(tr("Waiting for the first frame…"));
  auto* controls = new QHBoxLayout;
  controls->addWidget(summary_, 1);
  controls->addWidget(new QLabel(tr("Window:")));
  controls->addWidget(window_);
  controls->addWidget(pause_);
  controls->addWidget(png);
  controls->addWidget(csv);

  throughput_ = makeTimePlot(tr("Requests per second"), tr("req/s"));
  addLine(throughput_, tr("all"), QColor("#3b7dd8"));  // mid tones: readable on light and dark
  addLine(throughput_, tr("2xx/3xx"), QColor("#27ae60"));
  addLine(throughput_, tr("4xx"), QColor("#f39c12"));
  addLine(throughput_, tr("5xx"), QColor("#c0392b"));
  // Open connections on the right-hand axis: a jump in them next to a drop in throughput is the
  // first thing to look for.
  QCPGraph* connections = throughput_->addGraph(throughput_->xAxis, throughput_->yAxis2);
  connections->setName(tr("connections"));
  connections->setPen(QPen(QColor("#7f8c8d"), 1.2, Qt::DashLine));
  throughput_->yAxis2->setVisible(true);
  throughput_->yAxis2->setLabel(tr("connections"));

  latency_ = makeTimePlot(tr("Latency percentiles"), tr("ms"));
  addLine(latency_, "p50", QColor("#2980b9"));
  addLine(latency_, "p90", QColor("#8e44ad"));
  addLine(latency_, "p99", QColor("#d35400"));
  addLine(latency_, "p99.9", QColor("#c0392b"));

  parts_ = makeTimePlot(tr("Where the time goes (mean per request)"), tr("ms"));
  addTimePartBars(parts_);

  heatmap_ = makeTimePlot(tr("Latency heatmap (requests per latency band)"), tr("ms"));
  heatmap_->legend->setVisible(false);
  heat_ = new QCPColorMap(heatmap_->xAxis, heatmap_->yAxis);
  heat_->setGradient(QCPColorGradient::gpThermal);
  heat_->setInterpolate(false);
  QSharedPointer<QCPAxisTickerText> bands(new QCPAxisTickerText);
  for (const double ms : {0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0}) bands->addTick(bandOf(ms), QString::number(ms));
  heatmap_->yAxis->setTicker(bands);
  heatmap_->yAxis->setRange(0, kBands);

  routes_ = new QTableWidget(0, 6);
  routes_->setHorizontalHeaderLabels({tr("Route"), tr("Service"), tr("req/s"), tr("5xx %"), tr("p99 ms"), tr("In plugins %")});
  routes_->horizontalHeader()->setStretchLastSection(true);
  routes_->verticalHeader()->hide();
  routes_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  routes_->setSelectionBehavior(QAbstractItemView::SelectRows);
  routes_->setSortingEnabled(true);
  routes_->setMaximumHeight(220);

  for (QCustomPlot* p : {throughput_, latency_, parts_}) enableHoverValues(p);
  heatmap_->setMouseTracking(true);
  connect(heatmap_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
    const QString text = heatmapText(heatmap_->xAxis->pixelToCoord(event->position().x()),
                                     heatmap_->yAxis->pixelToCoord(event->position().y()));
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(event->globalPosition().toPoint(), text, heatmap_);
  });
  auto* grid = new QGridLayout;
  grid->addWidget(throughput_, 0, 0);
  grid->addWidget(latency_, 0, 1);
  grid->addWidget(parts_, 1, 0);
  grid->addWidget(heatmap_, 1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addLayout(grid, 1);
  layout->addWidget(new QLabel(tr("Busiest routes this second (double-click opens the route)")));
  layout->addWidget(routes_);

  connect(window_, &QComboBox::currentIndexChanged, this, [this] { setWindowSeconds(window_->currentData().toInt()); });
  connect(pause_, &QCheckBox::toggled, this, &DashboardView::setPaused);
  connect(png, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PNG"), "sluice-dashboard.png", "PNG (*.png)");
    if (!path.isEmpty()) exportPng(path);
  });
  connect(csv, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), "sluice-dashboard.csv", "CSV (*.csv)");
    if (!path.isEmpty()) exportCsv(path);
  });
  connect(routes_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (auto* item = routes_->item(row, 0)) emit routeActivated(item->data(Qt::UserRole).toString());
  });
  changesTimer_ = new QTimer(this);
  changesTimer_->setInterval(5000);
  connect(changesTimer_, &QTimer::timeout, this, &DashboardView::refreshChanges);
}

void DashboardView::setTransport(admin_client::Transport* transport) {
  transport_ = transport;
  ++changesGeneration_;
  markers_.clear();
  for (QCustomPlot* p : {throughput_, latency_, parts_, heatmap_}) setChangeMarkers(p, markers_);
  if (transport_) {
    changesTimer_->start();
    refreshChanges();
  } else {
    changesTimer_->stop();
  }
}

void DashboardView::refreshChanges() {
  if (!transport_) return;
  const quint64 generation = ++changesGeneration_;
  const qint64 since = QDateTime::currentSecsSinceEpoch() - static_cast<qint64>(kKeep);
  transport_->send({"GET", "/sluice/changes?size=1000&since=" + std::to_string(since), "", "application/json"},
                   [this, generation](const admin_client::Response& r) {
                     if (generation != changesGeneration_) return;
                     const auto page = nlohmann::json::parse(r.body, nullptr, false);
                     if (!r.ok() || !page.is_object()) return;  // an older gateway: no markers
                     markers_ = markersFrom(page.value("data", nlohmann::json::array()));
                     for (QCustomPlot* p : {throughput_, latency_, parts_, heatmap_}) {
                       setChangeMarkers(p, markers_);
                       p->replot();
                     }
                     emit changesRefreshed();
                   });
}

std::vector<ChangeMarker> DashboardView::markersFrom(const nlohmann::json& changes) {
  // Newest first, several rows per version: one marker per version, at its time.
  std::vector<ChangeMarker> out;
  std::map<qint64, size_t> byVersion;
  std::map<qint64, int> lines;
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
    const auto& c = *it;
    const qint64 version = c.value("version", qint64{0});
    const auto text = [&c](const char* key) { return jsonText(c, key); };
    QString name = text("entity_name");
    if (name.isEmpty()) name = text("entity_id");
    const QString operation = text("operation") == "create"   ? tr("created")
                              : text("operation") == "delete" ? tr("deleted")
                                                              : tr("updated");
    const QString line = QString("%1 “%2” %3").arg(text("entity"), name, operation);
    auto found = byVersion.find(version);
    if (found == byVersion.end()) {
      const double at = c.value("at", 0.0);
      const QString who = text("author").isEmpty() ? tr("(no token)") : text("author");
      const QString request = text("method").isEmpty() ? text("source") : text("method") + " " + text("path");
      out.push_back({at, tr("Configuration version %1 — %2 by %3\n%4")
                             .arg(version)
                             .arg(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(at * 1000)).toString("hh:mm:ss"))
                             .arg(who, request)});
      found = byVersion.emplace(version, out.size() - 1).first;
    }
    int& shown = lines[version];
    if (++shown <= 3) out[found->second].summary += "\n" + line;
    else if (shown == 4) out[found->second].summary += "\n" + tr("… and more");
  }
  return out;
}

void DashboardView::setWindowSeconds(int seconds) {
  windowSeconds_ = seconds;
  for (int i = 0; i < window_->count(); ++i)
    if (window_->itemData(i).toInt() == seconds && window_->currentIndex() != i) window_->setCurrentIndex(i);
  redraw();
}

void DashboardView::setPaused(bool paused) {
  paused_ = paused;
  if (pause_->isChecked() != paused) pause_->setChecked(paused);
  if (!paused) redraw();
}

void DashboardView::clear() {
  history_.clear();
  redraw();
}

void DashboardView::addFrame(const nlohmann::json& f) {
  Point p;
  p.time = f.value("time", 0.0) / 1000.0;
  p.rps = f.value("rps", 0.0);
  const double seconds = std::max(f.value("interval_s", 1.0), 1e-3);
  if (f.contains("status")) {
    const auto& s = f["status"];
    p.ok = (s.value("2xx", 0.0) + s.value("3xx", 0.0)) / seconds;
    p.clientErrors = s.value("4xx", 0.0) / seconds;
    p.serverErrors = s.value("5xx", 0.0) / seconds;
  }
  if (f.contains("latency_ms") && f["latency_ms"].contains("total")) {
    const auto& t = f["latency_ms"]["total"];
    p.p50 = t.value("p50", 0.0);
    p.p90 = t.value("p90", 0.0);
    p.p99 = t.value("p99", 0.0);
    p.p999 = t.value("p999", 0.0);
  }
  const double requests = std::max(f.value("requests", 0.0), 1.0);
  if (f.contains("time_ms")) {
    const auto& t = f["time_ms"];
    p.plugins = t.value("plugins", 0.0) / requests;
    p.gateway = std::max(0.0, t.value("gateway", 0.0) / requests - p.plugins);
    p.connect = t.value("upstream_connect", 0.0) / requests;
    p.ttfb = t.value("upstream_ttfb", 0.0) / requests;
    p.transfer = t.value("transfer", 0.0) / requests;
  }
  p.heat.assign(kBands, 0);
  if (f.contains("histogram")) {
    const metrics::LatencyHistogram h = metrics::LatencyHistogram::fromJson(f["histogram"]);
    h.forEach([&](uint32_t bucket, uint64_t count) {
      const double ms = (metrics::LatencyHistogram::bucketLow(bucket) + metrics::LatencyHistogram::bucketWidth(bucket) / 2.0) / 1000.0;
      p.heat[static_cast<size_t>(bandOf(ms))] += static_cast<double>(count);
    });
  }
  if (f.contains("connections")) p.connections = f["connections"].value("active", qint64{0});
  history_.push_back(std::move(p));
  while (history_.size() > kKeep) history_.pop_front();
  if (paused_) return;
  const int active = f.value("active_routes", 0);
  summary_->setText(tr("%1 req/s · p99 %2 ms · %3 connections · %4")
                        .arg(history_.back().rps, 0, 'f', 0)
                        .arg(history_.back().p99, 0, 'f', 1)
                        .arg(history_.back().connections)
                        .arg(active == 1 ? tr("1 route active") : tr("%1 routes active").arg(active)));
  showRoutes(f);
  redraw();
}

void DashboardView::showRoutes(const nlohmann::json& f) {
  const nlohmann::json list = f.value("top_routes_by_requests", nlohmann::json::array());
  routes_->setSortingEnabled(false);
  routes_->setRowCount(static_cast<int>(list.size()));
  int row = 0;
  for (const auto& r : list) {
    const auto number = [](double v, int decimals) {  // a number, so that the column sorts by value
      auto* item = new QTableWidgetItem;
      const double scale = std::pow(10.0, decimals);
      item->setData(Qt::DisplayRole, std::round(v * scale) / scale);
      return item;
    };
    auto* name = new QTableWidgetItem(QString::fromStdString(r.value("name", "").empty() ? r.value("id", "") : r.value("name", "")));
    name->setData(Qt::UserRole, QString::fromStdString(r.value("id", "")));
    routes_->setItem(row, 0, name);
    routes_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(r.value("service", ""))));
    routes_->setItem(row, 2, number(r.value("rps", 0.0), 1));
    const double requests = r.value("requests", 0.0);
    routes_->setItem(row, 3, number(requests > 0 ? 100.0 * r.value("errors", 0.0) / requests : 0.0, 1));
    routes_->setItem(row, 4, number(r.value("p99_ms", 0.0), 2));
    routes_->setItem(row, 5, number(r.value("plugins_share", 0.0) * 100, 1));
    ++row;
  }
  routes_->setSortingEnabled(true);
}

QString DashboardView::heatmapText(double time, double band) const {
  if (history_.empty() || band < 0 || band >= kBands) return {};
  const Point* nearest = nullptr;
  for (const Point& p : history_)
    if (std::abs(p.time - time) <= 0.5) nearest = &p;
  if (!nearest || nearest->heat.empty()) return {};
  const int b = static_cast<int>(band);
  const auto edge = [](int i) { return kBandLow * std::pow(kBandHigh / kBandLow, static_cast<double>(i) / kBands); };
  const double requests = nearest->heat[static_cast<size_t>(b)];
  return tr("%1\n%2 – %3 ms: %n request(s)", "", static_cast<int>(requests))
      .arg(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(nearest->time * 1000)).toString("hh:mm:ss"))
      .arg(edge(b), 0, 'g', 3)
      .arg(edge(b + 1), 0, 'g', 3);
}

void DashboardView::redraw() {
  if (history_.empty()) {
    for (QCustomPlot* p : {throughput_, latency_, parts_, heatmap_}) p->replot();
    return;
  }
  const double end = history_.back().time + 0.5, begin = end - windowSeconds_;
  QVector<double> t, all, ok, c4, c5, p50, p90, p99, p999, open;
  std::array<QVector<double>, 5> parts;
  for (const Point& p : history_) {
    if (p.time < begin) continue;
    t << p.time;
    all << p.rps;
    ok << p.ok;
    c4 << p.clientErrors;
    c5 << p.serverErrors;
    p50 << p.p50;
    p90 << p.p90;
    p99 << p.p99;
    p999 << p.p999;
    open << static_cast<double>(p.connections);
    parts[0] << p.gateway;
    parts[1] << p.plugins;
    parts[2] << p.connect;
    parts[3] << p.ttfb;
    parts[4] << p.transfer;
  }
  const QVector<double>* rps[] = {&all, &ok, &c4, &c5};
  for (int i = 0; i < 4; ++i) throughput_->graph(i)->setData(t, *rps[i], true);
  throughput_->graph(4)->setData(t, open, true);
  throughput_->yAxis2->rescale(true);
  throughput_->yAxis2->setRangeLower(0);
  throughput_->yAxis2->setRangeUpper(std::max(throughput_->yAxis2->range().upper * 1.1, 1.0));
  const QVector<double>* lat[] = {&p50, &p90, &p99, &p999};
  for (int i = 0; i < 4; ++i) latency_->graph(i)->setData(t, *lat[i], true);
  for (int i = 0; i < 5; ++i) static_cast<QCPBars*>(parts_->plottable(i))->setData(t, parts[static_cast<size_t>(i)], true);
  heat_->data()->setSize(windowSeconds_, kBands);
  heat_->data()->setRange(QCPRange(begin, end), QCPRange(0, kBands));
  heat_->data()->fill(0);
  for (const Point& p : history_) {
    if (p.time < begin) continue;
    int key = 0, ignored = 0;
    heat_->data()->coordToCell(p.time, 0, &key, &ignored);
    for (int b = 0; b < kBands; ++b) heat_->data()->setCell(key, b, p.heat[static_cast<size_t>(b)]);
  }
  heat_->rescaleDataRange(true);
  for (QCustomPlot* p : {throughput_, latency_, parts_, heatmap_}) {
    p->xAxis->setRange(begin, end);
    if (p != heatmap_) p->yAxis->rescale(true);
    if (p != heatmap_) p->yAxis->setRangeLower(0);
    p->replot();  // once a second: drawing at once keeps exports and grabs current
  }
}

bool DashboardView::exportPng(const QString& path) { return grab().save(path, "PNG"); }

bool DashboardView::exportCsv(const QString& path) const {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  QTextStream out(&file);
  out << "time,rps,rps_2xx_3xx,rps_4xx,rps_5xx,p50_ms,p90_ms,p99_ms,p999_ms,gateway_ms,plugins_ms,connect_ms,upstream_ms,transfer_ms,connections\n";
  for (const Point& p : history_)
    out << QString::number(p.time, 'f', 3) << ',' << p.rps << ',' << p.ok << ',' << p.clientErrors << ',' << p.serverErrors << ','
        << p.p50 << ',' << p.p90 << ',' << p.p99 << ',' << p.p999 << ',' << p.gateway << ',' << p.plugins << ',' << p.connect << ','
        << p.ttfb << ',' << p.transfer << ',' << p.connections << '\n';
  return true;
}

}  // namespace sluice::manager
