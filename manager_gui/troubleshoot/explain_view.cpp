#include "troubleshoot/explain_view.h"

#include "api/json_text.h"
#include "admin_client/api_error.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sluice::manager {
namespace {

const QColor kChosen("#27ae60"), kLater("#7f8c8d"), kFailed("#c0392b");

QString routeLabel(const nlohmann::json& route) {
  const QString name = jsonText(route, "name");
  return name.isEmpty() ? jsonText(route, "id") : name;
}

QString fieldsOf(const nlohmann::json& route) {
  QStringList fields;
  for (const auto& f : route.value("matches_on", nlohmann::json::array())) fields << QString::fromStdString(f.get<std::string>());
  return fields.join(", ");
}

}  // namespace

ExplainView::ExplainView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  auto* line = new QHBoxLayout;
  method_ = new QComboBox;
  method_->addItems({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"});
  method_->setEditable(true);
  url_ = new QLineEdit;
  url_->setPlaceholderText(tr("https://api.example.com/orders/12"));
  url_->setClearButtonEnabled(true);
  ask_ = new QPushButton(tr("Explain"));
  ask_->setDefault(true);
  line->addWidget(method_);
  line->addWidget(url_, 1);
  line->addWidget(ask_);
  form->addRow(tr("Request"), line);
  headers_ = new QLineEdit;
  headers_->setPlaceholderText(tr("X-Version: 2; Content-Type: application/grpc"));
  form->addRow(tr("Headers"), headers_);
  layout->addLayout(form);
  summary_ = new QLabel(tr("Type a URL to see which route the gateway picks for it, and why."));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(summary_);
  results_ = new QTreeWidget;
  results_->setColumnCount(5);
  results_->setHeaderLabels({tr("Route"), tr("Position"), tr("Verdict"), tr("Matches on"), tr("Why")});
  results_->setRootIsDecorated(true);
  results_->setAlternatingRowColors(true);
  results_->header()->setStretchLastSection(true);
  layout->addWidget(results_, 1);
  connect(ask_, &QPushButton::clicked, this, &ExplainView::explain);
  connect(url_, &QLineEdit::returnPressed, this, &ExplainView::explain);
  connect(results_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    while (item->parent()) item = item->parent();
    const QString id = item->data(0, Qt::UserRole).toString();
    if (!id.isEmpty()) emit openRoute(id);
  });
}

void ExplainView::setTransport(admin_client::Transport* transport) {
  transport_ = transport;
  ++generation_;
  results_->clear();
}

QString ExplainView::summary() const { return summary_->text(); }

nlohmann::json ExplainView::headersFrom(const QString& text) {
  nlohmann::json out = nlohmann::json::object();
  for (const QString& pair : text.split(';', Qt::SkipEmptyParts)) {
    const qsizetype colon = pair.indexOf(':');
    if (colon <= 0) continue;
    const QString name = pair.left(colon).trimmed();
    if (!name.isEmpty()) out[name.toStdString()] = pair.mid(colon + 1).trimmed().toStdString();
  }
  return out;
}

void ExplainView::explainRequest(const QString& method, const QString& url, const QString& headers) {
  method_->setCurrentText(method);
  url_->setText(url);
  headers_->setText(headers);
  explain();
}

void ExplainView::explain() {
  if (!transport_) {
    summary_->setText(tr("Not connected."));
    return;
  }
  QString url = url_->text().trimmed();
  if (url.isEmpty()) {
    summary_->setText(tr("Type a URL first, e.g. %1").arg(url_->placeholderText()));
    return;
  }
  if (!url.contains("://")) url = (url.startsWith('/') ? "http://localhost" : "http://") + url;
  const nlohmann::json body{{"method", method_->currentText().trimmed().toUpper().toStdString()},
                            {"url", url.toStdString()},
                            {"headers", headersFrom(headers_->text())},
                            {"nearest", 8}};
  const quint64 generation = ++generation_;
  summary_->setText(tr("Asking the gateway…"));
  transport_->send({"POST", "/sluice/router/explain", body.dump(), "application/json"},
                   [this, generation](const admin_client::Response& r) {
                     if (generation != generation_) return;
                     const auto answer = nlohmann::json::parse(r.body, nullptr, false);
                     if (!r.ok() || !answer.is_object()) {
                       results_->clear();
                       summary_->setText(QString::fromStdString(admin_client::errorFrom(r).summary()));
                       emit explained();
                       return;
                     }
                     show(answer);
                     emit explained();
                   });
}

void ExplainView::show(const nlohmann::json& answer) {
  results_->clear();
  const auto& route = answer.value("route", nlohmann::json());
  const auto& outcome = answer.value("answer", nlohmann::json::object());
  QString what = jsonText(outcome, "outcome");
  if (!what.isEmpty()) what[0] = what[0].toUpper();
  const int routes = answer.value("routes", 0);
  if (route.is_object()) {
    const auto& service = route.value("service", nlohmann::json());
    const QString serviceName = service.is_object() ? (jsonText(service, "name").isEmpty() ? jsonText(service, "id") : jsonText(service, "name")) : QString();
    summary_->setText(tr("Route “%1” takes it — position %2 of %3 in Kong's order. %4%5")
                          .arg(routeLabel(route))
                          .arg(route.value("position", 0))
                          .arg(routes)
                          .arg(what)
                          .arg(serviceName.isEmpty() ? QString() : tr(" (service “%1”)").arg(serviceName)));
  } else {
    summary_->setText(tr("No route takes it: the proxy answers 404. The nearest of %n route(s) and what each is missing:", "", routes));
  }
  const auto addRoute = [&](const nlohmann::json& r, const QString& verdict, const QColor& colour, const QString& why) {
    auto* item = new QTreeWidgetItem(results_, {routeLabel(r), QString::number(r.value("position", 0)), verdict, fieldsOf(r), why});
    item->setData(0, Qt::UserRole, jsonText(r, "id"));
    item->setForeground(2, colour);
    item->setToolTip(0, jsonText(r, "id"));
    item->setToolTip(4, why);
    return item;
  };
  if (route.is_object()) {
    auto* chosen = addRoute(route, tr("Chosen"), kChosen, what);
    QFont bold = chosen->font(0);
    bold.setBold(true);
    for (int c = 0; c < 5; ++c) chosen->setFont(c, bold);
  }
  for (const auto& r : answer.value("also_matching", nlohmann::json::array()))
    addRoute(r, tr("Matches, comes later"), kLater, jsonText(r, "behind_because"));
  for (const auto& r : answer.value("nearest", nlohmann::json::array())) {
    const auto& failed = r.value("failed", nlohmann::json::array());
    QStringList rules;
    for (const auto& f : failed) rules << jsonText(f, "rule");
    const QString verdict = r.value("ahead_of_chosen", false) ? tr("Tried first, fails") : tr("Does not match");
    auto* item = addRoute(r, verdict, kFailed, tr("fails on %1").arg(rules.join(", ")));
    // One child row per failing rule, the rule highlighted.
    for (const auto& f : failed) {
      auto* rule = new QTreeWidgetItem(item, {QString(), QString(), jsonText(f, "rule"), QString(), jsonText(f, "detail")});
      rule->setForeground(2, kFailed);
      rule->setBackground(2, QColor(192, 57, 43, 40));
      rule->setToolTip(4, jsonText(f, "detail"));
    }
    item->setExpanded(true);
  }
  for (int c = 0; c < 4; ++c) results_->resizeColumnToContents(c);
}

}  // namespace sluice::manager
