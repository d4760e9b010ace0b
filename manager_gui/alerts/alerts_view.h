#pragma once
// The gateway's alerts (GET /sluice/alerts, and each second's events on the live stream): what is
// firing now, with the rule, its subject, since when and the value against the threshold, and the
// history of firing and resolved events. The rules themselves are the sluice_alert_rules entity,
// edited in the Configuration tab ("Manage rules…").
#include "admin_client/transport.h"

#include <QWidget>

#include <nlohmann/json.hpp>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sluice::manager {

class AlertsView : public QWidget {
  Q_OBJECT

 public:
  explicit AlertsView(QWidget* parent = nullptr);
  void setTransport(admin_client::Transport* transport);
  QTableWidget* firing() const { return firing_; }
  QTableWidget* history() const { return history_; }
  QString summary() const;

 public slots:
  void refresh();
  // A live frame: its alert events join the history; a firing one is announced.
  void addFrame(const nlohmann::json& frame);

 signals:
  void refreshed();
  // A firing event arrived (for the tray and the status bar).
  void alertFired(const QString& rule, const QString& message);
  // How many alerts are firing, as of the last frame or refresh.
  void firingCount(int count);
  void manageRules();

 private:
  void showActive(const nlohmann::json& active);
  void addEvent(const nlohmann::json& event);

  admin_client::Transport* transport_ = nullptr;
  QLabel* summary_;
  QPushButton* refresh_;
  QPushButton* rules_;
  QTableWidget* firing_;
  QTableWidget* history_;
  uint64_t lastEvent_ = 0;
  quint64 generation_ = 0;
};

}  // namespace sluice::manager
