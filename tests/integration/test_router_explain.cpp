// POST /sluice/router/explain against a real gateway and upstream: for each request the route the
// explainer names is the route the proxy then serves it through (told apart by its service's path,
// which the upstream echoes), the routes that also match come with why they lose, a 404 lists the
// nearest routes with the rule each fails, and bad input is refused with Kong's error shape.
#include "sluice_process.h"
#include "upstream_process.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestRouterExplain : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;
  SluiceProcess sluice_;
  HttpClient admin_{0}, proxy_{0};

  QJsonObject explain(const QJsonObject& request) {
    const auto r = admin_.sendJson("POST", "/sluice/router/explain", request);
    if (r.status != 200) qWarning() << r.status << r.body;
    return r.json();
  }

  // The route the proxy served the request through: its service's path starts what the upstream saw.
  QString servedBy(const QByteArray& method, const QByteArray& host, const QByteArray& path) {
    const auto r = proxy_.raw(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    if (r.status != 200) return QString::number(r.status);
    const QString uri = r.json()["uri"].toString();
    return uri.section('/', 1, 1);  // "/by-host/orders/12" -> "by-host"
  }

  static QStringList names(const QJsonArray& routes) {
    QStringList out;
    for (const auto& r : routes) out << r.toObject()["name"].toString();
    return out;
  }

  static QStringList failedRules(const QJsonArray& nearest, const QString& name) {
    QStringList out;
    for (const auto& r : nearest)
      if (r.toObject()["name"].toString() == name)
        for (const auto& f : r.toObject()["failed"].toArray()) out << f.toObject()["rule"].toString();
    return out;
  }

  void addRoute(const QString& name, QJsonObject route) {
    const QString upstream = QString("http://127.0.0.1:%1/%2").arg(upstream_.port()).arg(name);
    QCOMPARE(admin_.sendJson("POST", "/services", {{"name", name}, {"url", upstream}}).status, 201);
    route["name"] = name;
    QCOMPARE(admin_.sendJson("POST", "/services/" + name.toUtf8() + "/routes", route).status, 201);
  }

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
    admin_ = sluice_.admin();
    proxy_ = sluice_.proxy();
    addRoute("by-host", {{"hosts", QJsonArray{"shop.test"}}, {"paths", QJsonArray{"/orders"}}, {"strip_path", false}});
    addRoute("by-regex", {{"paths", QJsonArray{"/orders/\\d+$"}}, {"methods", QJsonArray{"GET"}}, {"strip_path", false}});
    addRoute("plain", {{"paths", QJsonArray{"/orders"}}, {"strip_path", false}});
    addRoute("https-only", {{"paths", QJsonArray{"/pay"}}, {"protocols", QJsonArray{"https"}}});
    // Every route is in the live router (the explainer counts them) before the cases start.
    QTRY_COMPARE_WITH_TIMEOUT(explain({{"path", "/"}})["routes"].toInt(), 4, 5000);
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void theExplainedRouteIsTheOneThatServes_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("route");
    QTest::newRow("host and path beat path and method") << QByteArray("GET") << QByteArray("shop.test") << QByteArray("/orders/12") << "by-host";
    QTest::newRow("path and method beat path alone") << QByteArray("GET") << QByteArray("other.test") << QByteArray("/orders/12") << "by-regex";
    QTest::newRow("a method the regex route lacks") << QByteArray("POST") << QByteArray("other.test") << QByteArray("/orders/12") << "plain";
    QTest::newRow("the regex's end anchor") << QByteArray("GET") << QByteArray("other.test") << QByteArray("/orders/12/lines") << "plain";
  }
  void theExplainedRouteIsTheOneThatServes() {
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, path);
    QFETCH(QString, route);
    const auto answer = explain({{"method", QString(method)}, {"host", QString(host)}, {"path", QString(path)}});
    QCOMPARE(answer["route"].toObject()["name"].toString(), route);
    QCOMPARE(answer["answer"].toObject()["outcome"].toString(), QString("proxied to the service"));
    QCOMPARE(servedBy(method, host, path), route);
  }

  void theRoutesThatAlsoMatchSayWhyTheyLose() {
    const auto answer = explain({{"url", "http://shop.test/orders/12"}});
    QCOMPARE(answer["route"].toObject()["position"].toInt(), 1);
    QCOMPARE(answer["route"].toObject()["matches_on"].toArray(), (QJsonArray{"host", "path"}));
    const auto also = answer["also_matching"].toArray();
    QCOMPARE(names(also), (QStringList{"by-regex", "plain"}));
    QVERIFY2(also[0].toObject()["behind_because"].toString().contains("host, path"), qPrintable(also[0].toObject()["behind_because"].toString()));
    QVERIFY(also[1].toObject()["behind_because"].toString().contains("more fields"));
    // Elsewhere the regex route wins, and the host route is named with the rule it fails.
    const auto other = explain({{"url", "http://other.test/orders/12"}});
    QCOMPARE(other["route"].toObject()["name"].toString(), QString("by-regex"));
    QCOMPARE(failedRules(other["nearest"].toArray(), "by-host"), QStringList{"host"});
    QVERIFY(other["nearest"].toArray()[0].toObject()["ahead_of_chosen"].toBool());
  }

  void aMethodMissIsNamed() {
    const auto answer = explain({{"method", "DELETE"}, {"host", "other.test"}, {"path", "/orders/7"}});
    QCOMPARE(answer["route"].toObject()["name"].toString(), QString("plain"));
    QCOMPARE(failedRules(answer["nearest"].toArray(), "by-regex"), QStringList{"method"});
  }

  void aRequestNoRouteTakesGetsTheNearestRoutes() {
    const auto answer = explain({{"url", "http://shop.test/carts"}, {"nearest", 2}});
    QVERIFY(answer["route"].isNull());
    QCOMPARE(answer["answer"].toObject()["status"].toInt(), 404);
    const auto nearest = answer["nearest"].toArray();
    QCOMPARE(nearest.size(), 2);
    // Fewest failing rules first: the host route misses on its path alone.
    QCOMPARE(nearest[0].toObject()["name"].toString(), QString("by-host"));
    QCOMPARE(failedRules(nearest, "by-host"), QStringList{"path"});
    QVERIFY(nearest[0].toObject()["failed"].toArray()[0].toObject()["detail"].toString().contains("/orders"));
    QCOMPARE(servedBy("GET", "shop.test", "/carts"), QString("404"));
  }

  void aProtocolMissIsTheProxysAnswer() {
    const auto answer = explain({{"url", "http://any.test/pay"}});
    QCOMPARE(answer["route"].toObject()["name"].toString(), QString("https-only"));
    QCOMPARE(answer["answer"].toObject()["status"].toInt(), 426);
    QCOMPARE(servedBy("GET", "any.test", "/pay"), QString("426"));
    // Over TLS the route takes it.
    const auto tls = explain({{"url", "https://any.test/pay"}});
    QCOMPARE(tls["answer"].toObject()["outcome"].toString(), QString("proxied to the service"));
    QCOMPARE(tls["request"].toObject()["sni"].toString(), QString("any.test"));
  }

  void theLatestConfigurationAnswers() {
    addRoute("carts", {{"paths", QJsonArray{"/carts"}}, {"strip_path", false}});
    QTRY_COMPARE_WITH_TIMEOUT(explain({{"url", "http://shop.test/carts"}})["route"].toObject()["name"].toString(), QString("carts"), 5000);
    QCOMPARE(servedBy("GET", "shop.test", "/carts"), QString("carts"));
  }

  void badInputIsRefused() {
    const auto wrongScheme = admin_.sendJson("POST", "/sluice/router/explain", {{"scheme", "ftp"}, {"headers", QJsonArray{1}}});
    QCOMPARE(wrongScheme.status, 400);
    QCOMPARE(wrongScheme.json()["name"].toString(), QString("schema violation"));
    QVERIFY(wrongScheme.json()["fields"].toObject().contains("scheme"));
    QVERIFY(wrongScheme.json()["fields"].toObject().contains("headers"));
    QCOMPARE(admin_.sendJson("POST", "/sluice/router/explain", {{"path", "orders"}}).status, 400);
    const auto wrongUrl = admin_.sendJson("POST", "/sluice/router/explain", {{"url", "ftp://shop.test/orders"}});
    QCOMPARE(wrongUrl.status, 400);
    QVERIFY(wrongUrl.json()["fields"].toObject().contains("url"));
    QCOMPARE(admin_.sendJson("POST", "/sluice/router/explain", {{"nearest", 1000}}).status, 400);
    QCOMPARE(admin_.request("POST", "/sluice/router/explain", "{\"path\":", {{"Content-Type", "application/json"}}).status, 400);
    QCOMPARE(admin_.get("/sluice/router/explain").status, 405);
  }
};

QTEST_GUILESS_MAIN(TestRouterExplain)
#include "test_router_explain.moc"
