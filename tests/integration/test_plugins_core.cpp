// The plugin chain through a real sluice and a real upstream: scopes and Kong's precedence,
// key-auth and request-termination behaviour, invalid configurations refused with field errors.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestPluginsCore : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  UpstreamProcess second_;
  HttpClient admin_{0}, proxy_{0};
  QString routeId_, serviceId_;
  QMap<QString, QString> consumerIds_, credentialIds_;

  QJsonObject create(const QByteArray& path, const QJsonObject& body) { return bed_.create(path, body); }
  QString addPlugin(const QJsonObject& body) { return bed_.addPlugin(body); }
  HttpResponse until(int expected, const QByteArray& path, const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
    return bed_.until(expected, path, headers);
  }
  static QJsonObject upstreamHeaders(const HttpResponse& r) { return PluginTestBed::upstreamHeaders(r); }

 private slots:
  void initTestCase() {
    QVERIFY(second_.start());
    QVERIFY(bed_.start());
    admin_ = bed_.admin();
    proxy_ = bed_.proxy();
    serviceId_ = bed_.serviceId();
    routeId_ = bed_.routeId();
    for (const auto& [name, custom] : {std::pair{"alice", "a-1"}, std::pair{"bob", ""}, std::pair{"guest", ""}}) {
      QJsonObject c{{"username", name}};
      if (*custom) c["custom_id"] = custom;
      consumerIds_[name] = create("/consumers", c)["id"].toString();
      if (QString(name) != "guest")
        credentialIds_[name] = create(QByteArray("/consumers/") + name + "/key-auth", {{"key", QString(name) + "-key"}})["id"].toString();
    }
  }

  // Every case starts on a data plane with no plugin left from the one before.
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void keyAuthRejectsMissingAndUnknownKeys() {
    addPlugin({{"name", "key-auth"}, {"route", QJsonObject{{"id", routeId_}}}});
    auto r = until(401, "/");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("No API key found in request"));
    QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Key realm=\"sluice\""));
    r = proxy_.request("GET", "/", {}, {{"apikey", "nobody-key"}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("Invalid authentication credentials"));
    r = proxy_.request("GET", "/", {}, {{"apikey", "alice-key"}, {"apikey", "bob-key"}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("Duplicate API key found"));
  }

  void keyAuthTellsTheUpstreamWhoCalls() {
    addPlugin({{"name", "key-auth"}, {"service", QJsonObject{{"id", serviceId_}}}});
    QCOMPARE(until(401, "/").status, 401);
    auto r = proxy_.request("GET", "/", {}, {{"apikey", "alice-key"}, {"X-Consumer-ID", "forged"}});
    QCOMPARE(r.status, 200);
    auto h = upstreamHeaders(r);
    QCOMPARE(h["x-consumer-id"].toString(), consumerIds_["alice"]);
    QCOMPARE(h["x-consumer-username"].toString(), QString("alice"));
    QCOMPARE(h["x-consumer-custom-id"].toString(), QString("a-1"));
    QCOMPARE(h["x-credential-identifier"].toString(), credentialIds_["alice"]);
    QCOMPARE(h["apikey"].toString(), QString("alice-key"));  // hide_credentials is off
    QVERIFY(!h.contains("x-anonymous-consumer"));
    r = proxy_.request("GET", "/?apikey=bob-key&x=1", {}, {{"X-Consumer-Custom-ID", "forged"}});
    QCOMPARE(r.status, 200);
    h = upstreamHeaders(r);
    QCOMPARE(h["x-consumer-username"].toString(), QString("bob"));
    QVERIFY(!h.contains("x-consumer-custom-id"));  // bob has none: the forged one is cleared
    QCOMPARE(r.json()["uri"].toString(), QString("/?apikey=bob-key&x=1"));
  }

  void keyAuthHidesCredentials() {
    addPlugin({{"name", "key-auth"}, {"config", QJsonObject{{"hide_credentials", true}, {"key_names", QJsonArray{"apikey", "token"}}}}});
    QCOMPARE(until(401, "/").status, 401);
    auto r = proxy_.request("GET", "/", {}, {{"token", "alice-key"}, {"Other", "kept"}});
    QCOMPARE(r.status, 200);
    QVERIFY(!upstreamHeaders(r).contains("token"));
    QCOMPARE(upstreamHeaders(r)["other"].toString(), QString("kept"));
    r = proxy_.request("GET", "/path?a=1&apikey=bob-key&b=2");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["uri"].toString(), QString("/path?a=1&b=2"));
  }

  void keyAuthReadsKeysInBodies() {
    addPlugin({{"name", "key-auth"}, {"config", QJsonObject{{"key_in_body", true}, {"hide_credentials", true}}}});
    QCOMPARE(until(401, "/").status, 401);
    const QList<QPair<QByteArray, QByteArray>> json{{"Content-Type", "application/json"}};
    HttpResponse r = proxy_.request("POST", "/in-body", R"({"apikey":"alice-key","data":1})", json);
    QCOMPARE(r.status, 200);
    QCOMPARE(upstreamHeaders(r)["x-consumer-username"].toString(), QString("alice"));
    QCOMPARE(r.json()["body"].toString(), QString(R"({"data":1})"));  // hidden from the upstream
    r = proxy_.request("POST", "/in-form", "a=1&apikey=bob-key", {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(upstreamHeaders(r)["x-consumer-username"].toString(), QString("bob"));
    QCOMPARE(r.json()["body"].toString(), QString("a=1"));
    r = proxy_.request("POST", "/twice", R"({"apikey":["alice-key","bob-key"]})", json);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("Duplicate API key found"));
    r = proxy_.request("POST", "/wrong", R"({"apikey":"nobody"})", json);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("Invalid authentication credentials"));
    // A header key is still found first; a text body is not searched.
    r = proxy_.request("POST", "/header", R"({"x":1})", {{"Content-Type", "application/json"}, {"apikey", "bob-key"}});
    QCOMPARE(upstreamHeaders(r)["x-consumer-username"].toString(), QString("bob"));
    QCOMPARE(proxy_.request("POST", "/text", "apikey=alice-key", {{"Content-Type", "text/plain"}}).status, 401);
  }

  void keyAuthFallsBackToTheAnonymousConsumer() {
    addPlugin({{"name", "key-auth"}, {"config", QJsonObject{{"anonymous", consumerIds_["guest"]}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(upstreamHeaders(r = proxy_.get("/")).contains("x-consumer-username"), 5000);
    QCOMPARE(r.status, 200);
    QCOMPARE(upstreamHeaders(r)["x-consumer-username"].toString(), QString("guest"));
    QCOMPARE(upstreamHeaders(r)["x-anonymous-consumer"].toString(), QString("true"));
    r = proxy_.request("GET", "/", {}, {{"apikey", "alice-key"}, {"X-Anonymous-Consumer", "true"}});
    QCOMPARE(upstreamHeaders(r)["x-consumer-username"].toString(), QString("alice"));
    QVERIFY(!upstreamHeaders(r).contains("x-anonymous-consumer"));
  }

  // consumer > route > global, resolved after authentication named the consumer.
  void consumerScopedConfigurationWinsAfterAuthentication() {
    addPlugin({{"name", "key-auth"}});
    addPlugin({{"name", "request-termination"}, {"config", QJsonObject{{"status_code", 410}}}});
    addPlugin({{"name", "request-termination"}, {"route", QJsonObject{{"id", routeId_}}}, {"config", QJsonObject{{"status_code", 418}}}});
    addPlugin({{"name", "request-termination"},
               {"consumer", QJsonObject{{"id", consumerIds_["bob"]}}},
               {"config", QJsonObject{{"status_code", 403}, {"message", "bob is on a break"}}}});
    QCOMPARE(until(403, "/", {{"apikey", "bob-key"}}).json()["message"].toString(), QString("bob is on a break"));
    const auto alice = proxy_.request("GET", "/", {}, {{"apikey", "alice-key"}});
    QCOMPARE(alice.status, 418);
    QCOMPARE(alice.body, QByteArray("{}"));  // Kong has no default message for 418
    QCOMPARE(proxy_.get("/").status, 401);   // key-auth (priority 1003) runs before termination (2)
  }

  void requestTerminationBodiesTriggersAndEcho() {
    const QString id = addPlugin({{"name", "request-termination"},
                                  {"config", QJsonObject{{"status_code", 200}, {"body", "<h1>maintenance</h1>"}, {"content_type", "text/html"}, {"trigger", "x-maintenance"}}}});
    QVERIFY(!id.isEmpty());
    QTest::qWait(300);
    QCOMPARE(proxy_.get("/").json()["uri"].toString(), QString("/"));  // no trigger: proxied
    auto r = until(200, "/", {{"X-Maintenance", "1"}});
    QCOMPARE(r.body, QByteArray("<h1>maintenance</h1>"));
    QCOMPARE(r.header("Content-Type"), QByteArray("text/html"));
    QCOMPARE(proxy_.get("/?x-maintenance").body, QByteArray("<h1>maintenance</h1>"));

    QCOMPARE(admin_.sendJson("PATCH", "/plugins/" + id.toUtf8(), {{"config", QJsonObject{{"echo", true}, {"status_code", 503}, {"body", QJsonValue()}, {"content_type", QJsonValue()}, {"trigger", QJsonValue()}}}}).status, 200);
    r = until(503, "/some/path?q=1", {{"X-Probe", "yes"}});
    QCOMPARE(r.status, 503);
    const QJsonObject request = r.json()["request"].toObject();
    QCOMPARE(request["path"].toString(), QString("/some/path"));
    QCOMPARE(request["query"].toObject()["q"].toString(), QString("1"));
    QCOMPARE(request["headers"].toObject()["x-probe"].toString(), QString("yes"));
    QCOMPARE(r.json()["message"].toString(), QString("Service unavailable"));
  }

  // consistent-hashing with hash_on = consumer: the consumer key-auth found picks the target.
  void hashOnConsumerKeepsEachConsumerOnOneTarget() {
    create("/upstreams", {{"name", "ring"}, {"algorithm", "consistent-hashing"}, {"hash_on", "consumer"}});
    for (const quint16 port : {bed_.upstreamPort(), second_.port()})
      create("/upstreams/ring/targets", {{"target", QString("127.0.0.1:%1").arg(port)}});
    create("/services", {{"name", "ringed"}, {"host", "ring"}});
    const QString route = create("/services/ringed/routes", {{"paths", QJsonArray{"/ring"}}})["id"].toString();
    addPlugin({{"name", "key-auth"}, {"route", QJsonObject{{"id", route}}}});
    QCOMPARE(until(401, "/ring").status, 401);
    for (const char* who : {"alice-key", "bob-key"}) {
      QSet<int> ports;
      for (int i = 0; i < 12; ++i) {
        const auto r = proxy_.request("GET", "/ring", {}, {{"apikey", who}});
        QCOMPARE(r.status, 200);
        ports.insert(r.json()["server_port"].toInt());
      }
      QCOMPARE(ports.size(), 1);
    }
  }

  void disabledPluginsDoNotRun() {
    addPlugin({{"name", "request-termination"}, {"enabled", false}});
    QTest::qWait(300);
    QCOMPARE(proxy_.get("/").status, 200);
  }

  void invalidConfigurationsAreRefusedWithFieldErrors() {
    auto r = admin_.sendJson("POST", "/plugins", {{"name", "request-termination"}, {"config", QJsonObject{{"message", "m"}, {"body", "b"}}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["name"].toString(), QString("schema violation"));
    QVERIFY2(QJsonDocument(r.json()["fields"].toObject()).toJson().contains("message cannot be used with content_type or body"), r.body.constData());
    r = admin_.sendJson("POST", "/plugins", {{"name", "request-termination"}, {"config", QJsonObject{{"status_code", 700}}}});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json()["fields"].toObject()["config"].toObject().contains("status_code"), r.body.constData());
    r = admin_.sendJson("POST", "/plugins", {{"name", "key-auth"}, {"consumer", QJsonObject{{"id", consumerIds_["bob"]}}}});
    QCOMPARE(r.status, 400);  // an authentication plugin cannot be scoped to a consumer
  }
};

QTEST_GUILESS_MAIN(TestPluginsCore)
#include "test_plugins_core.moc"
