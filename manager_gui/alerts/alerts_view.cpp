#include "alerts/alerts_view.h"

#include "admin_client/api_error.h"
#include "api/json_text.h"
#include "views/read_only_table.h"

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

using nlohmann::json;

constexpr int kHistoryRows = 1000;
const QColor kFiring("#c0392b"), kResolved("#27ae60");

QString timeOf(double seconds) {
  return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(seconds * 1000)).toString("yyyy-MM-dd hh:mm:ss");
}

QString ruleName(const json& j) { return j.contains("rule") ? jsonText(j["rule"], "name") : QString(); }

QString figure(const json& j, const char* key) {
  const double v = j.value(key, 0.0);
  return QString::number(v, 'f', v < 10 ? 2 : 1);
}

}  // namespace

AlertsView::AlertsView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout;
  summary_ = new QLabel(tr("Alerts are evaluated on the gateway once a second."));
  summary_->setWordWrap(true);
  refresh_ = new QPushButton(tr("Refresh"));
  rules_ = new QPushButton(tr("Manage rules…"));
  rules_->setToolTip(tr("The alert rules are the sluice_alert_rules entity: p99 or 5xx share of a route, a service or "
                        "the node, an unhealthy target, a certificate about to expire"));
  bar->addWidget(summary_, 1);
  bar->addWidget(refresh_);
  bar->addWidget(rules_);
  layout->addLayout(bar);
  auto* split = new QSplitter(Qt::Vertical);
  auto* top = new QWidget;
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(new QLabel(tr("Firing now")));
  firing_ = readOnlyTable({tr("Rule"), tr("Kind"), tr("Subject"), tr("Since"), tr("Value"), tr("Threshold"), tr("Message")});
  topLayout->addWidget(firing_);
  auto* bottom = new QWidget;
  auto* bottomLayout = new QVBoxLayout(bottom);
  bottomLayout->setContentsMargins(0, 0, 0, 0);
  bottomLayout->addWidget(new QLabel(tr("History (newest first)")));
  history_ = readOnlyTable({tr("Time"), tr("State"), tr("Rule"), tr("Subject"), tr("Message")});
  bottomLayout->addWidget(history_);
  split->addWidget(top);
  split->addWidget(bottom);
  layout->addWidget(split, 1);
  connect(refresh_, &QPushButton::clicked, this, &AlertsView::refresh);
  connect(rules_, &QPushButton::clicked, this, &AlertsView::manageRules);
}

void AlertsView::setTransport(admin_client::Transport* transport) {
  transport_ = transport;
  ++generation_;
  lastEvent_ = 0;
  firing_->setRowCount(0);
  history_->setRowCount(0);
  if (transport_) refresh();
}

QString AlertsView::summary() const { return summary_->text(); }

void AlertsView::refresh() {
  if (!transport_) return;
  const quint64 generation = ++generation_;
  transport_->send({"GET", "/sluice/alerts?size=1000", "", "application/json"}, [this, generation](const admin_client::Response& r) {
    if (generation != generation_) return;
    const auto answer = json::parse(r.body, nullptr, false);
    if (!r.ok() || !answer.is_object()) {
      summary_->setText(QString::fromStdString(admin_client::errorFrom(r).summary()));
      emit refreshed();
      return;
    }
    history_->setRowCount(0);
    lastEvent_ = 0;
    for (const auto& e : answer.value("events", json::array())) addEvent(e);
    showActive(answer.value("active", json::array()));
    emit refreshed();
  });
}

void AlertsView::showActive(const json& active) {
  firing_->setRowCount(0);
  for (const auto& a : active) {
    const int row = firing_->rowCount();
    firing_->insertRow(row);
    const QStringList cells{ruleName(a),       jsonText(a, "kind"),      jsonText(a, "subject"), timeOf(a.value("since", 0.0)),
                            figure(a, "value"), figure(a, "threshold"), jsonText(a, "message")};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c == 0) item->setForeground(kFiring);
      firing_->setItem(row, c, item);
    }
  }
  firing_->resizeColumnsToContents();
  const int n = firing_->rowCount();
  summary_->setText(n == 0 ? tr("No alert is firing.") : tr("%n alert(s) firing.", "", n));
  emit firingCount(n);
}

void AlertsView::addEvent(const json& e) {
  const uint64_t id = e.value("id", uint64_t{0});
  if (id <= lastEvent_) return;
  lastEvent_ = id;
  history_->insertRow(0);
  const bool firing = jsonText(e, "state") == "firing";
  const QStringList cells{timeOf(e.value("at", 0.0)), firing ? tr("firing") : tr("resolved"), ruleName(e), jsonText(e, "subject"),
                          jsonText(e, "message")};
  for (int c = 0; c < cells.size(); ++c) {
    auto* item = new QTableWidgetItem(cells[c]);
    if (c == 1) item->setForeground(firing ? kFiring : kResolved);
    history_->setItem(0, c, item);
  }
  if (history_->rowCount() > kHistoryRows) history_->setRowCount(kHistoryRows);
}

void AlertsView::addFrame(const json& frame) {
  const auto it = frame.find("alerts");
  if (it == frame.end() || !it->is_object()) return;
  bool changed = false;
  for (const auto& e : it->value("events", json::array())) {
    if (e.value("id", uint64_t{0}) <= lastEvent_) continue;
    addEvent(e);
    changed = true;
    if (jsonText(e, "state") == "firing") emit alertFired(ruleName(e), jsonText(e, "message"));
  }
  const int firing = it->value("firing", 0);
  emit firingCount(firing);
  // The table of what fires is read again when something started or ended.
  if (changed || firing != firing_->rowCount()) refresh();
}

}  // namespace sluice::manager
