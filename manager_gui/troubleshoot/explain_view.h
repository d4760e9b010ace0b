#pragma once
// "Why this route?": a request typed as a URL (or taken from a trace) is put to the gateway's live
// router (POST /sluice/router/explain) and the answer is shown as a ranked list: the chosen route
// and what the proxy does with it, the routes that also match and why they come later in Kong's
// order, and the nearest routes that do not match, each failing rule highlighted.
#include "admin_client/transport.h"

#include <QWidget>

#include <nlohmann/json.hpp>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace sluice::manager {

class ExplainView : public QWidget {
  Q_OBJECT

 public:
  explicit ExplainView(QWidget* parent = nullptr);
  void setTransport(admin_client::Transport* transport);
  // Fills the form and asks at once (a trace row: its method, scheme, host and path).
  void explainRequest(const QString& method, const QString& url, const QString& headers = {});
  QTreeWidget* results() const { return results_; }
  QString summary() const;
  // "Name: value; Other: value" into a JSON object (empty names skipped).
  static nlohmann::json headersFrom(const QString& text);

 public slots:
  void explain();

 signals:
  void explained();
  void openRoute(const QString& routeId);

 private:
  void show(const nlohmann::json& answer);

  admin_client::Transport* transport_ = nullptr;
  QComboBox* method_;
  QLineEdit* url_;
  QLineEdit* headers_;
  QPushButton* ask_;
  QLabel* summary_;
  QTreeWidget* results_;
  quint64 generation_ = 0;
};

}  // namespace sluice::manager
