#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QTest>

namespace sluice::test {

bool PluginTestBed::start() {
  if (!upstream_.start() || !sluice_.start()) return false;
  admin_ = sluice_.admin();
  proxy_ = sluice_.proxy();
  serviceId_ = create("/services", {{"name", "echo"}, {"url", QString("http://127.0.0.1:%1").arg(upstream_.port())}})["id"].toString();
  routeId_ = create("/services/echo/routes", {{"name", "main"}, {"paths", QJsonArray{"/"}}})["id"].toString();
  return until(200, "/").status == 200;
}

QJsonObject PluginTestBed::create(const QByteArray& path, const QJsonObject& body) { return admin_.create(path, body); }

bool PluginTestBed::removePlugins() {
  for (const auto& p : admin_.get("/plugins?size=1000").json()["data"].toArray())
    admin_.del("/plugins/" + p.toObject()["id"].toString().toUtf8());
  for (int i = 0; i < 200; ++i) {
    const auto r = proxy_.get("/");
    if (r.status == 200 && !upstreamHeaders(r).contains("x-consumer-id") && r.header("RateLimit-Limit").isEmpty() &&
        r.header("Access-Control-Allow-Origin").isEmpty())
      return true;
    QTest::qWait(50);
  }
  return false;
}

HttpResponse PluginTestBed::until(int expected, const QByteArray& path, const QList<QPair<QByteArray, QByteArray>>& headers) {
  HttpResponse r;
  for (int i = 0; i < 100; ++i) {
    r = proxy_.request("GET", path, {}, headers);
    if (r.status == expected) break;
    QTest::qWait(50);
  }
  return r;
}

}  // namespace sluice::test
