// Declarative configuration: DB-less mode from a kong.yml, POST /config, and db_export/db_import.
#include "sluice_process.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

namespace {

const QByteArray kConfig = R"(_format_version: "2.1"
services:
- name: billing
  url: http://billing.internal:8080/v1
  tags: [team-a]
  routes:
  - name: bill
    paths: [/bill]
    plugins:
    - name: cors
  plugins:
  - name: rate-limiting
    config: {minute: 5, policy: local}
consumers:
- username: alice
  keyauth_credentials:
  - key: alice-key
  acls:
  - group: admins
plugins:
- name: key-auth
  service: billing
upstreams:
- name: pool.internal
  targets:
  - target: 10.0.0.1:80
    weight: 50
)";

QString writeFile(const QString& dir, const QString& name, const QByteArray& content) {
  QFile f(dir + "/" + name);
  f.open(QIODevice::WriteOnly);
  f.write(content);
  return f.fileName();
}

// Starts `sluice` in DB-less mode on kConfig.
bool startDbless(SluiceProcess& sluice) {
  sluice.setEnv("DATABASE", "off");
  sluice.setEnv("DECLARATIVE_CONFIG", writeFile(sluice.prefix(), "kong.yml", kConfig));
  return sluice.start();
}

int count(const HttpClient& api, const QByteArray& path) { return api.get(path).json()["data"].toArray().size(); }

}  // namespace

class TestDeclarative : public QObject {
  Q_OBJECT

 private slots:
  void dblessServesTheFileReadOnly() {
    SluiceProcess sluice;
    QVERIFY(startDbless(sluice));
    HttpClient api = sluice.admin();
    const auto route = api.get("/routes/bill").json();
    QCOMPARE(route["paths"].toArray(), QJsonArray({"/bill"}));
    QCOMPARE(api.get("/routes/bill/service").json()["name"].toString(), QString("billing"));
    QCOMPARE(count(api, "/services/billing/plugins"), 2);  // rate-limiting nested, key-auth by name
    QCOMPARE(count(api, "/routes/bill/plugins"), 1);
    QCOMPARE(api.get("/consumers/alice/key-auth/alice-key").status, 200);
    QCOMPARE(api.get("/upstreams/pool.internal/targets").json()["data"].toArray()[0].toObject()["weight"].toInt(), 50);

    const auto write = api.sendJson("POST", "/services", {{"host", "x.internal"}});
    QCOMPARE(write.status, 405);
    QCOMPARE(write.json()["message"].toString(), QString("cannot create 'services' entities when not using a database"));
    QCOMPARE(api.del("/consumers/alice").status, 405);
    QVERIFY(sluice.stop());
  }

  void postConfigReplacesEverythingOrNothing() {
    SluiceProcess sluice;
    QVERIFY(startDbless(sluice));
    HttpClient api = sluice.admin();
    const auto bad = api.sendJson("POST", "/config", {{"config", "_format_version: \"3.0\"\nservices:\n- name: broken\n"}});
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json()["code"].toInt(), 14);
    QCOMPARE(count(api, "/services"), 1);  // the old configuration is untouched

    const auto good = api.request("POST", "/config",
                                  "_format_version: \"3.0\"\nservices:\n- name: only\n  host: only.internal\n",
                                  {{"Content-Type", "application/yaml"}});
    QCOMPARE(good.status, 201);
    QCOMPARE(count(api, "/services"), 1);
    QCOMPARE(api.get("/services/only").status, 200);
    QCOMPARE(count(api, "/consumers"), 0);
    QVERIFY(api.get("/config").json()["config"].toString().contains("only.internal"));

    // Bytes that are not UTF-8 cannot become an entity (JSON is UTF-8): refused, with the place.
    const auto binary = api.request("POST", "/config",
                                    "_format_version: \"3.0\"\nservices:\n- name: \xFF\xFE\n  host: b.internal\n",
                                    {{"Content-Type", "application/yaml"}});
    QCOMPARE(binary.status, 400);
    QVERIFY(binary.json()["message"].toString().contains("invalid UTF-8"));
    QCOMPARE(api.get("/services/only").status, 200);
    QVERIFY(sluice.stop());
  }

  // Kong 2.8's documented DB-less reload: curl -F config=@kong.yml [?check_hash=1]. The answer holds
  // the loaded entities by collection and id; /status tells the configuration's MD5.
  void postConfigAsKongDocumentsIt() {
    SluiceProcess sluice;
    QVERIFY(startDbless(sluice));
    HttpClient api = sluice.admin();
    QCOMPARE(api.get("/status").json()["configuration_hash"].toString(),
             QString(QCryptographicHash::hash(kConfig, QCryptographicHash::Md5).toHex()));
    const QByteArray file = "_format_version: \"2.1\"\nservices:\n- name: multi\n  host: multi.internal\n";
    const auto multipart = [&](const QByteArray& path) {
      const QByteArray boundary = "------------------------sluice42";
      const QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"config\"; filename=\"kong.yml\"\r\n"
                              "Content-Type: application/octet-stream\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
      return api.request("POST", path, body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    };
    auto r = multipart("/config?check_hash=1");
    QCOMPARE(r.status, 201);
    const QJsonObject services = r.json()["services"].toObject();
    QCOMPARE(services.size(), 1);
    QCOMPARE(services.begin().value().toObject()["name"].toString(), QString("multi"));
    QCOMPARE(services.begin().key(), services.begin().value().toObject()["id"].toString());
    const QString hash = QCryptographicHash::hash(file, QCryptographicHash::Md5).toHex();
    QCOMPARE(api.get("/status").json()["configuration_hash"].toString(), hash);
    QCOMPARE(multipart("/config?check_hash=1").status, 304);  // the same file: nothing to do
    QCOMPARE(multipart("/config").status, 201);               // without check_hash it is loaded again
    // Entities take multipart bodies too (here refused: a DB-less node is read-only).
    QCOMPARE(api.request("POST", "/services", "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n",
                         {{"Content-Type", "multipart/form-data; boundary=b"}}).status, 405);
    QVERIFY(sluice.stop());
  }

  void importPreviewsThenApplies() {
    SluiceProcess sluice;
    QVERIFY(sluice.start());
    const HttpClient api = sluice.admin();
    api.sendJson("POST", "/services", {{"name", "billing"}, {"url", "http://b.internal:9000"}});
    api.sendJson("POST", "/services", {{"name", "old"}, {"url", "http://o.internal"}});
    api.sendJson("POST", "/services/billing/routes", {{"name", "bapi"}, {"paths", QJsonArray{"/b"}}});
    const QString billingId = api.get("/services/billing").json()["id"].toString();
    const QString file = "_format_version: \"3.0\"\nservices:\n- name: billing\n  url: http://b.internal:9100\n  routes:\n"
                         "  - name: bapi\n    paths: [\"/b\"]\n- name: fresh\n  url: http://f.internal\n";
    const auto names = [](const QJsonArray& changes) {
      QStringList out;
      for (const auto& c : changes) out << c.toObject()["entity"].toString() + ":" + c.toObject()["name"].toString();
      return out;
    };
    // The preview: billing changes (matched by name, its id kept), fresh is new, old would go with replace; bapi stays.
    HttpResponse r = api.sendJson("POST", "/sluice/config/diff", {{"config", file}, {"replace", true}});
    QCOMPARE(r.status, 200);
    QCOMPARE(names(r.json()["create"].toArray()), QStringList{"services:fresh"});
    QCOMPARE(names(r.json()["update"].toArray()), QStringList{"services:billing"});
    QCOMPARE(r.json()["update"].toArray().first().toObject()["id"].toString(), billingId);
    QCOMPARE(names(r.json()["delete"].toArray()), QStringList{"services:old"});
    QCOMPARE(r.json()["unchanged"].toInt(), 1);
    QCOMPARE(api.get("/services/billing").json()["port"].toInt(), 9000);  // a preview changes nothing
    // Applied without replace: old stays; billing keeps its id and its route.
    r = api.sendJson("POST", "/sluice/config/apply", {{"config", file}, {"replace", false}});
    QCOMPARE(r.status, 200);
    QCOMPARE(api.get("/services/billing").json()["port"].toInt(), 9100);
    QCOMPARE(api.get("/services/billing").json()["id"].toString(), billingId);
    QCOMPARE(api.get("/services/old").status, 200);
    QCOMPARE(api.get("/services/fresh").status, 200);
    QCOMPARE(api.get("/routes/bapi").json()["service"].toObject()["id"].toString(), billingId);
    // Applied with replace: old goes. The export reads back.
    QCOMPARE(api.sendJson("POST", "/sluice/config/apply", {{"config", file}, {"replace", true}}).status, 200);
    QCOMPARE(api.get("/services/old").status, 404);
    QVERIFY(api.get("/sluice/config").json()["config"].toString().contains("name: fresh"));
    // Errors: a broken file names its field; no config at all is a field error too.
    r = api.sendJson("POST", "/sluice/config/diff", {{"config", "_format_version: \"3.0\"\nservices:\n- name: x\n"}});
    QCOMPARE(r.status, 400);
    r = api.sendJson("POST", "/sluice/config/diff", QJsonObject{});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["config"].toString(), QString("required field missing"));
  }

  void formatVersionsAreChecked() {
    SluiceProcess sluice;
    for (const char* version : {"1.1", "2.1", "3.0"}) {
      const QString file = writeFile(sluice.prefix(), "v.yml",
                                     QByteArray("_format_version: \"") + version + "\"\nconsumers:\n- username: a\n");
      QCOMPARE(sluice.run({"check", "--database", "off", "--declarative-config", file}), 0);
    }
    QByteArray output;
    const QString file = writeFile(sluice.prefix(), "v.yml", "_format_version: \"9.9\"\n");
    QCOMPARE(sluice.run({"check", "--database", "off", "--declarative-config", file}, &output), 1);
    QVERIFY(output.contains("_format_version"));
    const QString unknown = writeFile(sluice.prefix(), "u.yml", "_format_version: \"3.0\"\nwidgets: []\n");
    QCOMPARE(sluice.run({"check", "--database", "off", "--declarative-config", unknown}, &output), 1);
    QVERIFY(output.contains("widgets"));
  }

  // A Kong 2.8 export: `_comment` and `_ignore` on entities, and `_transform: false` with
  // basic-auth passwords already hashed as Kong hashes them (SHA-1 of password and consumer id):
  // imported as they are, and the migrated consumer's password keeps working.
  void kongExportWithHashedPasswords() {
    const QByteArray consumerId = "8c2b1a4e-9c3d-4f5e-8a6b-7c8d9e0f1a2b";
    const QByteArray hash = QCryptographicHash::hash("s3cret" + consumerId, QCryptographicHash::Sha1).toHex();
    const QByteArray yaml = "_format_version: \"2.1\"\n_transform: false\n"
                            "routes:\n- name: guarded\n  paths: [/guarded]\n  _comment: imported from Kong 2.8\n"
                            "  plugins:\n  - name: basic-auth\n  - name: request-termination\n    config: {status_code: 200, message: welcome}\n"
                            "consumers:\n- id: " + consumerId + "\n  username: carol\n  _ignore: [{legacy: true}]\n"
                            "  basicauth_credentials:\n  - username: carol\n    password: " + hash + "\n";
    SluiceProcess sluice;
    sluice.setEnv("DATABASE", "off");
    sluice.setEnv("DECLARATIVE_CONFIG", writeFile(sluice.prefix(), "kong.yml", yaml));
    QVERIFY2(sluice.start(), sluice.logs().constData());
    const QByteArray good = "GET /guarded HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + QByteArray("carol:s3cret").toBase64() +
                            "\r\nConnection: close\r\n\r\n";
    const QByteArray bad = "GET /guarded HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + QByteArray("carol:wrong").toBase64() +
                           "\r\nConnection: close\r\n\r\n";
    HttpResponse r = sluice.proxy().raw(good);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["message"].toString(), QString("welcome"));
    QCOMPARE(sluice.proxy().raw(bad).status, 401);
    // Without _transform: false the same value is a password like any other, hashed on the way in.
    const QByteArray transformed = QByteArray(yaml).replace("_transform: false\n", "");
    QVERIFY(sluice.admin().request("POST", "/config", transformed, {{"Content-Type", "application/yaml"}}).status < 300);
    QTRY_COMPARE_WITH_TIMEOUT(sluice.proxy().raw(good).status, 401, 5000);
    QCOMPARE(sluice.proxy().raw("GET /guarded HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + ("carol:" + hash).toBase64() +
                                "\r\nConnection: close\r\n\r\n").status, 200);
    // A _comment that is not a string is refused.
    const QByteArray badComment = QByteArray(yaml).replace("_comment: imported from Kong 2.8", "_comment: [1]");
    QCOMPARE(sluice.admin().request("POST", "/config", badComment, {{"Content-Type", "application/yaml"}}).status, 400);
    QVERIFY(sluice.stop());
  }

  void exportThenImportRoundTrips() {
    SluiceProcess source;
    QVERIFY(source.start());
    HttpClient api = source.admin();
    QCOMPARE(api.request("POST", "/config", kConfig, {{"Content-Type", "application/yaml"}}).status, 400);  // not DB-less
    const auto svc = api.sendJson("POST", "/services", {{"name", "exported"}, {"host", "e.internal"}, {"tags", QJsonArray{"t"}}});
    QCOMPARE(svc.status, 201);
    QCOMPARE(api.sendJson("POST", "/services/exported/routes", {{"paths", QJsonArray{"/e"}}}).status, 201);
    QCOMPARE(api.sendJson("POST", "/consumers", {{"username", "bob"}}).status, 201);
    QCOMPARE(api.sendJson("POST", "/consumers/bob/basic-auth", {{"username", "bob"}, {"password", "pw"}}).status, 201);
    const QByteArray servicesBefore = api.get("/services").body, routesBefore = api.get("/routes").body,
                     basicBefore = api.get("/basic-auths").body;
    QVERIFY(source.stop());

    const QString file = source.prefix() + "/export.yml";
    QCOMPARE(source.run({"config", "db_export", file}), 0);
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QVERIFY(exported.readAll().contains("_transform: false"));  // the passwords in it are hashes

    QTest::qWait(1100);  // timestamps must come from the file, not from the time of the import
    SluiceProcess target;
    QByteArray output;
    QCOMPARE(target.run({"config", "db_import", file}, &output), 0);
    QVERIFY(target.start());
    HttpClient copy = target.admin();
    QCOMPARE(copy.get("/services").body, servicesBefore);
    QCOMPARE(copy.get("/routes").body, routesBefore);
    QCOMPARE(copy.get("/basic-auths").body, basicBefore);  // the hash moves as it is
    QVERIFY(target.stop());
  }
};

QTEST_GUILESS_MAIN(TestDeclarative)
#include "test_declarative.moc"
