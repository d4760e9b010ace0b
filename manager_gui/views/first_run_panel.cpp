#include "views/first_run_panel.h"

#include "admin_client/api_error.h"
#include "core/url_encoding.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace sluice::manager {

FirstRunPanel::FirstRunPanel(QWidget* parent) : QWidget(parent), network_(new QNetworkAccessManager(this)) {
  auto* outer = new QVBoxLayout(this);
  outer->addStretch(1);
  auto* box = new QWidget;
  box->setMaximumWidth(760);
  auto* layout = new QVBoxLayout(box);
  auto* title = new QLabel(tr("<h2>This gateway has no services or routes yet</h2>"));
  auto* intro = new QLabel(tr("A <b>service</b> is an API the gateway sends requests to; a <b>route</b> says which requests go "
                              "to it. Create one of each and send a request through the gateway to see it work."));
  intro->setWordWrap(true);
  layout->addWidget(title);
  layout->addWidget(intro);
  auto* form = new QFormLayout;
  name_ = new QLineEdit("example-service");
  url_ = new QLineEdit;
  url_->setPlaceholderText(tr("http://127.0.0.1:8080 — the API behind the gateway"));
  path_ = new QLineEdit("/example");
  form->addRow(tr("1. Service name"), name_);
  form->addRow(tr("   Its URL"), url_);
  form->addRow(tr("2. Route path"), path_);
  layout->addLayout(form);
  auto* buttons = new QHBoxLayout;
  create_ = new QPushButton(tr("3. Create them and send a request"));
  create_->setDefault(true);
  done_ = new QPushButton(tr("Open the configuration"));
  done_->setEnabled(false);
  auto* skip = new QPushButton(tr("Skip"));
  buttons->addWidget(create_);
  buttons->addStretch(1);
  buttons->addWidget(done_);
  buttons->addWidget(skip);
  layout->addLayout(buttons);
  progress_ = new QLabel;
  progress_->setWordWrap(true);
  progress_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(progress_);
  answer_ = new QPlainTextEdit;
  answer_->setReadOnly(true);
  answer_->setPlaceholderText(tr("The answer through the new route appears here."));
  answer_->setMinimumHeight(180);
  layout->addWidget(answer_);
  auto* centre = new QHBoxLayout;
  centre->addStretch(1);
  centre->addWidget(box, 4);
  centre->addStretch(1);
  outer->addLayout(centre);
  outer->addStretch(2);
  connect(create_, &QPushButton::clicked, this, &FirstRunPanel::createAndTry);
  connect(skip, &QPushButton::clicked, this, &FirstRunPanel::skipped);
  connect(done_, &QPushButton::clicked, this, [this] { emit finished(name_->text().trimmed()); });
}

void FirstRunPanel::setGateway(admin_client::Transport* transport, const QString& proxyBase) {
  transport_ = transport;
  proxyBase_ = proxyBase;
}

QString FirstRunPanel::answer() const { return answer_->toPlainText(); }
QString FirstRunPanel::progress() const { return progress_->text(); }

void FirstRunPanel::fail(const QString& why) {
  progress_->setText(why);
  create_->setEnabled(true);
  emit tried();
}

void FirstRunPanel::createAndTry() {
  if (!transport_) return fail(tr("Not connected."));
  const QString name = name_->text().trimmed(), url = url_->text().trimmed();
  QString path = path_->text().trimmed();
  if (name.isEmpty() || url.isEmpty()) return fail(tr("The service needs a name and the URL of the API behind the gateway."));
  if (!path.startsWith('/')) path.prepend('/');
  create_->setEnabled(false);
  answer_->clear();
  progress_->setText(tr("Creating the service…"));
  const nlohmann::json service{{"name", name.toStdString()}, {"url", url.toStdString()}};
  transport_->send({"POST", "/services", service.dump(), "application/json"}, [this, name, path](const admin_client::Response& r) {
    if (!r.ok()) return fail(tr("The service was not created: %1").arg(QString::fromStdString(admin_client::errorFrom(r).summary())));
    progress_->setText(tr("Creating the route…"));
    const nlohmann::json route{{"name", (name + "-route").toStdString()}, {"paths", {path.toStdString()}}};
    transport_->send({"POST", "/services/" + core::percentEncode(name.toStdString()) + "/routes", route.dump(), "application/json"},
                     [this, path](const admin_client::Response& rr) {
                       if (!rr.ok())
                         return fail(tr("The route was not created: %1").arg(QString::fromStdString(admin_client::errorFrom(rr).summary())));
                       progress_->setText(tr("Sending a request through the gateway…"));
                       sendThrough(proxyBase_ + path, 20);
                     });
  });
}

void FirstRunPanel::sendThrough(const QString& url, int attemptsLeft) {
  QNetworkRequest request{QUrl(url)};
  request.setTransferTimeout(5000);
  QNetworkReply* reply = network_->get(request);
  connect(reply, &QNetworkReply::finished, this, [this, reply, url, attemptsLeft] {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // The new route serves once the gateway has applied it (milliseconds): until then, 404.
    if ((status == 404 || status == 0) && attemptsLeft > 1) {
      QTimer::singleShot(250, this, [this, url, attemptsLeft] { sendThrough(url, attemptsLeft - 1); });
      return;
    }
    if (status == 0) return fail(tr("The gateway's proxy did not answer at %1: %2").arg(url, reply->errorString()));
    QString text = QString("GET %1\n→ %2 %3\n").arg(url).arg(status).arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    for (const auto& [name, value] : reply->rawHeaderPairs()) text += QString::fromUtf8(name + ": " + value) + "\n";
    const QByteArray body = reply->readAll();
    text += "\n" + QString::fromUtf8(body.left(4000)) + (body.size() > 4000 ? "\n…" : "");
    answer_->setPlainText(text);
    progress_->setText(status < 400 ? tr("It works: the gateway sent the request to the service and passed its answer back.")
                                    : tr("The gateway answered %1: the route works, and this is what the service (or the gateway) said.").arg(status));
    done_->setEnabled(true);
    create_->setEnabled(true);
    emit tried();
  });
}

}  // namespace sluice::manager
