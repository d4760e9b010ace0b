#pragma once
// What a load test sends and how hard: where it runs (this computer or the gateway host), a route
// of the connected gateway (or, from this computer, any URL), method, headers, body, connections,
// threads, a rate or stages, duration, a request count, a timeout, a consumer whose key-auth key
// goes along, and thresholds. Routes (the first thousand; others typed by name or id) and
// consumers come from the Admin API when the form is first shown.
#include "admin_client/transport.h"
#include "loadgen/capacity_finder.h"
#include "loadgen/load_plan.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

class QGroupBox;

namespace sluice::manager {

class LoadtestForm : public QWidget {
  Q_OBJECT

 public:
  explicit LoadtestForm(QWidget* parent = nullptr);

  // Loads the gateway's routes and consumers; `proxyListen` (its proxy_listen) and the Admin
  // API's host make the proxy address local runs send to.
  void setGateway(admin_client::Transport* transport, const QString& adminHost, const QString& proxyListen);
  bool onGatewayHost() const;
  // The body of POST /sluice/loadtests, or an error to show.
  std::optional<nlohmann::json> gatewayRequest(QString& error) const;
  // A plan for this computer, or an error. `credential` is the consumer's header, when one was picked.
  std::optional<loadgen::LoadPlan> localPlan(const std::optional<std::pair<std::string, std::string>>& credential, QString& error) const;
  // The header that makes requests the picked consumer's on the route — a key-auth key or a signed
  // JWT, as the route's plugins ask (over the Admin API); nullopt and no error when no consumer.
  void resolveCredential(std::function<void(std::optional<std::pair<std::string, std::string>>, QString error)> done) const;
  // What the run was (for saved runs): target, method, connections, rate...
  QString describe() const;
  // "Find the capacity" is ticked: rate steps until a limit is missed, instead of one load.
  bool findsCapacity() const;
  // The search as typed; nullopt with `error` when a field is not understood.
  std::optional<loadgen::CapacitySearch> capacitySearch(QString& error) const;

  // For tests and for opening a route from elsewhere.
  void setWhere(bool gatewayHost);
  void selectRoute(const QString& nameOrId);
  void setUrl(const QString& url);
  void setLoad(int connections, double rate, const QString& duration, int requests = 0);
  void setStages(const QString& stages);
  void setThresholds(const QString& thresholds);
  void setThinkTime(const QString& think);
  // Ticks "Find the capacity" (or not) with its steps and limit.
  void setCapacity(bool on, double startRate = 100, double step = 100, const QString& stepDuration = "10s", int maxSteps = 30,
                   const QString& p99Limit = {});
  void setConsumer(const QString& username);
  int routeCount() const;

 signals:
  void routesLoaded();

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  const nlohmann::json* pickedRoute() const;
  void loadLists();
  QString routeId() const;
  QString proxyBase() const;

  admin_client::Transport* transport_ = nullptr;
  QString adminHost_, proxyListen_;
  QComboBox* where_;
  QComboBox* route_;
  QLineEdit* path_;
  QLineEdit* url_;
  QComboBox* method_;
  QPlainTextEdit* headers_;
  QPlainTextEdit* body_;
  QSpinBox* connections_;
  QSpinBox* threads_;
  QDoubleSpinBox* rate_;
  QLineEdit* stages_;
  QLineEdit* duration_;
  QSpinBox* requests_;
  QLineEdit* timeout_;
  QLineEdit* think_;
  QGroupBox* capacity_;
  QDoubleSpinBox* startRate_;
  QDoubleSpinBox* rateStep_;
  QLineEdit* stepDuration_;
  QDoubleSpinBox* maxRate_;
  QSpinBox* maxSteps_;
  QLineEdit* p99Limit_;
  QDoubleSpinBox* errorLimit_;
  QComboBox* consumer_;
  QLineEdit* thresholds_;
  std::vector<nlohmann::json> routes_;
  bool listsLoaded_ = false;
};

}  // namespace sluice::manager
