// The Admin API, black box: a real `sluice` process on SQLite, raw HTTP, Kong's shapes and errors.
#include "http_client.h"
#include "sluice_process.h"
#include "test_certificates.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

namespace {

QByteArray js(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

}  // namespace

class TestAdminApi : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  HttpClient api_{0};

  QJsonObject create(const QByteArray& path, const QJsonObject& body) { return api_.create(path, body); }

 private slots:
  void initTestCase() {
    QVERIFY(sluice_.start());
    api_ = sluice_.admin();
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void rootReportsKongVersionForClients() {
    const auto r = api_.get("/");
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    const auto root = r.json();
    QCOMPARE(root["version"].toString(), QString("2.8.1"));
    QVERIFY(!root["sluice_version"].toString().isEmpty());
    QVERIFY(root["plugins"].toObject()["available_on_server"].toObject().contains("key-auth"));
    QCOMPARE(root["configuration"].toObject()["database"].toString(), QString("sqlite"));
    QVERIFY(!root["node_id"].toString().isEmpty());
  }

  void rootAndStatusRefuseOtherMethods() {
    const auto r = api_.request("POST", "/");
    QCOMPARE(r.status, 405);
    QCOMPARE(r.json()["message"].toString(), QString("Method not allowed"));
  }

  void statusReportsTheDatabase() {
    const auto r = api_.get("/status");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["database"].toObject()["reachable"].toBool(), true);
    QVERIFY(r.json()["server"].toObject()["total_requests"].toInt() > 0);
  }

  void unknownPathsAre404() {
    const auto r = api_.get("/does-not-exist");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json(), QJsonObject({{"message", "Not found"}}));
    QCOMPARE(api_.get("/mtls-auths").status, 404);
    QCOMPARE(api_.get("/services/nope").status, 404);
  }

  void emptyCollectionsHaveKongsExactShape() {
    const auto r = api_.get("/ca_certificates");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"data":[],"next":null})"));
  }

  void servicesAndNestedRoutes() {
    const auto svc = create("/services", {{"name", "billing"}, {"url", "http://billing.internal:8080/v1"}});
    QCOMPARE(svc["port"].toInt(), 8080);
    QCOMPARE(svc["path"].toString(), QString("/v1"));
    QVERIFY(svc["tags"].isNull());
    const auto route = create("/services/billing/routes", {{"name", "billing-r"}, {"paths", QJsonArray{"/bill"}}});
    QCOMPARE(route["service"].toObject()["id"], svc["id"]);
    const auto list = api_.get("/services/billing/routes").json();
    QCOMPARE(list["data"].toArray().size(), 1);
    const auto back = api_.get("/routes/billing-r/service");
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json()["name"].toString(), QString("billing"));
  }

  void putUpsertsByIdAndByName() {
    const QByteArray id = "0b1e0d4c-6f38-4d5a-9d1a-3b4f1c2e8a77";
    auto r = api_.sendJson("PUT", "/services/" + id, {{"name", "upserted"}, {"host", "a.internal"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["id"].toString(), QString(id));
    r = api_.sendJson("PUT", "/services/" + id, {{"name", "upserted"}, {"host", "b.internal"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["host"].toString(), QString("b.internal"));
    QCOMPARE(r.json()["port"].toInt(), 80);  // full replacement: omitted fields back to defaults
    r = api_.sendJson("PUT", "/services/by-name", {{"host", "c.internal"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["name"].toString(), QString("by-name"));
    const auto again = api_.sendJson("PUT", "/services/by-name", {{"host", "d.internal"}});
    QCOMPARE(again.json()["id"], r.json()["id"]);
  }

  void patchMergesNestedRecords() {
    create("/upstreams", {{"name", "patched.internal"}});
    const auto r = api_.sendJson(
        "PATCH", "/upstreams/patched.internal",
        {{"healthchecks", QJsonObject{{"active", QJsonObject{{"healthy", QJsonObject{{"interval", 5}}}}}}}});
    QCOMPARE(r.status, 200);
    const auto healthy = r.json()["healthchecks"].toObject()["active"].toObject()["healthy"].toObject();
    QCOMPARE(healthy["interval"].toInt(), 5);
    QCOMPARE(healthy["http_statuses"].toArray(), QJsonArray({200, 302}));
    QCOMPARE(api_.sendJson("PATCH", "/upstreams/missing.internal", {{"slots", 100}}).status, 404);
  }

  void deleteAnswers204EvenForMissingEntities() {
    create("/consumers", {{"username", "gone"}});
    const auto r = api_.del("/consumers/gone");
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(api_.del("/consumers/gone").status, 204);
    QCOMPARE(api_.get("/consumers/gone").status, 404);
  }

  void paginationFollowsKong() {
    for (int i = 0; i < 3; ++i) create("/consumers", {{"username", QString("page-%1").arg(i)}, {"tags", QJsonArray{"paged"}}});
    QStringList seen;
    QByteArray path = "/consumers?size=1&tags=paged";
    int pages = 0;
    for (;;) {
      const auto r = api_.get(path).json();
      ++pages;
      for (const auto& c : r["data"].toArray()) seen << c.toObject()["username"].toString();
      if (!r.contains("offset")) {
        QVERIFY(r["next"].isNull());
        break;
      }
      QVERIFY(r["next"].toString().startsWith("/consumers?offset="));
      path = "/consumers?size=1&tags=paged&offset=" + r["offset"].toString().toUtf8();
      QVERIFY(pages < 10);
    }
    seen.sort();
    QCOMPARE(seen, QStringList({"page-0", "page-1", "page-2"}));
    QCOMPARE(api_.get("/consumers?size=0").status, 400);
    QCOMPARE(api_.get("/consumers?size=1001").status, 400);
    QCOMPARE(api_.get("/consumers?offset=garbage").status, 400);
    QCOMPARE(api_.get("/consumers?tags=a,b/c").status, 400);
  }

  void consumersFilterByCustomId() {
    create("/consumers", {{"custom_id", "ext-42"}});
    const auto r = api_.get("/consumers?custom_id=ext-42").json();
    QCOMPARE(r["data"].toArray().size(), 1);
    QCOMPARE(r["data"].toArray()[0].toObject()["custom_id"].toString(), QString("ext-42"));
  }

  void credentialsLiveUnderConsumers() {
    const auto alice = create("/consumers", {{"username", "alice"}});
    const auto key = create("/consumers/alice/key-auth", {});
    QCOMPARE(key["key"].toString().size(), 32);
    QCOMPARE(key["consumer"].toObject()["id"], alice["id"]);
    QCOMPARE(api_.get("/consumers/alice/key-auth/" + key["key"].toString().toUtf8()).status, 200);
    const auto basic = create("/consumers/alice/basic-auth", {{"username", "alice"}, {"password", "s3cret"}});
    QVERIFY(basic["password"].toString() != "s3cret");
    create("/consumers/alice/acls", {{"group", "admins"}});
    QCOMPARE(api_.get("/consumers/alice/acls/admins").status, 200);
    create("/consumers/alice/jwt", {});
    QCOMPARE(api_.get("/key-auths").json()["data"].toArray().size(), 1);
    QCOMPARE(api_.get("/jwts").json()["data"].toArray().size(), 1);
    QCOMPARE(api_.del("/consumers/alice").status, 204);
    for (const QByteArray path : {"/key-auths", "/basic-auths", "/acls", "/jwts"})
      QCOMPARE(api_.get(path).json()["data"].toArray().size(), 0);
  }

  void keyAuthTtlCountsDown() {
    create("/consumers", {{"username", "ttl-user"}});
    const auto key = create("/consumers/ttl-user/key-auth", {{"ttl", 3600}});
    QVERIFY(key["ttl"].toInt() <= 3600);
    QVERIFY(key["ttl"].toInt() > 3500);
  }

  void certificatesCarryTheirSnis() {
    const auto pem = selfSigned("a.example");
    QVERIFY(!pem.cert.isEmpty());
    const auto cert = create("/certificates", {{"cert", QString(pem.cert)},
                                               {"key", QString(pem.key)},
                                               {"snis", QJsonArray{"b.example", "a.example"}}});
    QCOMPARE(cert["snis"].toArray(), QJsonArray({"a.example", "b.example"}));
    QCOMPARE(api_.get("/certificates/a.example").json()["id"], cert["id"]);
    QCOMPARE(api_.get("/certificates/" + cert["id"].toString().toUtf8() + "/snis").json()["data"].toArray().size(), 2);
    QCOMPARE(api_.get("/snis/b.example").status, 200);
    // Another certificate may not take an SNI that is already served.
    const auto other = selfSigned("c.example");
    const auto clash = api_.sendJson("POST", "/certificates",
                                     {{"cert", QString(other.cert)}, {"key", QString(other.key)}, {"snis", QJsonArray{"a.example"}}});
    QCOMPARE(clash.status, 409);
    QCOMPARE(api_.del("/certificates/" + cert["id"].toString().toUtf8()).status, 204);
    QCOMPARE(api_.get("/snis").json()["data"].toArray().size(), 0);
  }

  void caCertificatesGetADigest() {
    const auto ca = certificateAuthority("Test CA");
    const auto r = create("/ca_certificates", {{"cert", QString(ca.cert)}});
    QCOMPARE(r["cert_digest"].toString().size(), 64);
    const auto leaf = selfSigned("leaf.example");
    QCOMPARE(api_.sendJson("POST", "/ca_certificates", {{"cert", QString(leaf.cert)}}).status, 400);
  }

  void targetsBelongToUpstreams() {
    create("/upstreams", {{"name", "pool.internal"}});
    const auto t = create("/upstreams/pool.internal/targets", {{"target", "10.0.0.1"}});
    QCOMPARE(t["target"].toString(), QString("10.0.0.1:8000"));
    QCOMPARE(t["weight"].toInt(), 100);
    QVERIFY(t["created_at"].toDouble() > 1.0e9);
    QCOMPARE(api_.sendJson("POST", "/upstreams/pool.internal/targets", {{"target", "10.0.0.1:8000"}}).status, 200);  // Kong 2.8: an update
    QCOMPARE(api_.get("/upstreams/pool.internal/targets").json()["data"].toArray().size(), 1);
    QCOMPARE(api_.del("/upstreams/pool.internal/targets/10.0.0.1:8000").status, 204);
    QCOMPARE(api_.get("/upstreams/pool.internal/targets").json()["data"].toArray().size(), 0);
  }

  void pluginsAtEveryScope() {
    create("/services", {{"name", "plugged"}, {"host", "p.internal"}});
    const auto p = create("/services/plugged/plugins", {{"name", "rate-limiting"}, {"config", QJsonObject{{"minute", 10}}}});
    QCOMPARE(p["config"].toObject()["policy"].toString(), QString("cluster"));  // Kong 2.8's default with a database
    QVERIFY(p["config"].toObject().contains("hour"));
    QVERIFY(p["config"].toObject()["hour"].isNull());
    QCOMPARE(p["enabled"].toBool(), true);
    const auto dup = api_.sendJson("POST", "/services/plugged/plugins", {{"name", "rate-limiting"}, {"config", QJsonObject{{"minute", 1}}}});
    QCOMPARE(dup.status, 409);
    const auto unknown = api_.sendJson("POST", "/plugins", {{"name", "no-such-plugin"}});
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.json()["fields"].toObject()["name"].toString(),
             QString("plugin 'no-such-plugin' not enabled; add it to the 'plugins' configuration property"));
    QCOMPARE(api_.get("/services/plugged/plugins").json()["data"].toArray().size(), 1);
    QCOMPARE(api_.get("/plugins/enabled").json()["enabled_plugins"].toArray().contains("key-auth"), true);
  }

  void schemasDescribeEntitiesAndPlugins() {
    const auto services = api_.get("/schemas/services");
    QCOMPARE(services.status, 200);
    QVERIFY(services.json()["fields"].toArray().size() > 10);
    const auto keyAuth = api_.get("/schemas/plugins/key-auth").json();
    const auto fields = keyAuth["fields"].toArray();
    QVERIFY(std::any_of(fields.begin(), fields.end(), [](const QJsonValue& f) { return f.toObject().contains("config"); }));
    QCOMPARE(api_.get("/schemas/nothing").status, 404);
    QCOMPARE(api_.request("POST", "/schemas/routes/validate", js({{"paths", QJsonArray{"/ok"}}})).status, 200);
    QCOMPARE(api_.request("POST", "/schemas/routes/validate", js({{"paths", QJsonArray{"bad"}}})).status, 400);
    QCOMPARE(api_.request("POST", "/schemas/plugins/validate", js({{"name", "cors"}})).status, 200);
  }

  void tagsAreIndexed() {
    create("/services", {{"name", "tagged"}, {"host", "t.internal"}, {"tags", QJsonArray{"team-a"}}});
    const auto r = api_.get("/tags/team-a").json();
    QCOMPARE(r["data"].toArray().size(), 1);
    QCOMPARE(r["data"].toArray()[0].toObject()["entity_name"].toString(), QString("services"));
  }

  void formBodiesAreTypedBySchema() {
    const auto r = api_.request("POST", "/services", "name=form-svc&host=f.internal&port=8081&tags[]=x&tags[]=y",
                                {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json()["port"].toInt(), 8081);
    QCOMPARE(r.json()["tags"].toArray(), QJsonArray({"x", "y"}));
    const auto p = api_.request("POST", "/services/form-svc/plugins", "name=rate-limiting&config.minute=7",
                                {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(p.status, 201);
    QCOMPARE(p.json()["config"].toObject()["minute"].toInt(), 7);
  }

  // --- bad input: each gets Kong's status and body, never a 500 ---

  void malformedJsonIs400() {
    const auto r = api_.request("POST", "/services", "{\"name\": ");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json(), QJsonObject({{"message", "Cannot parse JSON body"}}));
    QCOMPARE(api_.request("POST", "/services", "[1,2]").status, 400);
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    QCOMPARE(api_.request("POST", "/services", "{\"a\":" + deep + "}").status, 400);
    QCOMPARE(api_.get("/status").status, 200);  // still alive
  }

  void wrongTypesAreSchemaViolations() {
    const auto r = api_.sendJson("POST", "/services", {{"host", "h.internal"}, {"port", "eighty"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["code"].toInt(), 2);
    QCOMPARE(r.json()["name"].toString(), QString("schema violation"));
    QCOMPARE(r.json()["fields"].toObject()["port"].toString(), QString("expected an integer"));
    QCOMPARE(r.json()["message"].toString(), QString("schema violation (port: expected an integer)"));
  }

  void unknownFieldsAre400() {
    const auto r = api_.sendJson("POST", "/services", {{"host", "h.internal"}, {"colour", "red"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["colour"].toString(), QString("unknown field"));
  }

  void missingRequiredFieldsAre400() {
    const auto r = api_.sendJson("POST", "/services", {{"name", "hostless"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["host"].toString(), QString("required field missing"));
    const auto consumer = api_.sendJson("POST", "/consumers", {});
    QCOMPARE(consumer.status, 400);
    QVERIFY(consumer.json()["fields"].toObject().contains("@entity"));
  }

  void duplicateNamesAre409() {
    create("/services", {{"name", "twice"}, {"host", "h.internal"}});
    const auto r = api_.sendJson("POST", "/services", {{"name", "twice"}, {"host", "h.internal"}});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json()["code"].toInt(), 5);
    QCOMPARE(r.json()["message"].toString(), QString("UNIQUE violation detected on '{name=\"twice\"}'"));
  }

  void danglingForeignKeysAre400() {
    const auto r = api_.sendJson("POST", "/routes",
                                 {{"paths", QJsonArray{"/x"}}, {"service", QJsonObject{{"id", "4b1e0d4c-6f38-4d5a-9d1a-3b4f1c2e8a77"}}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["code"].toInt(), 4);
    QCOMPARE(r.json()["name"].toString(), QString("foreign key violation"));
  }

  void deletingAReferencedServiceIs400() {
    create("/services", {{"name", "referenced"}, {"host", "h.internal"}});
    create("/services/referenced/routes", {{"paths", QJsonArray{"/ref"}}});
    const auto r = api_.del("/services/referenced");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["code"].toInt(), 4);
  }

  void oversizedBodiesAre413() {
    const QByteArray big(11 * 1024 * 1024, 'x');
    const auto r = api_.request("POST", "/services", "{\"name\":\"" + big + "\"}");
    QCOMPARE(r.status, 413);
  }

  void unsupportedContentTypesAre415() {
    const auto r = api_.request("POST", "/services", "<service/>", {{"Content-Type", "application/xml"}});
    QCOMPARE(r.status, 415);
  }

  // Entities are written out as JSON, which is UTF-8: bytes that are not are refused on the way in.
  void invalidUtf8Is400() {
    const QList<QPair<QByteArray, QByteArray>> form{{"Content-Type", "application/x-www-form-urlencoded"}};
    const auto value = api_.request("POST", "/services", "name=bad%FF&host=u.internal", form);
    QCOMPARE(value.status, 400);
    QVERIFY(value.json()["message"].toString().contains("not valid UTF-8"));
    QCOMPARE(api_.request("POST", "/services", "host=u.internal&tags%C0%AF[]=x", form).status, 400);
    QCOMPARE(api_.request("POST", "/services", "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n\xC3\x28\r\n--b--\r\n",
                          {{"Content-Type", "multipart/form-data; boundary=b"}}).status, 400);
    QCOMPARE(api_.request("PUT", "/services/%ED%A0%80", "{\"host\":\"u.internal\"}").status, 400);
    QCOMPARE(api_.get("/services?tags=%FF").status, 400);
    QCOMPARE(api_.get("/services/%C3%A9t%C3%A9").status, 404);  // well-formed: looked up as usual
  }

  // "paths[N]" fills the positions before N: N is bounded.
  void farFormPositionsAre400() {
    const QList<QPair<QByteArray, QByteArray>> form{{"Content-Type", "application/x-www-form-urlencoded"}};
    const auto far = api_.request("POST", "/routes", "paths[999999999]=/far", form);
    QCOMPARE(far.status, 400);
    QVERIFY(far.json()["message"].toString().contains("positions go up to 1000"));
    const auto near = api_.request("POST", "/routes", "name=near&paths[2]=/two&paths[1]=/one", form);
    QCOMPARE(near.status, 201);
    QCOMPARE(near.json()["paths"].toArray(), QJsonArray({"/one", "/two"}));
  }

  void unsupportedMethodsAre405() {
    QCOMPARE(api_.request("POST", "/services/billing").status, 405);
    QCOMPARE(api_.request("PUT", "/services").status, 405);
    QCOMPARE(api_.request("DELETE", "/status").status, 405);
  }
};

QTEST_GUILESS_MAIN(TestAdminApi)
#include "test_admin_api.moc"
