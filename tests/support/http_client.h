#pragma once
// A blocking HTTP/1.1 client for tests: one request per connection (Connection: close), raw bytes
// allowed, so that malformed requests can be sent as easily as good ones.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace sluice::test {

struct HttpResponse {
  int status = 0;  // 0: no response
  QList<QPair<QByteArray, QByteArray>> headers;
  QByteArray body;

  QByteArray header(const QByteArray& name) const;
  QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
  QJsonDocument document() const { return QJsonDocument::fromJson(body); }
};

class HttpClient {
 public:
  explicit HttpClient(quint16 port, QString host = "127.0.0.1") : host_(std::move(host)), port_(port) {}

  HttpResponse request(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                       const QList<QPair<QByteArray, QByteArray>>& headers = {}) const;
  HttpResponse get(const QByteArray& path) const { return request("GET", path); }
  HttpResponse del(const QByteArray& path) const { return request("DELETE", path); }
  HttpResponse sendJson(const QByteArray& method, const QByteArray& path, const QJsonObject& body) const;
  // POSTs JSON and returns the created entity (a warning when the answer is not 201).
  QJsonObject create(const QByteArray& path, const QJsonObject& body) const;
  // Sends bytes as they are and reads the response.
  HttpResponse raw(const QByteArray& bytes) const;

  void setAuthorization(QByteArray value) { authorization_ = std::move(value); }
  // Speaks TLS to the server (its certificate is not checked: test servers are self-signed).
  void setTls(bool tls) { tls_ = tls; }

 private:
  QString host_;
  quint16 port_;
  QByteArray authorization_;
  bool tls_ = false;
};

}  // namespace sluice::test
