// The change history against a real gateway and upstream, on both backends: every Admin write is
// recorded with its token's name and the entity before and after; a revert undoes one change (and
// what a deletion took along) and the proxy serves as before it, or answers 409 naming the later
// change; a restore returns the whole configuration to an earlier version in one step (the
// exported configuration is the one saved at that version); DB-less replacements are recorded as
// their differences; the history keeps config_history_kept versions.
#include "sluice_process.h"
#include "upstream_process.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

namespace {
const QByteArray kToken = "change-history-token";
}

class TestChangeHistory : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;

  static HttpClient authorized(const SluiceProcess& sluice) {
    HttpClient client = sluice.admin();
    client.setAuthorization("Bearer " + kToken);
    return client;
  }

  // The newest changes, newest first.
  static QJsonArray changes(const HttpClient& admin, const QByteArray& query = "") {
    const auto r = admin.get("/sluice/changes" + query);
    if (r.status != 200) qWarning() << r.status << r.body;
    return r.json()["data"].toArray();
  }

  static qint64 newestVersion(const HttpClient& admin) { return admin.get("/sluice/changes?size=1").json()["newest_version"].toInteger(); }

  static QString exported(const HttpClient& admin) { return admin.get("/sluice/config").json()["config"].toString(); }

  // The path the upstream saw for a request through the proxy, or the status when not 200.
  static QString served(const SluiceProcess& sluice, const QByteArray& path) {
    const auto r = sluice.proxy().get(path);
    return r.status == 200 ? r.json()["uri"].toString() : QString::number(r.status);
  }

  bool startGateway(SluiceProcess& sluice, const QString& backend) {
    const QByteArray hash = QCryptographicHash::hash(kToken, QCryptographicHash::Sha256).toHex();
    sluice.setEnv("ADMIN_TOKEN_HASHES", "alice:" + QString::fromLatin1(hash) + ":admin");
    return sluice.useBackend(backend) && sluice.start();
  }

 private slots:
  void initTestCase_data() { SluiceProcess::addBackendRows(); }
  void initTestCase() { QVERIFY(upstream_.start()); }

  void writesAreRecordedAndReverted() {
    QFETCH_GLOBAL(QString, backend);
    SluiceProcess sluice;
    QVERIFY2(startGateway(sluice, backend), "PostgreSQL fixture missing or failing (run through ctest)");
    const HttpClient admin = authorized(sluice);
    const QString url = QString("http://127.0.0.1:%1/v1").arg(upstream_.port());
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "orders"}, {"url", url}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/orders/routes", {{"name", "orders-route"}, {"paths", QJsonArray{"/orders"}}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/orders/1"), QString("/v1/1"), 5000);
    const qint64 created = newestVersion(admin);
    QCOMPARE(admin.sendJson("PATCH", "/services/orders", {{"path", "/v2"}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/orders/1"), QString("/v2/1"), 5000);

    // The PATCH: who, how, and the entity before and after, as the next version.
    QJsonObject patch = changes(admin).at(0).toObject();
    QCOMPARE(patch["version"].toInteger(), created + 1);
    QCOMPARE(patch["author"].toString(), QString("alice"));
    QCOMPARE(patch["method"].toString(), QString("PATCH"));
    QCOMPARE(patch["path"].toString(), QString("/services/orders"));
    QCOMPARE(patch["operation"].toString(), QString("update"));
    QCOMPARE(patch["entity"].toString(), QString("services"));
    QCOMPARE(patch["entity_name"].toString(), QString("orders"));
    QCOMPARE(patch["before"].toObject()["path"].toString(), QString("/v1"));
    QCOMPARE(patch["after"].toObject()["path"].toString(), QString("/v2"));
    QCOMPARE(admin.get("/sluice/changes/" + QByteArray::number(patch["id"].toInteger())).json()["after"], patch["after"]);
    // Filters and pages.
    const QJsonArray routes = changes(admin, "?entity=routes");
    QCOMPARE(routes.size(), 1);
    QCOMPARE(routes.at(0).toObject()["operation"].toString(), QString("create"));
    const auto firstPage = admin.get("/sluice/changes?size=1").json();
    QCOMPARE(firstPage["data"].toArray().size(), 1);
    const auto secondPage = admin.get(firstPage["next"].toString().toUtf8()).json();
    QCOMPARE(secondPage["data"].toArray().at(0).toObject()["entity"].toString(), QString("routes"));

    // A preview changes nothing; the revert serves the old path again and is itself recorded.
    const QByteArray revertPatch = "/sluice/changes/" + QByteArray::number(patch["id"].toInteger()) + "/revert";
    const auto preview = admin.request("POST", revertPatch + "?dry_run=true");
    QCOMPARE(preview.status, 200);
    QCOMPARE(preview.json()["changes"].toArray().at(0).toObject()["after"].toObject()["path"].toString(), QString("/v1"));
    QCOMPARE(admin.get("/services/orders").json()["path"].toString(), QString("/v2"));
    const auto reverted = admin.request("POST", revertPatch);
    QCOMPARE(reverted.status, 200);
    QCOMPARE(reverted.json()["version"].toInteger(), created + 2);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/orders/1"), QString("/v1/1"), 5000);
    const QJsonObject revertChange = changes(admin).at(0).toObject();
    QCOMPARE(revertChange["source"].toString(), QString("revert"));
    QCOMPARE(revertChange["author"].toString(), QString("alice"));

    // The PATCH again: the service has changed since (by the revert), named in the 409.
    const auto again = admin.request("POST", revertPatch);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json()["fields"].toObject()["conflicting_change"].toObject()["id"].toInteger(), revertChange["id"].toInteger());
    QVERIFY(again.json()["message"].toString().contains("revert that one first"));

    // Undoing the service's creation while its route hangs on it: refused.
    const QJsonObject serviceCreated = changes(admin, "?entity=services&size=1000").last().toObject();
    QCOMPARE(serviceCreated["operation"].toString(), QString("create"));
    const auto restricted = admin.request("POST", "/sluice/changes/" + QByteArray::number(serviceCreated["id"].toInteger()) + "/revert");
    QCOMPARE(restricted.status, 409);
    QVERIFY2(restricted.json()["message"].toString().contains("routes"), restricted.body);

    // A deleted route comes back with the plugin that went with it, and serves again.
    QCOMPARE(admin.sendJson("POST", "/routes/orders-route/plugins", {{"name", "cors"}}).status, 201);
    QCOMPARE(admin.del("/routes/orders-route").status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/orders/1"), QString("404"), 5000);
    const QJsonArray deletion = changes(admin, "?size=2");
    QCOMPARE(deletion.at(0).toObject()["entity"].toString(), QString("routes"));
    QCOMPARE(deletion.at(1).toObject()["entity"].toString(), QString("plugins"));
    QCOMPARE(deletion.at(1).toObject()["cascaded_from"].toString(), deletion.at(0).toObject()["entity_id"].toString());
    const auto back = admin.request("POST", "/sluice/changes/" + QByteArray::number(deletion.at(0).toObject()["id"].toInteger()) + "/revert");
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json()["changes"].toArray().size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/orders/1"), QString("/v1/1"), 5000);
    QCOMPARE(admin.get("/routes/orders-route/plugins").json()["data"].toArray().size(), 1);

    // Bad input.
    QCOMPARE(admin.request("POST", "/sluice/changes/999999/revert").status, 404);
    QCOMPARE(admin.request("POST", "/sluice/changes/abc/revert").status, 404);
    QCOMPARE(admin.get("/sluice/changes?size=0").status, 400);
    QCOMPARE(admin.get("/sluice/changes?since=yesterday").status, 400);
    QCOMPARE(admin.get("/sluice/changes/1/revert").status, 405);
    QVERIFY(sluice.stop());
  }

  void restoreReturnsTheWholeConfiguration() {
    QFETCH_GLOBAL(QString, backend);
    SluiceProcess sluice;
    QVERIFY2(startGateway(sluice, backend), "PostgreSQL fixture missing or failing (run through ctest)");
    const HttpClient admin = authorized(sluice);
    const QString url = QString("http://127.0.0.1:%1/a").arg(upstream_.port());
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "a"}, {"url", url}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/a/routes", {{"name", "a-route"}, {"paths", QJsonArray{"/a"}}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/a/plugins", {{"name", "cors"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/consumers", {{"username", "carol"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/a/x"), QString("/a/x"), 5000);
    const qint64 saved = newestVersion(admin);
    const QString savedConfig = exported(admin);

    // Changes of every kind after it.
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "b"}, {"url", url + "/b"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/b/routes", {{"name", "b-route"}, {"paths", QJsonArray{"/b"}}}).status, 201);
    QCOMPARE(admin.sendJson("PATCH", "/routes/a-route", {{"paths", QJsonArray{"/a", "/also-a"}}}).status, 200);
    QCOMPARE(admin.del("/consumers/carol").status, 204);
    QCOMPARE(admin.sendJson("POST", "/upstreams", {{"name", "pool"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/upstreams/pool/targets", {{"target", "127.0.0.1:1"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/b/x"), QString("/a/b/x"), 5000);
    QVERIFY(exported(admin) != savedConfig);

    // A preview lists what would change and changes nothing.
    const QByteArray restorePath = "/sluice/config/restore?version=" + QByteArray::number(saved);
    const auto preview = admin.request("POST", restorePath + "&dry_run=true");
    QCOMPARE(preview.status, 200);
    QVERIFY(preview.json()["dry_run"].toBool());
    QStringList operations;
    for (const auto& c : preview.json()["changes"].toArray())
      operations << c.toObject()["operation"].toString() + " " + c.toObject()["entity"].toString();
    operations.sort();
    QCOMPARE(operations, QStringList({"create consumers", "delete routes", "delete services", "delete targets",
                                      "delete upstreams", "update routes"}));
    QVERIFY(exported(admin) != savedConfig);

    const auto restored = admin.request("POST", restorePath);
    QCOMPARE(restored.status, 200);
    QCOMPARE(restored.json()["version"].toInteger(), newestVersion(admin));
    QCOMPARE(exported(admin), savedConfig);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/b/x"), QString("404"), 5000);
    QCOMPARE(served(sluice, "/a/x"), QString("/a/x"));
    QCOMPARE(changes(admin, "?size=1").at(0).toObject()["source"].toString(), QString("restore"));

    // Back to before the restore: the restore is a version like any other.
    const QString beforeRestore = QString::number(restored.json()["version"].toInteger() - 1);
    QCOMPARE(admin.request("POST", "/sluice/config/restore?version=" + beforeRestore.toUtf8()).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/b/x"), QString("/a/b/x"), 5000);

    QCOMPARE(admin.request("POST", "/sluice/config/restore?version=999999").status, 400);
    QCOMPARE(admin.request("POST", "/sluice/config/restore?version=soon").status, 400);
    QCOMPARE(admin.request("POST", "/sluice/config/restore").status, 400);
    QVERIFY(sluice.stop());
  }

  void historyKeepsItsBound() {
    QFETCH_GLOBAL(QString, backend);
    if (backend != "sqlite") QSKIP("the bound is the same code on both backends");
    SluiceProcess sluice;
    sluice.setEnv("CONFIG_HISTORY_KEPT", "3");
    QVERIFY(startGateway(sluice, backend));
    const HttpClient admin = authorized(sluice);
    for (int i = 0; i < 5; ++i) QCOMPARE(admin.sendJson("POST", "/consumers", {{"username", QString("u%1").arg(i)}}).status, 201);
    const auto page = admin.get("/sluice/changes").json();
    QCOMPARE(page["oldest_version"].toInteger(), 3);
    QCOMPARE(page["newest_version"].toInteger(), 5);
    QCOMPARE(page["data"].toArray().size(), 3);
    const auto tooOld = admin.request("POST", "/sluice/config/restore?version=1");
    QCOMPARE(tooOld.status, 400);
    QVERIFY2(tooOld.json()["message"].toString().contains("older than the kept history"), tooOld.body);
    QCOMPARE(admin.request("POST", "/sluice/config/restore?version=2").status, 200);
    QCOMPARE(admin.get("/consumers").json()["data"].toArray().size(), 2);
    QVERIFY(sluice.stop());
  }

  void declarativeReplacementsAreRecordedAsDifferences() {
    QFETCH_GLOBAL(QString, backend);
    if (backend != "sqlite") QSKIP("DB-less nodes have no database backend");
    SluiceProcess sluice;
    sluice.setEnv("DATABASE", "off");
    QVERIFY(startGateway(sluice, "sqlite"));
    const HttpClient admin = authorized(sluice);
    const QString url = QString("http://127.0.0.1:%1").arg(upstream_.port());
    // (ids given: a declarative entity without one gets a new id at each load)
    const QString one = "services:\n- name: one\n  id: 0b8e3c9a-3d2e-4a55-9c1e-2a6f7b9d1e01\n  url: %1/%2\n  routes:\n"
                        "  - name: one\n    id: 0b8e3c9a-3d2e-4a55-9c1e-2a6f7b9d1e02\n    paths: [/one]\n";
    const QByteArray first = ("_format_version: '2.1'\n" + one.arg(url, "one") + "- name: two\n  url: " + url + "/two\n").toUtf8();
    QCOMPARE(admin.request("POST", "/config", first, {{"Content-Type", "application/x-yaml"}}).status, 201);
    const QByteArray second = ("_format_version: '2.1'\n" + one.arg(url, "uno")).toUtf8();
    QCOMPARE(admin.request("POST", "/config", second, {{"Content-Type", "application/x-yaml"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(served(sluice, "/one/x"), QString("/uno/x"), 5000);
    // The second load: service one updated, service two deleted; the route the same.
    const QJsonArray latest = changes(admin, "?version=" + QByteArray::number(newestVersion(admin)));
    QStringList seen;
    for (const auto& c : latest) seen << c.toObject()["operation"].toString() + " " + c.toObject()["entity_name"].toString();
    seen.sort();
    QCOMPARE(seen, QStringList({"delete two", "update one"}));
    QCOMPARE(latest.at(0).toObject()["path"].toString(), QString("/config"));
    // Read, not replayed: the configuration comes through POST /config.
    QCOMPARE(admin.request("POST", "/sluice/config/restore?version=1").status, 400);
    QVERIFY(sluice.stop());
  }

  void cleanupTestCase() { upstream_.stop(); }
};

QTEST_GUILESS_MAIN(TestChangeHistory)
#include "test_change_history.moc"
