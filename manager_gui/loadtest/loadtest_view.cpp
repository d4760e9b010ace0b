#include "loadtest/loadtest_view.h"

#include "views/read_only_table.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>

namespace sluice::manager {
namespace {

QString number(const nlohmann::json& v, int decimals = 2) {
  if (!v.is_number()) return QString();
  return QString::number(v.get<double>(), 'f', v.is_number_integer() ? 0 : decimals);
}

}  // namespace

LoadtestView::LoadtestView(QWidget* parent) : QWidget(parent) {
  form_ = new LoadtestForm;
  charts_ = new LoadtestCharts(this);
  runButton_ = new QPushButton(tr("Run"));
  runButton_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  cancelButton_ = new QPushButton(tr("Cancel"));
  cancelButton_->setEnabled(false);
  auto* saveButton = new QPushButton(tr("Save run"));
  auto* json = new QPushButton(tr("Export JSON…"));
  auto* csv = new QPushButton(tr("Export CSV…"));
  auto* png = new QPushButton(tr("Export PNG…"));
  compare_ = new QComboBox;
  status_ = new QLabel(tr("Pick a route (or a URL), set the load, and run."));
  status_->setWordWrap(true);

  auto* scroll = new QScrollArea;
  scroll->setWidget(form_);
  scroll->setWidgetResizable(true);
  auto* buttons = new QGridLayout;
  buttons->addWidget(runButton_, 0, 0);
  buttons->addWidget(cancelButton_, 0, 1);
  buttons->addWidget(saveButton, 1, 0);
  buttons->addWidget(json, 1, 1);
  buttons->addWidget(csv, 2, 0);
  buttons->addWidget(png, 2, 1);
  auto* left = new QWidget;
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->addWidget(scroll, 1);
  leftLayout->addLayout(buttons);
  leftLayout->addWidget(new QLabel(tr("Compare with a saved run:")));
  leftLayout->addWidget(compare_);

  percentiles_ = readOnlyTable({tr("Figure"), tr("This run"), tr("Compared run"), tr("Change")});
  errors_ = readOnlyTable({tr("Kind"), tr("Count")});
  gatewaySummary_ = new QLabel;
  gatewaySummary_->setWordWrap(true);
  auto* tabs = new QTabWidget;
  resultTabs_ = tabs;
  auto* resultsTab = new QWidget;
  auto* resultsLayout = new QHBoxLayout(resultsTab);
  resultsLayout->addWidget(percentiles_, 2);
  resultsLayout->addWidget(charts_->distribution(), 3);
  tabs->addTab(resultsTab, tr("Percentiles and distribution"));
  tabs->addTab(errors_, tr("Errors"));
  auto* gatewayTab = new QWidget;
  auto* gatewayLayout = new QVBoxLayout(gatewayTab);
  gatewayLayout->addWidget(charts_->gateway(), 1);
  gatewayLayout->addWidget(gatewaySummary_);
  tabs->addTab(gatewayTab, tr("The gateway's view"));
  capacityTab_ = new QWidget;
  auto* capacityLayout = new QVBoxLayout(capacityTab_);
  capacityLayout->addWidget(charts_->capacity(), 1);
  capacitySummary_ = new QLabel(tr("Tick “Find the capacity” in the form to search for the highest rate that meets your limits."));
  capacitySummary_->setWordWrap(true);
  capacitySummary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  capacityLayout->addWidget(capacitySummary_);
  tabs->addTab(capacityTab_, tr("Capacity"));

  results_ = new QWidget;
  auto* right = new QVBoxLayout(results_);
  right->addWidget(status_);
  auto* live = new QHBoxLayout;
  live->addWidget(charts_->throughput());
  live->addWidget(charts_->latency());
  right->addLayout(live, 2);
  right->addWidget(tabs, 3);

  auto* split = new QSplitter;
  split->addWidget(left);
  split->addWidget(results_);
  split->setStretchFactor(1, 1);
  split->setSizes({380, 1000});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);

  connect(runButton_, &QPushButton::clicked, this, &LoadtestView::start);
  connect(cancelButton_, &QPushButton::clicked, this, &LoadtestView::cancel);
  connect(saveButton, &QPushButton::clicked, this, [this] {
    const QString file = save();
    status_->setText(file.isEmpty() ? tr("Nothing to save yet, or the run could not be written.") : tr("Saved in %1.").arg(saved_.folder()));
  });
  connect(json, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export JSON"), "sluice-loadtest.json", "JSON (*.json)");
    if (!path.isEmpty()) exportJson(path);
  });
  connect(csv, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), "sluice-loadtest.csv", "CSV (*.csv)");
    if (!path.isEmpty()) exportCsv(path);
  });
  connect(png, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PNG"), "sluice-loadtest.png", "PNG (*.png)");
    if (!path.isEmpty()) exportPng(path);
  });
  connect(compare_, &QComboBox::activated, this, [this](int index) { compareWith(compare_->itemData(index).toString()); });
  refreshSaved();
  showResult();
}

void LoadtestView::setGateway(admin_client::Transport* transport, const QString& adminHost, const QString& proxyListen) {
  transport_ = transport;
  form_->setGateway(transport, adminHost, proxyListen);
}

void LoadtestView::start() {
  if (running()) return;
  QString error;
  if (form_->onGatewayHost()) {
    const auto request = form_->gatewayRequest(error);
    if (!request || !transport_) {
      status_->setText(request ? tr("Not connected to a gateway.") : error);
      return;
    }
    routeId_ = QString::fromStdString(request->value("route", ""));
    begin(new GatewayLoadtestRun(*transport_, *request, this));
    return;
  }
  std::optional<loadgen::CapacitySearch> search;
  if (form_->findsCapacity()) {
    search = form_->capacitySearch(error);
    if (!search) {
      status_->setText(error);
      return;
    }
  }
  // From this computer: the consumer's key first (asked of the Admin API), then the plan.
  form_->resolveCredential([this, search](std::optional<std::pair<std::string, std::string>> credential, QString problem) {
    if (!problem.isEmpty()) {
      status_->setText(problem);
      return;
    }
    QString error;
    const auto plan = form_->localPlan(credential, error);
    if (!plan) {
      status_->setText(error);
      return;
    }
    QString unused;
    const auto request = form_->gatewayRequest(unused);
    routeId_ = request ? QString::fromStdString(request->value("route", "")) : QString();
    if (search) begin(new LocalCapacityRun(*plan, *search, this));
    else begin(new LocalLoadtestRun(*plan, this));
  });
}

void LoadtestView::begin(LoadtestRun* run) {
  if (run_) run_->deleteLater();
  run_ = run;
  timeline_.clear();
  gateway_.clear();
  steps_ = nlohmann::json::array();
  charts_->showCapacity(steps_, 0);
  result_ = nlohmann::json::object();
  name_ = form_->describe();
  startedAt_ = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
  endedAt_ = 0;
  runButton_->setEnabled(false);
  cancelButton_->setEnabled(true);
  status_->setText(tr("Running: %1").arg(name_));
  connect(run, &LoadtestRun::secondArrived, this, &LoadtestView::onSecond);
  connect(run, &LoadtestRun::finished, this, &LoadtestView::onFinished);
  connect(run, &LoadtestRun::stepArrived, this, &LoadtestView::onStep);
  connect(run, &LoadtestRun::failed, this, [this](const QString& message) {
    runButton_->setEnabled(true);
    cancelButton_->setEnabled(false);
    status_->setText(tr("The load test failed: %1").arg(message));
    emit failed(message);
  });
  showResult();
  run->start();
}

void LoadtestView::cancel() {
  if (run_) run_->cancel();
}

void LoadtestView::onSecond(const nlohmann::json& point) {
  timeline_.push_back(point);
  std::vector<nlohmann::json> compared;
  for (const auto& s : compared_.value("timeline", nlohmann::json::array())) compared.push_back(s);
  charts_->showTimeline(timeline_, compared);
  status_->setText(tr("Running: %1 — second %2: %3 requests, p99 %4 ms")
                       .arg(name_)
                       .arg(point.value("second", 0) + 1)
                       .arg(point.value("requests", 0))
                       .arg(point.value("p99_ms", 0.0), 0, 'f', 2));
}

void LoadtestView::onFinished(const nlohmann::json& result) {
  result_ = result.is_object() ? result : nlohmann::json::object();
  endedAt_ = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
  runButton_->setEnabled(true);
  cancelButton_->setEnabled(false);
  // A gateway run streams its timeline into the result too; a local run built it second by second.
  if (timeline_.empty())
    for (const auto& s : result.value("timeline", nlohmann::json::array())) timeline_.push_back(s);
  if (result.contains("capacity")) {
    showCapacity(result["capacity"]);
    status_->setText(QString("%1 — %2").arg(name_, capacitySummary_->text()));
    showResult();
    resultTabs_->setCurrentWidget(capacityTab_);
    emit finished(result);
    return;
  }
  const bool passed = result.value("passed", true);
  QString verdict = result.value("cancelled", false) ? tr("cancelled") : passed ? tr("passed") : tr("failed its thresholds");
  status_->setText(tr("%1 — %2 requests in %3 s, %4 req/s, p99 %5 ms, %6 errors: %7")
                       .arg(name_)
                       .arg(result.value("requests", 0))
                       .arg(result.value("duration_s", 0.0), 0, 'f', 1)
                       .arg(result.value("rps", 0.0), 0, 'f', 0)
                       .arg(result.contains("latency_ms") ? result["latency_ms"].value("p99", 0.0) : 0.0, 0, 'f', 2)
                       .arg(result.value("errors", 0))
                       .arg(verdict));
  showResult();
  emit finished(result);
}

void LoadtestView::onStep(const nlohmann::json& step) {
  steps_.push_back(step);
  // The knee so far: the highest offered rate of the steps that met every limit before one missed.
  double knee = 0;
  for (const auto& s : steps_) {
    if (!s.value("met", true)) break;
    knee = std::max(knee, s.value("offered_rps", 0.0));
  }
  charts_->showCapacity(steps_, knee);
  resultTabs_->setCurrentWidget(capacityTab_);
  capacitySummary_->setText(tr("Step %1: %2 req/s offered, %3 achieved, p99 %4 ms%5")
                                .arg(steps_.size())
                                .arg(step.value("offered_rps", 0.0), 0, 'f', 0)
                                .arg(step.value("achieved_rps", 0.0), 0, 'f', 0)
                                .arg(step.value("p99_ms", 0.0), 0, 'f', 2)
                                .arg(step.value("met", true) ? QString() : " — " + QString::fromStdString(step.value("missed", ""))));
}

void LoadtestView::showCapacity(const nlohmann::json& capacity) {
  steps_ = capacity.value("steps", nlohmann::json::array());
  const double knee = capacity.value("knee_rps", 0.0);
  charts_->showCapacity(steps_, knee);
  QString text = knee > 0 ? tr("Knee: %1 req/s — the highest rate that met every limit.").arg(knee, 0, 'f', 0)
                          : tr("No step met the limits: the first rate is already too much.");
  text += " " + tr("Stopped because: %1.").arg(QString::fromStdString(capacity.value("stopped_because", "")));
  if (capacity.value("generator_limited", false))
    text += " " + tr("Warning: the load generator itself was the bottleneck — past that step the figures are the tool's "
                     "limit, not the gateway's. Run it from another machine or with more threads.");
  if (capacity.value("cancelled", false)) text += " " + tr("(cancelled)");
  capacitySummary_->setText(text);
}

QString LoadtestView::capacitySummary() const { return capacitySummary_->text(); }

void LoadtestView::addFrame(const nlohmann::json& frame) {
  // Frames of the run's seconds (and the one that closes its last second).
  const double time = frame.value("time", 0.0) / 1000.0;
  if (startedAt_ == 0 || time < startedAt_ + 0.5 || (endedAt_ > 0 && time > endedAt_ + 1.5)) return;
  double gatewayMs = 0, upstreamMs = 0;
  bool found = false;
  for (const auto& r : frame.value("top_routes_by_requests", nlohmann::json::array()))
    if (!routeId_.isEmpty() && (QString::fromStdString(r.value("id", "")) == routeId_ || QString::fromStdString(r.value("name", "")) == routeId_)) {
      gatewayMs = r.value("gateway_ms", 0.0);
      upstreamMs = r.value("upstream_ms", 0.0);
      found = true;
    }
  if (!found) {  // a URL, or a quiet route: the node as a whole
    const double requests = frame.value("requests", 0.0);
    if (requests <= 0 || !frame.contains("time_ms")) return;
    gatewayMs = frame["time_ms"].value("gateway", 0.0) / requests;
    upstreamMs = frame["time_ms"].value("upstream_ttfb", 0.0) / requests;
  }
  gateway_.push_back({std::round(time - startedAt_), gatewayMs, upstreamMs});
  charts_->showGateway(gateway_);
  double gw = 0, up = 0;
  for (const auto& s : gateway_) {
    gw += s[1];
    up += s[2];
  }
  const double n = static_cast<double>(gateway_.size());
  gatewaySummary_->setText(tr("Over these %n second(s) the gateway spent %1 ms per request itself (plugins included) and waited "
                              "%2 ms for the upstream's first byte, on average.", "", static_cast<int>(n))
                               .arg(gw / n, 0, 'f', 3)
                               .arg(up / n, 0, 'f', 3));
}

void LoadtestView::showResult() {
  const nlohmann::json latency = result_.value("latency_ms", nlohmann::json::object());
  const nlohmann::json other = compared_.value("result", nlohmann::json::object());
  const nlohmann::json otherLatency = other.value("latency_ms", nlohmann::json::object());
  struct Row {
    QString label;
    nlohmann::json mine, theirs;
    bool lowerIsBetter;
  };
  std::vector<Row> rows;
  for (const char* p : {"p50", "p75", "p90", "p99", "p99.9", "p99.99", "max", "mean"})
    rows.push_back({QString("%1 (ms)").arg(p), latency.value(p, nlohmann::json()), otherLatency.value(p, nlohmann::json()), true});
  rows.push_back({tr("requests/s"), result_.value("rps", nlohmann::json()), other.value("rps", nlohmann::json()), false});
  rows.push_back({tr("requests"), result_.value("requests", nlohmann::json()), other.value("requests", nlohmann::json()), false});
  rows.push_back({tr("errors"), result_.value("errors", nlohmann::json()), other.value("errors", nlohmann::json()), true});
  percentiles_->setRowCount(static_cast<int>(rows.size()));
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    const Row& r = rows[static_cast<size_t>(i)];
    percentiles_->setItem(i, 0, new QTableWidgetItem(r.label));
    percentiles_->setItem(i, 1, new QTableWidgetItem(number(r.mine)));
    percentiles_->setItem(i, 2, new QTableWidgetItem(number(r.theirs)));
    QString change;
    auto* item = new QTableWidgetItem;
    if (r.mine.is_number() && r.theirs.is_number() && r.theirs.get<double>() != 0) {
      const double ratio = r.mine.get<double>() / r.theirs.get<double>() - 1;
      change = QString("%1%2 %").arg(ratio >= 0 ? "+" : "").arg(ratio * 100, 0, 'f', 1);
      const bool better = r.lowerIsBetter ? ratio < -0.02 : ratio > 0.02;
      const bool worse = r.lowerIsBetter ? ratio > 0.02 : ratio < -0.02;
      if (better) item->setForeground(QColor("#27ae60"));
      if (worse) item->setForeground(QColor("#c0392b"));
    }
    item->setText(change);
    percentiles_->setItem(i, 3, item);
  }
  const nlohmann::json kinds = result_.value("errors_by_kind", nlohmann::json::object());
  errors_->setRowCount(0);
  const auto addError = [this](const QString& kind, const nlohmann::json& count) {
    const int row = errors_->rowCount();
    errors_->insertRow(row);
    errors_->setItem(row, 0, new QTableWidgetItem(kind));
    errors_->setItem(row, 1, new QTableWidgetItem(number(count)));
  };
  for (const char* k : {"connect", "timeout", "reset", "tls", "protocol"}) addError(QString::fromLatin1(k), kinds.value(k, 0));
  for (const auto& [code, count] : kinds.value("status", nlohmann::json::object()).items()) addError(tr("status %1").arg(QString::fromStdString(code)), count);
  if (result_.value("dropped", 0) > 0) addError(tr("not sent (every connection busy)"), result_["dropped"]);
  for (const auto& t : result_.value("thresholds", nlohmann::json::array()))
    addError(QString("%1 %2").arg(t.value("ok", false) ? "✓" : "✗", QString::fromStdString(t.value("threshold", ""))), t.value("value", 0.0));
  charts_->showDistribution(result_.value("histogram", nlohmann::json()), other.value("histogram", nlohmann::json()));
  std::vector<nlohmann::json> compared;
  for (const auto& s : compared_.value("timeline", nlohmann::json::array())) compared.push_back(s);
  charts_->showTimeline(timeline_, compared);
}

nlohmann::json LoadtestView::record() const {
  nlohmann::json gateway = nlohmann::json::array();
  for (const auto& s : gateway_) gateway.push_back({s[0], s[1], s[2]});
  return {{"name", name_.toStdString()},
          {"saved_at", QDateTime::currentMSecsSinceEpoch()},
          {"result", result_},
          {"timeline", timeline_},
          {"gateway", gateway}};
}

QString LoadtestView::save() {
  if (result_.empty()) return {};
  const QString file = saved_.save(record());
  refreshSaved();
  return file;
}

void LoadtestView::refreshSaved() {
  const QString keep = compare_->currentData().toString();
  compare_->clear();
  compare_->addItem(tr("(none)"), QString());
  for (const auto& e : saved_.list()) compare_->addItem(e.title, e.file);
  const int i = compare_->findData(keep);
  compare_->setCurrentIndex(i >= 0 ? i : 0);
}

void LoadtestView::compareWith(const QString& file) {
  compared_ = nlohmann::json::object();
  if (!file.isEmpty())
    if (const auto record = saved_.load(file)) compared_ = *record;
  const int i = compare_->findData(file);
  if (i >= 0 && compare_->currentIndex() != i) compare_->setCurrentIndex(i);
  showResult();
}

bool LoadtestView::exportJson(const QString& path) const {
  QFile out(path);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  const std::string text = record().dump(2);
  return out.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size());
}

bool LoadtestView::exportCsv(const QString& path) const {
  QFile out(path);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  QTextStream s(&out);
  s << "second,requests,errors,p50_ms,p90_ms,p99_ms,max_ms,connections,gateway_ms,upstream_ms\n";
  for (const auto& p : timeline_) {
    const int second = p.value("second", 0) + 1;
    QString gw, up;
    for (const auto& g : gateway_)
      if (static_cast<int>(g[0]) == second) {
        gw = QString::number(g[1], 'f', 3);
        up = QString::number(g[2], 'f', 3);
      }
    s << second << ',' << p.value("requests", 0) << ',' << p.value("errors", 0) << ',' << p.value("p50_ms", 0.0) << ','
      << p.value("p90_ms", 0.0) << ',' << p.value("p99_ms", 0.0) << ',' << p.value("max_ms", 0.0) << ',' << p.value("connections", 0)
      << ',' << gw << ',' << up << '\n';
  }
  return s.status() == QTextStream::Ok;
}

bool LoadtestView::exportPng(const QString& path) { return results_->grab().save(path, "PNG"); }

}  // namespace sluice::manager
