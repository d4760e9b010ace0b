#pragma once
// What an empty gateway shows instead of empty tables: a service (a name and the URL of an API)
// and a route (a path) in one step, then a request through the new route, with its answer shown —
// so that a first-time user sees the gateway proxy something before learning its entities.
#include "admin_client/transport.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;

namespace sluice::manager {

class FirstRunPanel : public QWidget {
  Q_OBJECT

 public:
  explicit FirstRunPanel(QWidget* parent = nullptr);
  void setGateway(admin_client::Transport* transport, const QString& proxyBase);
  QLineEdit* serviceName() const { return name_; }
  QLineEdit* upstreamUrl() const { return url_; }
  QLineEdit* routePath() const { return path_; }
  QPushButton* createButton() const { return create_; }
  QString answer() const;
  QString progress() const;

 public slots:
  void createAndTry();

 signals:
  // The service and route exist and a request went through (or the user skipped).
  void finished(const QString& serviceName);
  void skipped();
  // The request's answer is shown (or why there is none).
  void tried();

 private:
  void fail(const QString& why);
  void sendThrough(const QString& url, int attemptsLeft);

  admin_client::Transport* transport_ = nullptr;
  QString proxyBase_;
  QNetworkAccessManager* network_;
  QLineEdit* name_;
  QLineEdit* url_;
  QLineEdit* path_;
  QPushButton* create_;
  QPushButton* done_;
  QLabel* progress_;
  QPlainTextEdit* answer_;
};

}  // namespace sluice::manager
