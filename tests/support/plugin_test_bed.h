#pragma once
// A gateway for plugin tests: a real sluice in front of a real echo upstream, one service "echo"
// with a route "/" named "main", and helpers to add plugins and wait for the data plane to apply
// them (snapshots are rebuilt asynchronously after each Admin API write).
#include "http_client.h"
#include "sluice_process.h"
#include "upstream_process.h"

#include <QJsonObject>
#include <QString>

namespace sluice::test {

class PluginTestBed {
 public:
  bool start();
  HttpClient& admin() { return admin_; }
  HttpClient& proxy() { return proxy_; }
  SluiceProcess& sluice() { return sluice_; }
  quint16 upstreamPort() const { return upstream_.port(); }
  const QString& serviceId() const { return serviceId_; }
  const QString& routeId() const { return routeId_; }

  // POSTs and returns the created entity (a warning when the answer is not 201).
  QJsonObject create(const QByteArray& path, const QJsonObject& body);
  QString addPlugin(const QJsonObject& body) { return create("/plugins", body)["id"].toString(); }
  // Deletes every plugin and waits until "/" is proxied plainly again.
  bool removePlugins();
  // Repeats the request until its status is `expected` (5 s at most); returns the last answer.
  HttpResponse until(int expected, const QByteArray& path, const QList<QPair<QByteArray, QByteArray>>& headers = {});
  // The request headers the echo upstream received (lower-case names).
  static QJsonObject upstreamHeaders(const HttpResponse& r) { return r.json()["headers"].toObject(); }

 private:
  UpstreamProcess upstream_;
  SluiceProcess sluice_;
  HttpClient admin_{0}, proxy_{0};
  QString serviceId_, routeId_;
};

}  // namespace sluice::test
