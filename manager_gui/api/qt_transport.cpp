#include "api/qt_transport.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace sluice::manager {

QtTransport::QtTransport(TransportSettings settings) : settings_(std::move(settings)) {
  if (!settings_.caFile.isEmpty()) extraCas_ = QSslCertificate::fromPath(settings_.caFile, QSsl::Pem);
  network_.setTransferTimeout(settings_.timeoutMs);
}

void QtTransport::send(const admin_client::Request& request, std::function<void(const admin_client::Response&)> done) {
  QUrl url = settings_.baseUrl;
  const QString pathAndQuery = QString::fromStdString(request.path);
  const int q = pathAndQuery.indexOf('?');
  QString basePath = url.path();
  if (basePath.endsWith('/')) basePath.chop(1);
  url.setPath(basePath + (q < 0 ? pathAndQuery : pathAndQuery.left(q)), QUrl::TolerantMode);
  url.setQuery(q < 0 ? QString() : pathAndQuery.mid(q + 1), QUrl::TolerantMode);
  QNetworkRequest r(url);
  r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
  if (!settings_.token.isEmpty()) r.setRawHeader("Authorization", "Bearer " + settings_.token.toUtf8());
  if (!request.body.empty()) r.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromStdString(request.contentType));
  if (url.scheme() == "https") {
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!settings_.verifyTls) tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!extraCas_.isEmpty()) tls.addCaCertificates(extraCas_);
    r.setSslConfiguration(tls);
  }
  QNetworkReply* reply = network_.sendCustomRequest(r, QByteArray::fromStdString(request.method), QByteArray::fromStdString(request.body));
  QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
    admin_client::Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    response.body.assign(body.constData(), static_cast<size_t>(body.size()));
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString().toStdString();
    if (response.status == 0) response.networkError = reply->errorString().toStdString();
    reply->deleteLater();
    done(response);
  });
}

}  // namespace sluice::manager
