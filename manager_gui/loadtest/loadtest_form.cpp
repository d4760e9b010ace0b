#include "loadtest/loadtest_form.h"

#include "admin_client/api_error.h"
#include "api/proxy_address.h"
#include "core/url_encoding.h"
#include "loadgen/consumer_credential.h"
#include "loadgen/route_request.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>

#include <tuple>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSpinBox>

namespace sluice::manager {
namespace {

std::vector<std::pair<std::string, std::string>> headerLines(const QString& text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const QString& line : text.split('\n', Qt::SkipEmptyParts)) {
    const int colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.emplace_back(line.left(colon).trimmed().toStdString(), line.mid(colon + 1).trimmed().toStdString());
  }
  return out;
}

QStringList thresholdList(const QString& text) {
  QStringList out;
  for (const QString& t : text.split(',', Qt::SkipEmptyParts))
    if (!t.trimmed().isEmpty()) out << t.trimmed();
  return out;
}

}  // namespace

LoadtestForm::LoadtestForm(QWidget* parent) : QWidget(parent) {
  where_ = new QComboBox;
  where_->addItem(tr("This computer"));
  where_->addItem(tr("The gateway host"));
  route_ = new QComboBox;
  route_->setEditable(true);  // the list holds the first thousand routes; any other may be typed
  route_->setInsertPolicy(QComboBox::NoInsert);
  route_->addItem(tr("— a URL (this computer only) —"), QString());
  path_ = new QLineEdit;
  path_->setPlaceholderText(tr("the route's first path"));
  url_ = new QLineEdit;
  url_->setPlaceholderText("http://127.0.0.1:8000/orders");
  method_ = new QComboBox;
  method_->addItems({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"});
  headers_ = new QPlainTextEdit;
  headers_->setPlaceholderText(tr("Name: value, one per line"));
  headers_->setMaximumHeight(60);
  body_ = new QPlainTextEdit;
  body_->setMaximumHeight(60);
  connections_ = new QSpinBox;
  connections_->setRange(1, 10000);
  connections_->setValue(10);
  threads_ = new QSpinBox;
  threads_->setRange(1, 16);
  rate_ = new QDoubleSpinBox;
  rate_->setRange(0, 10'000'000);
  rate_->setDecimals(0);
  rate_->setSpecialValueText(tr("as fast as possible"));
  rate_->setSuffix(tr(" req/s"));
  stages_ = new QLineEdit;
  stages_->setPlaceholderText(tr("e.g. 10s:50,30s:50,10s:0 (connections, or /s for rates)"));
  duration_ = new QLineEdit("10s");
  requests_ = new QSpinBox;
  requests_->setRange(0, 1'000'000'000);
  requests_->setSpecialValueText(tr("no limit"));
  timeout_ = new QLineEdit("2s");
  think_ = new QLineEdit;
  think_->setPlaceholderText(tr("none; e.g. 500ms, or 1s-3s for a pause drawn between the two"));
  think_->setToolTip(tr("Closed loop (no rate): each connection pauses this long after an answer before its next request"));
  consumer_ = new QComboBox;
  consumer_->addItem(tr("(none)"), QString());
  thresholds_ = new QLineEdit;
  thresholds_->setPlaceholderText("p99<50ms, errors<1%");

  auto* form = new QFormLayout(this);
  form->addRow(tr("Run from"), where_);
  form->addRow(tr("Route"), route_);
  form->addRow(tr("Path"), path_);
  form->addRow(tr("URL"), url_);
  form->addRow(tr("Method"), method_);
  form->addRow(tr("Headers"), headers_);
  form->addRow(tr("Body"), body_);
  form->addRow(tr("Connections"), connections_);
  form->addRow(tr("Threads"), threads_);
  form->addRow(tr("Rate"), rate_);
  form->addRow(tr("Stages"), stages_);
  form->addRow(tr("Duration"), duration_);
  form->addRow(tr("Requests"), requests_);
  form->addRow(tr("Timeout"), timeout_);
  form->addRow(tr("Think time"), think_);
  form->addRow(tr("As consumer"), consumer_);
  form->addRow(tr("Thresholds"), thresholds_);

  // A capacity search: open-loop steps of rising rate until a limit is missed.
  capacity_ = new QGroupBox(tr("Find the capacity (rate steps)"));
  capacity_->setCheckable(true);
  capacity_->setChecked(false);
  capacity_->setToolTip(tr("Steps of rising rate until p99, errors or throughput miss their limit; the result is the knee: "
                           "the highest rate that met them all. Rate, stages and duration are the search's to set."));
  const auto rateBox = [this](double value) {
    auto* box = new QDoubleSpinBox;
    box->setRange(0, 10'000'000);
    box->setDecimals(0);
    box->setSuffix(tr(" req/s"));
    box->setValue(value);
    return box;
  };
  startRate_ = rateBox(100);
  rateStep_ = rateBox(100);
  maxRate_ = rateBox(0);
  maxRate_->setSpecialValueText(tr("no limit"));
  stepDuration_ = new QLineEdit("10s");
  maxSteps_ = new QSpinBox;
  maxSteps_->setRange(1, 1000);
  maxSteps_->setValue(30);
  p99Limit_ = new QLineEdit;
  p99Limit_->setPlaceholderText(tr("none; e.g. 50ms"));
  errorLimit_ = new QDoubleSpinBox;
  errorLimit_->setRange(0, 100);
  errorLimit_->setDecimals(2);
  errorLimit_->setSuffix(" %");
  errorLimit_->setValue(1);
  auto* search = new QFormLayout(capacity_);
  search->addRow(tr("Start rate"), startRate_);
  search->addRow(tr("Step"), rateStep_);
  search->addRow(tr("Step duration"), stepDuration_);
  search->addRow(tr("Highest rate"), maxRate_);
  search->addRow(tr("Most steps"), maxSteps_);
  search->addRow(tr("p99 limit"), p99Limit_);
  search->addRow(tr("Error limit"), errorLimit_);
  form->addRow(capacity_);
  connect(capacity_, &QGroupBox::toggled, this, [this](bool on) {
    for (QWidget* w : std::initializer_list<QWidget*>{rate_, stages_, duration_, requests_, thresholds_, think_}) w->setEnabled(!on);
  });

  const auto refresh = [this] {
    const bool byUrl = routeId().isEmpty();
    path_->setEnabled(!byUrl);
    url_->setEnabled(byUrl);
    if (const nlohmann::json* picked = pickedRoute()) {
      path_->setText(QString::fromStdString(loadgen::routePath(*picked)));
      method_->setCurrentText(QString::fromStdString(loadgen::routeMethod(*picked)));
    }
  };
  connect(route_, &QComboBox::currentIndexChanged, this, refresh);
  connect(route_, &QComboBox::editTextChanged, this, refresh);
  refresh();
}

void LoadtestForm::setGateway(admin_client::Transport* transport, const QString& adminHost, const QString& proxyListen) {
  if (transport == transport_ && adminHost == adminHost_ && proxyListen == proxyListen_) return;  // every status poll
  transport_ = transport;
  adminHost_ = adminHost;
  proxyListen_ = proxyListen;
  listsLoaded_ = false;
  if (isVisible()) loadLists();
}

void LoadtestForm::showEvent(QShowEvent* event) {
  // Only when the tab is first shown: a gateway with thousands of routes costs nothing before.
  if (!listsLoaded_) loadLists();
  QWidget::showEvent(event);
}

void LoadtestForm::loadLists() {
  if (!transport_) return;
  listsLoaded_ = true;
  QPointer<LoadtestForm> self(this);
  transport_->send({"GET", "/routes?size=1000", "", "application/json"}, [self](const admin_client::Response& r) {
    if (!self || !r.ok()) return;
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    const QString keep = self->routeId();
    self->routes_.clear();
    while (self->route_->count() > 1) self->route_->removeItem(1);
    for (const auto& route : j.value("data", nlohmann::json::array())) {
      self->routes_.push_back(route);
      const std::string name = route.contains("name") && route["name"].is_string() ? route["name"].get<std::string>() : route.value("id", "");
      self->route_->addItem(QString::fromStdString(name), QString::fromStdString(route.value("id", "")));
    }
    if (!keep.isEmpty()) self->selectRoute(keep);
    emit self->routesLoaded();
  });
  transport_->send({"GET", "/consumers?size=1000", "", "application/json"}, [self](const admin_client::Response& r) {
    if (!self || !r.ok()) return;
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    while (self->consumer_->count() > 1) self->consumer_->removeItem(1);
    for (const auto& c : j.value("data", nlohmann::json::array()))
      if (c.contains("username") && c["username"].is_string())
        self->consumer_->addItem(QString::fromStdString(c["username"].get<std::string>()), QString::fromStdString(c.value("id", "")));
  });
}

bool LoadtestForm::onGatewayHost() const { return where_->currentIndex() == 1; }
const nlohmann::json* LoadtestForm::pickedRoute() const {
  const int i = route_->currentIndex();
  if (i < 1 || route_->itemText(i) != route_->currentText() || static_cast<size_t>(i - 1) >= routes_.size()) return nullptr;
  return &routes_[static_cast<size_t>(i - 1)];
}

QString LoadtestForm::routeId() const {
  if (const nlohmann::json* r = pickedRoute()) return QString::fromStdString(r->value("id", ""));
  const QString typed = route_->currentText().trimmed();
  return typed == route_->itemText(0) ? QString() : typed;  // a name or id typed in
}
int LoadtestForm::routeCount() const { return static_cast<int>(routes_.size()); }

QString LoadtestForm::proxyBase() const { return proxyBaseUrl(adminHost_, proxyListen_); }

std::optional<nlohmann::json> LoadtestForm::gatewayRequest(QString& error) const {
  if (routeId().isEmpty()) {
    error = tr("From the gateway host, a load test targets one of its routes: pick one.");
    return std::nullopt;
  }
  nlohmann::json b = {{"route", routeId().toStdString()}, {"method", method_->currentText().toStdString()},
                      {"connections", connections_->value()}, {"threads", threads_->value()},
                      {"duration", duration_->text().trimmed().toStdString()}, {"timeout", timeout_->text().trimmed().toStdString()}};
  if (!path_->text().trimmed().isEmpty()) b["path"] = path_->text().trimmed().toStdString();
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : headerLines(headers_->toPlainText())) headers[name] = value;
  if (!headers.empty()) b["headers"] = headers;
  if (!body_->toPlainText().isEmpty()) b["body"] = body_->toPlainText().toStdString();
  if (rate_->value() > 0) b["rate"] = rate_->value();
  if (!stages_->text().trimmed().isEmpty()) b["stages"] = stages_->text().trimmed().toStdString();
  if (!think_->text().trimmed().isEmpty()) b["think_time"] = think_->text().trimmed().toStdString();
  if (findsCapacity()) {
    const auto search = capacitySearch(error);
    if (!search) return std::nullopt;
    nlohmann::json c{{"start_rate", search->startRate}, {"step", search->step},
                     {"step_duration", search->stepSeconds}, {"max_steps", search->maxSteps},
                     {"error_limit", search->errorLimit}};
    if (search->maxRate > 0) c["max_rate"] = search->maxRate;
    if (search->p99LimitMs > 0) c["p99_limit"] = search->p99LimitMs / 1000.0;  // seconds
    b["capacity"] = c;
    for (const char* k : {"rate", "stages", "think_time", "requests", "thresholds"}) b.erase(k);
  }
  if (requests_->value() > 0) b["requests"] = requests_->value();
  if (!consumer_->currentData().toString().isEmpty()) b["consumer"] = consumer_->currentText().toStdString();
  nlohmann::json thresholds = nlohmann::json::array();
  for (const QString& t : thresholdList(thresholds_->text())) thresholds.push_back(t.toStdString());
  if (!thresholds.empty()) b["thresholds"] = thresholds;
  return b;
}

std::optional<loadgen::LoadPlan> LoadtestForm::localPlan(const std::optional<std::pair<std::string, std::string>>& credential,
                                                         QString& error) const {
  const QString path = path_->text().trimmed().isEmpty() ? QString("/") : path_->text().trimmed();
  const QString url = routeId().isEmpty() ? url_->text().trimmed() : proxyBase() + path;
  std::string problem;
  const auto parsed = loadgen::parseUrl(url.toStdString(), problem);
  if (!parsed) {
    error = QString::fromStdString(problem);
    return std::nullopt;
  }
  loadgen::LoadPlan plan;
  plan.target = parsed->first;
  loadgen::RequestTemplate request;
  request.method = method_->currentText().toStdString();
  request.path = parsed->second;
  request.headers = headerLines(headers_->toPlainText());
  if (const nlohmann::json* picked = pickedRoute()) {  // the route's own host, unless one was typed
    bool typed = false;
    for (const auto& [name, value] : request.headers) typed = typed || QString::fromStdString(name).compare("host", Qt::CaseInsensitive) == 0;
    if (const std::string host = loadgen::routeHost(*picked); !typed && !host.empty()) request.headers.emplace_back("Host", host);
  }
  if (credential) request.headers.push_back(*credential);
  request.body = body_->toPlainText().toStdString();
  plan.requests.push_back(std::move(request));
  plan.connections = connections_->value();
  plan.threads = std::min(threads_->value(), plan.connections);
  plan.rate = rate_->value();
  plan.maxRequests = static_cast<uint64_t>(requests_->value());
  const auto duration = loadgen::parseDuration(duration_->text().toStdString());
  const auto timeout = loadgen::parseDuration(timeout_->text().toStdString());
  if (!duration || *duration <= 0) {
    error = tr("Duration: a time such as 30s or 2m.");
    return std::nullopt;
  }
  if (!timeout || *timeout <= 0) {
    error = tr("Timeout: a time such as 2s.");
    return std::nullopt;
  }
  plan.durationSeconds = *duration;
  plan.timeoutSeconds = plan.connectTimeoutSeconds = *timeout;
  if (const QString think = think_->text().trimmed(); !think.isEmpty()) {
    const auto range = loadgen::parseThinkTime(think.toStdString());
    if (!range) {
      error = tr("Think time: a time such as 500ms, or a range such as 1s-3s.");
      return std::nullopt;
    }
    std::tie(plan.thinkSeconds, plan.thinkMaxSeconds) = *range;
  }
  if (!stages_->text().trimmed().isEmpty()) {
    bool rateStages = plan.rate > 0;
    const auto stages = loadgen::parseStages(stages_->text().trimmed().toStdString(), rateStages, problem);
    if (!stages) {
      error = QString::fromStdString(problem);
      return std::nullopt;
    }
    plan.stages = *stages;
    plan.rateStages = rateStages;
  }
  for (const QString& t : thresholdList(thresholds_->text())) plan.thresholds.push_back(t.toStdString());
  if (const auto problems = loadgen::validate(plan); !problems.empty()) {
    error = QString::fromStdString(problems.front());
    return std::nullopt;
  }
  return plan;
}

void LoadtestForm::resolveCredential(std::function<void(std::optional<std::pair<std::string, std::string>>, QString)> done) const {
  const QString consumer = consumer_->currentData().toString();
  if (consumer.isEmpty() || !transport_) {
    done(std::nullopt, {});
    return;
  }
  // The consumer's key-auth and jwt credentials and the gateway's plugins, then the same choice
  // the gateway makes for its own load tests (loadgen/consumer_credential.h).
  struct Gathered {
    loadgen::ConsumerCredentials credentials;
    std::vector<nlohmann::json> plugins;
    nlohmann::json route = nlohmann::json::object();
    int left = 3;
  };
  auto gathered = std::make_shared<Gathered>();
  if (const nlohmann::json* picked = pickedRoute()) gathered->route = *picked;
  const auto finish = [gathered, done] {
    if (--gathered->left > 0) return;
    const int64_t now = QDateTime::currentSecsSinceEpoch();
    auto header = loadgen::credentialHeader(gathered->credentials, gathered->plugins, gathered->route, now, 24 * 3600);
    if (!header) done(std::nullopt, QString::fromStdString(header.error().message));
    else done(*header, {});
  };
  const auto rows = [](const admin_client::Response& r) {
    std::vector<nlohmann::json> out;
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    if (r.ok() && j.is_object())
      for (const auto& row : j.value("data", nlohmann::json::array())) out.push_back(row);
    return out;
  };
  const std::string base = "/consumers/" + consumer.toStdString();
  transport_->send({"GET", base + "/key-auth", "", "application/json"}, [gathered, finish, rows](const admin_client::Response& r) {
    gathered->credentials.keyAuths = rows(r);
    finish();
  });
  transport_->send({"GET", base + "/jwt", "", "application/json"}, [gathered, finish, rows](const admin_client::Response& r) {
    gathered->credentials.jwts = rows(r);
    finish();
  });
  transport_->send({"GET", "/plugins?size=1000", "", "application/json"}, [gathered, finish, rows](const admin_client::Response& r) {
    gathered->plugins = rows(r);
    finish();
  });
}

bool LoadtestForm::findsCapacity() const { return capacity_->isChecked(); }

std::optional<loadgen::CapacitySearch> LoadtestForm::capacitySearch(QString& error) const {
  loadgen::CapacitySearch search;
  search.startRate = startRate_->value();
  search.step = rateStep_->value();
  search.maxRate = maxRate_->value();
  search.maxSteps = maxSteps_->value();
  search.errorLimit = errorLimit_->value() / 100.0;
  const auto step = loadgen::parseDuration(stepDuration_->text().trimmed().toStdString());
  if (!step) {
    error = tr("Step duration: a time such as 10s.");
    return std::nullopt;
  }
  search.stepSeconds = *step;
  if (const QString p99 = p99Limit_->text().trimmed(); !p99.isEmpty()) {
    const auto limit = loadgen::parseDuration(p99.toStdString());
    if (!limit) {
      error = tr("p99 limit: a time such as 50ms.");
      return std::nullopt;
    }
    search.p99LimitMs = *limit * 1000.0;
  }
  if (const auto problems = loadgen::validate(search); !problems.empty()) {
    error = QString::fromStdString(problems.front());
    return std::nullopt;
  }
  return search;
}

QString LoadtestForm::describe() const {
  const QString target = routeId().isEmpty() ? url_->text().trimmed() : route_->currentText() + " " + path_->text().trimmed();
  if (findsCapacity())
    return QString("%1 %2 · %3 · %4").arg(method_->currentText(), target,
                                          tr("capacity search from %1 req/s by %2").arg(startRate_->value()).arg(rateStep_->value()),
                                          onGatewayHost() ? tr("from the gateway host") : tr("from this computer"));
  QString load = rate_->value() > 0 ? tr("%1 req/s").arg(rate_->value()) : tr("%n connection(s)", "", connections_->value());
  if (!stages_->text().trimmed().isEmpty()) load += " " + stages_->text().trimmed();
  return QString("%1 %2 · %3 · %4").arg(method_->currentText(), target, load, onGatewayHost() ? tr("from the gateway host") : tr("from this computer"));
}

void LoadtestForm::setWhere(bool gatewayHost) { where_->setCurrentIndex(gatewayHost ? 1 : 0); }

void LoadtestForm::selectRoute(const QString& nameOrId) {
  for (int i = 1; i < route_->count(); ++i)
    if (route_->itemData(i).toString() == nameOrId || route_->itemText(i) == nameOrId) {
      route_->setCurrentIndex(i);
      return;
    }
  route_->setEditText(nameOrId);  // not listed (yet): kept as typed, picked once the list has it
}

void LoadtestForm::setUrl(const QString& url) {
  route_->setCurrentIndex(0);
  route_->setEditText(route_->itemText(0));
  url_->setText(url);
}

void LoadtestForm::setLoad(int connections, double rate, const QString& duration, int requests) {
  connections_->setValue(connections);
  rate_->setValue(rate);
  duration_->setText(duration);
  requests_->setValue(requests);
}

void LoadtestForm::setStages(const QString& stages) { stages_->setText(stages); }
void LoadtestForm::setThresholds(const QString& thresholds) { thresholds_->setText(thresholds); }
void LoadtestForm::setThinkTime(const QString& think) { think_->setText(think); }

void LoadtestForm::setCapacity(bool on, double startRate, double step, const QString& stepDuration, int maxSteps,
                               const QString& p99Limit) {
  capacity_->setChecked(on);
  startRate_->setValue(startRate);
  rateStep_->setValue(step);
  stepDuration_->setText(stepDuration);
  maxSteps_->setValue(maxSteps);
  p99Limit_->setText(p99Limit);
}

void LoadtestForm::setConsumer(const QString& username) {
  const int i = consumer_->findText(username);
  if (i >= 0) consumer_->setCurrentIndex(i);
}

}  // namespace sluice::manager
