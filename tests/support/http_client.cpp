#include "http_client.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <memory>

namespace sluice::test {

QByteArray HttpResponse::header(const QByteArray& name) const {
  for (const auto& [k, v] : headers)
    if (k.compare(name, Qt::CaseInsensitive) == 0) return v;
  return {};
}

HttpResponse HttpClient::request(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                                 const QList<QPair<QByteArray, QByteArray>>& headers) const {
  QByteArray bytes = method + " " + path + " HTTP/1.1\r\nHost: " + host_.toUtf8() + ":" + QByteArray::number(port_) +
                     "\r\nConnection: close\r\n";
  bool hasType = false;
  for (const auto& [k, v] : headers) {
    bytes += k + ": " + v + "\r\n";
    hasType = hasType || k.compare("Content-Type", Qt::CaseInsensitive) == 0;
  }
  if (!authorization_.isEmpty()) bytes += "Authorization: " + authorization_ + "\r\n";
  if (!body.isEmpty() && !hasType) bytes += "Content-Type: application/json\r\n";
  if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
  bytes += "\r\n" + body;
  return raw(bytes);
}

HttpResponse HttpClient::sendJson(const QByteArray& method, const QByteArray& path, const QJsonObject& body) const {
  return request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject HttpClient::create(const QByteArray& path, const QJsonObject& body) const {
  const HttpResponse r = sendJson("POST", path, body);
  if (r.status != 201) qWarning("POST %s -> %d %s", path.constData(), r.status, r.body.constData());
  return r.json();
}

HttpResponse HttpClient::raw(const QByteArray& bytes) const {
  HttpResponse response;
  std::unique_ptr<QTcpSocket> connection;
  if (tls_) {
    auto tls = std::make_unique<QSslSocket>();
    tls->setPeerVerifyMode(QSslSocket::VerifyNone);
    tls->connectToHostEncrypted(host_, port_);
    if (!tls->waitForEncrypted(5000)) return response;
    connection = std::move(tls);
  } else {
    connection = std::make_unique<QTcpSocket>();
    connection->connectToHost(host_, port_);
    if (!connection->waitForConnected(5000)) return response;
  }
  QTcpSocket& socket = *connection;
  socket.write(bytes);
  socket.waitForBytesWritten(5000);
  QByteArray data;
  while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000)) data += socket.readAll();
  data += socket.readAll();
  const int headerEnd = data.indexOf("\r\n\r\n");
  if (headerEnd < 0) return response;
  const QList<QByteArray> lines = data.left(headerEnd).split('\n');
  const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
  response.status = statusLine.value(1).toInt();
  for (int i = 1; i < lines.size(); ++i) {
    const int colon = lines[i].indexOf(':');
    if (colon > 0) response.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
  }
  response.body = data.mid(headerEnd + 4);
  if (response.header("Transfer-Encoding").toLower() == "chunked") {  // de-chunk
    QByteArray out, in = response.body;
    int at = 0;
    while (at < in.size()) {
      const int eol = in.indexOf("\r\n", at);
      if (eol < 0) break;
      const int size = in.mid(at, eol - at).toInt(nullptr, 16);
      if (size == 0) break;
      out += in.mid(eol + 2, size);
      at = eol + 2 + size + 2;
    }
    response.body = out;
  }
  return response;
}

}  // namespace sluice::test
