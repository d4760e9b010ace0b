// basic-auth and acl through a real sluice and a real upstream.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestPluginsAuth : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  QMap<QString, QString> consumerIds_;

  static QByteArray basic(const QByteArray& userPassword) { return "Basic " + userPassword.toBase64(); }
  HttpResponse get(const QList<QPair<QByteArray, QByteArray>>& headers) { return bed_.proxy().request("GET", "/", {}, headers); }

 private slots:
  void initTestCase() {
    QVERIFY(bed_.start());
    for (const char* name : {"ann", "ben", "nobody"}) consumerIds_[name] = bed_.create("/consumers", {{"username", name}})["id"].toString();
    bed_.create("/consumers/ann/basic-auth", {{"username", "ann"}, {"password", "s3cret:with:colons"}});
    bed_.create("/consumers/ben/basic-auth", {{"username", "ben"}, {"password", "hunter2"}});
    bed_.create("/consumers/ann/acls", {{"group", "admins"}});
    bed_.create("/consumers/ann/acls", {{"group", "staff"}});
    bed_.create("/consumers/ben/acls", {{"group", "staff"}});
  }

  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void basicAuthAsksForCredentials() {
    bed_.addPlugin({{"name", "basic-auth"}});
    const auto r = bed_.until(401, "/");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("Unauthorized"));
    QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Basic realm=\"sluice\""));
    QCOMPARE(get({{"Authorization", basic("ann:wrong")}}).json()["message"].toString(), QString("Invalid authentication credentials"));
    QCOMPARE(get({{"Authorization", basic("stranger:x")}}).status, 401);
    QCOMPARE(get({{"Authorization", "Basic !!notbase64"}}).status, 401);
    QCOMPARE(get({{"Authorization", "Bearer abc"}}).status, 401);
  }

  void basicAuthIdentifiesTheConsumer() {
    bed_.addPlugin({{"name", "basic-auth"}});
    QCOMPARE(bed_.until(401, "/").status, 401);
    for (int i = 0; i < 3; ++i) {  // the first verifies the PBKDF2 hash, the next ones hit the cache
      const auto r = get({{"Authorization", basic("ann:s3cret:with:colons")}});
      QCOMPARE(r.status, 200);
      const auto h = PluginTestBed::upstreamHeaders(r);
      QCOMPARE(h["x-consumer-username"].toString(), QString("ann"));
      QCOMPARE(h["x-credential-identifier"].toString(), QString("ann"));
      QVERIFY(h["authorization"].toString().startsWith("Basic "));  // hide_credentials is off
    }
    const auto r = get({{"Proxy-Authorization", basic("ben:hunter2")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(), QString("ben"));
    QCOMPARE(get({{"Authorization", "basic " + QByteArray("ben:hunter2").toBase64()}}).status, 200);  // scheme in any case
  }

  void basicAuthHidesCredentialsAndFallsBackToAnonymous() {
    bed_.addPlugin({{"name", "basic-auth"}, {"config", QJsonObject{{"hide_credentials", true}, {"anonymous", consumerIds_["nobody"]}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(PluginTestBed::upstreamHeaders(r = bed_.proxy().get("/")).contains("x-anonymous-consumer"), 5000);
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(), QString("nobody"));
    r = get({{"Authorization", basic("ben:hunter2")}});
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(), QString("ben"));
    QVERIFY(!PluginTestBed::upstreamHeaders(r).contains("authorization"));
    r = get({{"Authorization", basic("ben:wrong")}});
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(), QString("nobody"));
  }

  void aclAllowsListedGroups() {
    bed_.addPlugin({{"name", "basic-auth"}});
    bed_.addPlugin({{"name", "acl"}, {"config", QJsonObject{{"allow", QJsonArray{"admins"}}}}});
    QCOMPARE(bed_.until(403, "/", {{"Authorization", basic("ben:hunter2")}}).json()["message"].toString(),
             QString("You cannot consume this service"));
    const auto r = get({{"Authorization", basic("ann:s3cret:with:colons")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-groups"].toString(), QString("admins, staff"));
  }

  void aclDeniesListedGroupsAndNeedsAConsumer() {
    bed_.addPlugin({{"name", "acl"}, {"config", QJsonObject{{"deny", QJsonArray{"admins"}}, {"hide_groups_header", true}}}});
    QCOMPARE(bed_.until(401, "/").json()["message"].toString(), QString("Unauthorized"));  // nobody authenticated
    bed_.addPlugin({{"name", "basic-auth"}});
    QCOMPARE(bed_.until(403, "/", {{"Authorization", basic("ann:s3cret:with:colons")}}).status, 403);
    const auto r = get({{"Authorization", basic("ben:hunter2")}, {"X-Consumer-Groups", "forged"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-groups"].toString(), QString("forged"));  // hidden: passed as sent
  }

  void aclConfigNeedsExactlyOneList() {
    auto r = bed_.admin().sendJson("POST", "/plugins", {{"name", "acl"}, {"config", QJsonObject{{"allow", QJsonArray{"a"}}, {"deny", QJsonArray{"b"}}}}});
    QCOMPARE(r.status, 400);
    r = bed_.admin().sendJson("POST", "/plugins", {{"name", "acl"}});
    QCOMPARE(r.status, 400);
  }
};

QTEST_GUILESS_MAIN(TestPluginsAuth)
#include "test_plugins_auth.moc"
