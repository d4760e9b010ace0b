// Kong 2.8's Admin API semantics that Kong's clients and users' scripts rely on, checked as they
// write them (kong/api/*, kong/db/dao/init.lua and kong/api/arguments.lua at tag 2.8.4): foreign
// keys given by name, form values, bodiless requests, Kong's refusals of plugins Sluice lacks,
// the deprecated plugin schema endpoint and the DB-less rate-limiting schema.
#include "sluice_process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

using namespace sluice::test;

namespace {

// Sends one request on a connection kept open and returns the answer's status once its head and
// Content-Length bytes are in (0 when that takes longer than `ms`).
int keepAliveStatus(quint16 port, const QByteArray& request, int ms) {
  QTcpSocket socket;
  socket.connectToHost("127.0.0.1", port);
  if (!socket.waitForConnected(ms)) return 0;
  socket.write(request);
  QElapsedTimer timer;
  timer.start();
  QByteArray data;
  while (timer.elapsed() < ms) {
    const int end = data.indexOf("\r\n\r\n");
    if (end >= 0) {
      const auto length = QRegularExpression("(?i)\r\ncontent-length: *(\\d+)").match(data.left(end));
      if (length.hasMatch() && data.size() - end - 4 >= length.captured(1).toInt()) return data.mid(9, 3).toInt();
    }
    if (socket.waitForReadyRead(static_cast<int>(ms - timer.elapsed()))) data += socket.readAll();
  }
  return 0;
}

}  // namespace

class TestKongAdminCompat : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  HttpClient api_{0};

  QJsonObject create(const QByteArray& path, const QJsonObject& body) { return api_.create(path, body); }
  HttpResponse form(const QByteArray& method, const QByteArray& path, const QByteArray& body) {
    return api_.request(method, path, body, {{"Content-Type", "application/x-www-form-urlencoded"}});
  }

 private slots:
  void initTestCase() {
    QVERIFY(sluice_.start());
    api_ = sluice_.admin();
    create("/services", {{"name", "orders"}, {"host", "orders.internal"}});
    create("/consumers", {{"username", "ann"}, {"custom_id", "ann-7"}});
  }
  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void pluginsRunInKongsPriorityOrder() {
    // PRIORITY of each bundled plugin's handler.lua at Kong 2.8.4, the order a Kong user's
    // plugins run in within a phase.
    const QList<QPair<int, QString>> kong{{100000, "zipkin"},     {2500, "bot-detection"},  {2000, "cors"},           {1900, "session"},        {1005, "jwt"},
                                          {1004, "oauth2"},         {1003, "key-auth"},       {1002, "ldap-auth"},      {1001, "basic-auth"},     {1000, "hmac-auth"},      {990, "ip-restriction"},
                                          {951, "request-size-limiting"}, {950, "acl"},      {901, "rate-limiting"},
                                          {900, "response-ratelimiting"},
                                          {801, "request-transformer"},   {800, "response-transformer"},
                                          {100, "proxy-cache"},     {13, "prometheus"},       {12, "http-log"},
                                          {11, "statsd"},           {10, "datadog"},
                                          {9, "file-log"},          {8, "udp-log"},           {7, "tcp-log"},
                                          {6, "loggly"},            {4, "syslog"},            {2, "request-termination"},
                                          {1, "correlation-id"}};
    QByteArray out;
    QCOMPARE(sluice_.run({"plugins"}, &out), 0);
    QStringList lines = QString::fromUtf8(out).split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == kong.size() + 1 && lines.takeFirst().startsWith("PRIORITY"), out.constData());
    for (int i = 0; i < kong.size(); ++i) {
      const QStringList cells = lines[i].simplified().split(' ');
      QVERIFY2(cells.size() >= 3, qPrintable(lines[i]));
      QCOMPARE(cells[0].toInt(), kong[i].first);
      QCOMPARE(cells[1], kong[i].second);
    }
    QVERIFY2(lines[6].contains("access") && lines[18].contains("log"), out.constData());  // key-auth, prometheus
  }

  void foreignKeysByName() {
    const QString orders = api_.get("/services/orders").json()["id"].toString();
    // JSON: {"service": {"name": ...}}, as Kong's docs and decK write it.
    auto route = create("/routes", {{"name", "by-name"}, {"paths", QJsonArray{"/by-name"}}, {"service", QJsonObject{{"name", "orders"}}}});
    QCOMPARE(route["service"].toObject()["id"].toString(), orders);
    // A form: service.name=orders.
    auto r = form("POST", "/routes", "name=by-form&paths[]=/by-form&service.name=orders");
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["service"].toObject()["id"].toString(), orders);
    // A consumer by username or custom_id, for a plugin.
    r = api_.sendJson("POST", "/plugins", {{"name", "rate-limiting"}, {"consumer", QJsonObject{{"username", "ann"}}}, {"config", QJsonObject{{"minute", 5}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["consumer"].toObject()["id"].toString(), api_.get("/consumers/ann").json()["id"].toString());
    QCOMPARE(api_.del("/plugins/" + r.json()["id"].toString().toUtf8()).status, 204);
    r = api_.sendJson("POST", "/plugins", {{"name", "acl"}, {"consumer", QJsonObject{{"custom_id", "ann-7"}}}, {"config", QJsonObject{{"allow", QJsonArray{"a"}}}}});
    QCOMPARE(r.status, 400);  // acl cannot be applied to a consumer: the key resolved, the scope refused
    QCOMPARE(r.json()["fields"].toObject()["consumer"].toString(), QString("value must be null"));
    // PATCH and PUT resolve too.
    r = api_.sendJson("PATCH", "/routes/by-name", {{"service", QJsonObject{{"name", "orders"}}}});
    QCOMPARE(r.status, 200);
    r = api_.sendJson("PUT", "/routes/by-put", {{"paths", QJsonArray{"/by-put"}}, {"service", QJsonObject{{"name", "orders"}}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["service"].toObject()["id"].toString(), orders);
  }

  void unresolvedForeignKeyIsKongsCode13() {
    const auto r = api_.sendJson("PATCH", "/routes/by-name", {{"service", QJsonObject{{"name", "nope"}}}});
    QCOMPARE(r.status, 400);
    const QJsonObject body = r.json();
    QCOMPARE(body["code"].toInt(), 13);
    QCOMPARE(body["name"].toString(), QString("foreign keys unresolved"));
    QCOMPARE(body["message"].toString(),
             QString("foreign key unresolved (service.name: the foreign key cannot be resolved with '{name=\"nope\"}' for an "
                     "existing 'services' entity)"));
    QCOMPARE(body["fields"].toObject()["service"].toObject()["name"].toString(),
             QString("the foreign key cannot be resolved with '{name=\"nope\"}' for an existing 'services' entity"));
    // As Kong's DAO: a field tried first that names nothing leaves the key unresolved, even when a
    // later one (custom_id after username) would have found the consumer.
    const auto both = api_.sendJson("POST", "/plugins", {{"name", "rate-limiting"},
                                                          {"consumer", QJsonObject{{"username", "nobody-here"}, {"custom_id", "ann-7"}}},
                                                          {"config", QJsonObject{{"minute", 5}}}});
    QCOMPARE(both.status, 400);
    QCOMPARE(both.json()["code"].toInt(), 13);
    QVERIFY(both.json()["fields"].toObject()["consumer"].toObject().contains("username"));
    // Nothing changed.
    QCOMPARE(api_.get("/routes/by-name").json()["service"].toObject()["id"].toString(), api_.get("/services/orders").json()["id"].toString());
  }

  void corsTakesAnAsterisk() {
    auto r = api_.sendJson("POST", "/plugins", {{"name", "cors"}, {"config", QJsonObject{{"origins", QJsonArray{"*"}}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(api_.del("/plugins/" + r.json()["id"].toString().toUtf8()).status, 204);
    r = api_.sendJson("POST", "/plugins", {{"name", "cors"}, {"config", QJsonObject{{"origins", QJsonArray{"*", "https://app.example.com", "https://.*\\.example\\.org"}}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(api_.del("/plugins/" + r.json()["id"].toString().toUtf8()).status, 204);
    r = api_.sendJson("POST", "/plugins", {{"name", "cors"}, {"config", QJsonObject{{"origins", QJsonArray{"https://(unclosed"}}}}});
    QCOMPARE(r.status, 400);  // still a regex that does not compile
  }

  // A request with neither Content-Length nor Transfer-Encoding has no body: answered at once.
  void bodilessRequestsAreAnsweredAtOnce() {
    create("/upstreams", {{"name", "pool.internal"}});
    create("/upstreams/pool.internal/targets", {{"target", "127.0.0.1:9"}});
    const QList<QByteArray> requests{
        "OPTIONS /services HTTP/1.1\r\nHost: admin\r\nOrigin: http://ui.example\r\nAccess-Control-Request-Method: POST\r\n\r\n",
        "POST /upstreams/pool.internal/targets/127.0.0.1:9/unhealthy HTTP/1.1\r\nHost: admin\r\n\r\n",
        "PATCH /services/orders HTTP/1.1\r\nHost: admin\r\n\r\n",
    };
    for (const QByteArray& request : requests) {
      const int status = keepAliveStatus(sluice_.adminPort(), request, 5000);
      QVERIFY2(status >= 200 && status < 300, qPrintable(QString("%1 for %2").arg(status).arg(QString(request.left(48)))));
    }
  }

  // Kong's forms: an empty value is null, a plugin's config is read with its own schema (also on
  // PATCH, where the body names no plugin), and strings need at least one character.
  void formValues() {
    auto r = form("POST", "/services", "name=formy&host=formy.internal&path=&retries=3");
    QCOMPARE(r.status, 201);
    QVERIFY(r.json()["path"].isNull());
    QCOMPARE(r.json()["retries"].toInt(), 3);
    r = api_.sendJson("POST", "/services", {{"name", "empty-path"}, {"host", "e.internal"}, {"path", ""}});
    QCOMPARE(r.status, 400);  // JSON keeps the empty string, which a Kong string refuses
    QCOMPARE(r.json()["fields"].toObject()["path"].toString(), QString("length must be at least 1"));
    const QString id = create("/plugins", {{"name", "rate-limiting"}, {"service", QJsonObject{{"name", "formy"}}}, {"config", QJsonObject{{"minute", 10}}}})["id"].toString();
    r = form("PATCH", "/plugins/" + id.toUtf8(), "config.minute=20");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["config"].toObject()["minute"].toDouble(), 20.0);
    QCOMPARE(r.json()["config"].toObject()["policy"].toString(), QString("cluster"));
  }

  // curl -F name=... -F host=...: multipart bodies wherever forms are taken.
  void multipartBodies() {
    const QByteArray body = "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nmultipart\r\n"
                            "--XyZ\r\nContent-Disposition: form-data; name=\"host\"\r\n\r\nmp.internal\r\n"
                            "--XyZ\r\nContent-Disposition: form-data; name=\"retries\"\r\n\r\n2\r\n--XyZ--\r\n";
    const auto r = api_.request("POST", "/services", body, {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["host"].toString(), QString("mp.internal"));
    QCOMPARE(r.json()["retries"].toInt(), 2);
    QCOMPARE(api_.request("POST", "/services", "garbage", {{"Content-Type", "multipart/form-data; boundary=XyZ"}}).status, 400);
  }

  // Kong 2.8 still takes the deprecated names and stores them under the new ones.
  void legacyAllowAndDenyNames() {
    auto r = api_.sendJson("POST", "/plugins", {{"name", "ip-restriction"}, {"config", QJsonObject{{"whitelist", QJsonArray{"10.0.0.0/8"}}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["config"].toObject()["allow"].toArray(), (QJsonArray{"10.0.0.0/8"}));
    QVERIFY(!r.json()["config"].toObject().contains("whitelist"));
    QCOMPARE(api_.del("/plugins/" + r.json()["id"].toString().toUtf8()).status, 204);
    r = api_.sendJson("POST", "/plugins", {{"name", "bot-detection"}, {"config", QJsonObject{{"blacklist", QJsonArray{"curl"}}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["config"].toObject()["deny"].toArray(), (QJsonArray{"curl"}));
    QCOMPARE(api_.del("/plugins/" + r.json()["id"].toString().toUtf8()).status, 204);
    r = api_.sendJson("POST", "/plugins", {{"name", "acl"}, {"config", QJsonObject{{"whitelist", QJsonArray{"staff"}}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["config"].toObject()["allow"].toArray(), (QJsonArray{"staff"}));
    QCOMPARE(api_.del("/plugins/" + r.json()["id"].toString().toUtf8()).status, 204);
    r = api_.sendJson("POST", "/plugins", {{"name", "ip-restriction"}, {"config", QJsonObject{{"whitelist", QJsonArray{"not-an-ip"}}}}});
    QCOMPARE(r.status, 400);  // checked as the field it stands for
  }

  void pluginsSluiceLacksAreRefusedWithTheReason() {
    struct Case {
      const char* name;
      const char* says;
    };
    for (const Case& c : {Case{"grpc-gateway", "gRPC services Sluice proxies"}, Case{"grpc-web", "gRPC services Sluice proxies"},
                          Case{"pre-function", "runs Lua code"}, Case{"aws-lambda", "service on the internet"}}) {
      const auto r = api_.sendJson("POST", "/plugins", {{"name", c.name}});
      QCOMPARE(r.status, 400);
      const QString message = r.json()["fields"].toObject()["name"].toString();
      QVERIFY2(message.contains(c.name) && message.contains(c.says), qPrintable(message));
    }
    const auto r = api_.sendJson("POST", "/plugins", {{"name", "no-such-plugin"}});
    QCOMPARE(r.json()["fields"].toObject()["name"].toString(),
             QString("plugin 'no-such-plugin' not enabled; add it to the 'plugins' configuration property"));
  }

  void pluginSchemaEndpoints() {
    auto r = api_.get("/plugins/schema/key-auth");  // deprecated in 2.8, still answered: the config record
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["type"].toString(), QString("record"));
    QVERIFY(r.json()["fields"].isArray());
    r = api_.get("/schemas/plugins");  // the plugins entity itself
    QCOMPARE(r.status, 200);
    bool hasConfig = false;
    for (const auto& f : r.json()["fields"].toArray()) hasConfig = hasConfig || f.toObject().contains("config");
    QVERIFY(hasConfig);
    QCOMPARE(api_.get("/schemas/plugins/no-such").status, 404);
  }

  // kong/api/routes/upstreams.lua: POST of an existing target updates it, /targets/all, and health
  // set for one address of a target.
  void targetsAsKongAnswersThem() {
    create("/upstreams", {{"name", "kept.internal"}});
    auto r = api_.sendJson("POST", "/upstreams/kept.internal/targets", {{"target", "127.0.0.1:9001"}, {"weight", 10}});
    QCOMPARE(r.status, 201);
    const QString id = r.json()["id"].toString();
    r = api_.sendJson("POST", "/upstreams/kept.internal/targets", {{"target", "127.0.0.1:9001"}, {"weight", 30}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Deprecation"), QByteArray("true"));
    QCOMPARE(r.json()["id"].toString(), id);
    QCOMPARE(r.json()["weight"].toInt(), 30);
    r = api_.get("/upstreams/kept.internal/targets/all");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["data"].toArray().size(), 1);
    QCOMPARE(r.json()["data"].toArray().first().toObject()["weight"].toInt(), 30);
    // One of the target's addresses; an address it does not have is refused.
    int status = 0;
    for (int i = 0; i < 50 && status != 204; ++i) {  // the snapshot with the target is built asynchronously
      status = api_.request("POST", "/upstreams/kept.internal/targets/127.0.0.1:9001/127.0.0.1:9001/unhealthy").status;
      if (status != 204) QTest::qWait(50);
    }
    QCOMPARE(status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(api_.get("/upstreams/kept.internal/health").json()["data"].toArray().first().toObject()["health"].toString(),
                              QString("UNHEALTHY"), 5000);
    QCOMPARE(api_.request("POST", "/upstreams/kept.internal/targets/127.0.0.1:9001/10.9.9.9:1/healthy").status, 400);
  }

  // kong/api/endpoints.lua's foreign entity endpoint: /routes/{r}/service.
  void aRoutesServiceThroughTheRoute() {
    create("/routes", {{"name", "orphan"}, {"paths", QJsonArray{"/orphan"}}});
    QCOMPARE(api_.get("/routes/orphan/service").status, 404);
    QCOMPARE(api_.sendJson("PATCH", "/routes/orphan/service", {{"retries", 2}}).status, 404);
    auto r = api_.sendJson("PUT", "/routes/orphan/service", {{"name", "adopted"}, {"host", "adopted.internal"}});
    QCOMPARE(r.status, 200);  // created and linked
    const QString service = r.json()["id"].toString();
    QCOMPARE(api_.get("/routes/orphan").json()["service"].toObject()["id"].toString(), service);
    r = api_.sendJson("PATCH", "/routes/orphan/service", {{"retries", 2}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["retries"].toInt(), 2);
    QCOMPARE(api_.get("/services/adopted").json()["retries"].toInt(), 2);
    r = api_.sendJson("PUT", "/routes/orphan/service", {{"name", "adopted"}, {"host", "moved.internal"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["id"].toString(), service);
    QCOMPARE(r.json()["host"].toString(), QString("moved.internal"));
    QCOMPARE(api_.del("/routes/orphan/service").status, 405);
  }

  void kongsOtherEndpoints() {
    const QJsonArray endpoints = api_.get("/endpoints").json()["data"].toArray();
    for (const char* path : {"/services/{services}/routes/{routes}", "/routes/{routes}/service", "/plugins/schema/{name}",
                             "/upstreams/{upstreams}/targets/all", "/proxy-cache/{cache_key}", "/consumers/{consumers}/key-auth"})
      QVERIFY2(endpoints.contains(QString(path)), path);
    QCOMPARE(endpoints.first().toString(), QString("/"));
    QCOMPARE(api_.get("/cache/some-key").status, 404);
    QCOMPARE(api_.del("/cache/some-key").status, 204);
    QCOMPARE(api_.del("/cache").status, 204);
    const auto r = api_.get("/clustering/status");
    QCOMPARE(r.status, 400);
    QVERIFY(r.json()["message"].toString().contains("Control Plane"));
    QCOMPARE(api_.del("/proxy-cache").status, 204);
    QCOMPARE(api_.get("/proxy-cache/0123456789abcdef0123456789abcdef").status, 404);
  }

  // Kong 2.8's codes and texts (kong/db/errors.lua, kong/api/endpoints.lua).
  void kongsErrors() {
    auto r = api_.get("/plugins/not-a-uuid");  // plugins have no other key
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["code"].toInt(), 1);
    QCOMPARE(r.json()["name"].toString(), QString("invalid primary key"));
    QCOMPARE(r.json()["fields"].toObject()["id"].toString(), QString("expected a valid UUID"));
    const QString id = create("/consumers", {{"username", "dup-pk"}})["id"].toString();
    r = api_.sendJson("POST", "/consumers", {{"id", id}, {"username", "dup-pk-2"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["code"].toInt(), 3);
    QCOMPARE(r.json()["message"].toString(), QString("primary key violation on key '{id=\"%1\"}'").arg(id));
    r = api_.get("/consumers?tags=a,b/c");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["code"].toInt(), 11);
    QCOMPARE(r.json()["message"].toString(), QString("invalid option (tags: invalid filter syntax)"));
    r = api_.get("/consumers?tags=a,b,c,d,e,f");
    QCOMPARE(r.json()["code"].toInt(), 11);
    QCOMPARE(r.json()["fields"].toObject()["tags"].toString(), QString("cannot query more than 5 tags"));
    QCOMPARE(api_.get("/consumers?tags=a,b,c,d,e").status, 200);
    r = api_.get("/consumers?size=ten");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["code"].toInt(), 9);
    QCOMPARE(r.json()["message"].toString(), QString("size must be a number"));
    QCOMPARE(api_.get("/consumers?size=0").json()["message"].toString(), QString("size must be an integer between 1 and 1000"));
    r = api_.request("POST", "/consumers", "{\"username\": ", {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["message"].toString(), QString("Cannot parse JSON body"));
    // A next link carries the offset (and the tags), not the size.
    for (int i = 0; i < 3; ++i) create("/consumers", {{"username", QString("paged-%1").arg(i)}, {"tags", QJsonArray{"paged"}}});
    r = api_.get("/consumers?size=2&tags=paged");
    QCOMPARE(r.json()["next"].toString(), "/consumers?offset=" + r.json()["offset"].toString() + "&tags=paged");
  }

  // Without a database Kong 2.8's rate-limiting has no cluster policy and counts locally by default.
  void databaselessRateLimitingSchema() {
    SluiceProcess dbless;
    dbless.setEnv("DATABASE", "off");
    QVERIFY(dbless.start());
    const QJsonObject config = dbless.admin().get("/plugins/schema/rate-limiting").json();
    for (const auto& f : config["fields"].toArray()) {
      const QJsonObject field = f.toObject();
      if (!field.contains("policy")) continue;
      QCOMPARE(field["policy"].toObject()["default"].toString(), QString("local"));
      QCOMPARE(field["policy"].toObject()["one_of"].toArray(), (QJsonArray{"local", "redis"}));
    }
    const QByteArray yaml = "_format_version: \"2.1\"\nplugins:\n- name: rate-limiting\n  config:\n    minute: 5\n";
    const auto r = dbless.admin().request("POST", "/config", yaml, {{"Content-Type", "application/x-yaml"}});
    QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
    const QJsonArray plugins = dbless.admin().get("/plugins").json()["data"].toArray();
    QCOMPARE(plugins.size(), 1);
    QCOMPARE(plugins.first().toObject()["config"].toObject()["policy"].toString(), QString("local"));
    QVERIFY(dbless.stop());
  }
};

QTEST_GUILESS_MAIN(TestKongAdminCompat)
#include "test_kong_admin_compat.moc"
