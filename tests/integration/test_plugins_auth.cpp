// basic-auth, jwt and acl through a real sluice and a real upstream.
#include "jwt_signer.h"
#include "plugin_test_bed.h"

#include <QDateTime>
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

  // Kong 2.8 loads the anonymous consumer by id or by username.
  void anonymousMayBeAUsername() {
    bed_.addPlugin({{"name", "key-auth"}, {"config", QJsonObject{{"anonymous", "nobody"}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(PluginTestBed::upstreamHeaders(r = bed_.proxy().get("/")).contains("x-anonymous-consumer"), 5000);
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(), QString("nobody"));
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-id"].toString(), consumerIds_["nobody"]);
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

  void jwtVerifiesEveryAlgorithm() {
    const JwtKey rsa = JwtKey::rsa(), ec256 = JwtKey::ec(256), ec384 = JwtKey::ec(384);
    const JwtKey otherRsa = JwtKey::rsa(), otherEc256 = JwtKey::ec(256), otherEc384 = JwtKey::ec(384);
    struct Case {
      QByteArray alg;
      const JwtKey* key;
    };
    const QList<Case> cases{{"HS256", nullptr}, {"HS384", nullptr}, {"HS512", nullptr}, {"RS256", &rsa}, {"RS384", &rsa},
                            {"RS512", &rsa},    {"ES256", &ec256},  {"ES384", &ec384}};
    for (const auto& c : cases) {
      QJsonObject cred{{"key", "iss-" + QString(c.alg)}, {"algorithm", QString(c.alg)}, {"secret", "shh-" + QString(c.alg)}};
      if (c.key) cred["rsa_public_key"] = QString(c.key->publicPem());
      QVERIFY(!bed_.create("/consumers/ann/jwt", cred)["id"].toString().isEmpty());
    }
    bed_.addPlugin({{"name", "jwt"}});
    QCOMPARE(bed_.until(401, "/").json()["message"].toString(), QString("Unauthorized"));
    for (const auto& c : cases) {
      const QByteArray token = signJwt(c.alg, {{"iss", "iss-" + QString(c.alg)}}, "shh-" + c.alg, c.key);
      const auto r = get({{"Authorization", "Bearer " + token}});
      QVERIFY2(r.status == 200, c.alg + ": " + r.body);
      QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(), QString("ann"));
      QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-credential-identifier"].toString(), "iss-" + QString(c.alg));
      // A signature made with another secret or key fails.
      const JwtKey* wrong = c.key == &rsa ? &otherRsa : c.key == &ec256 ? &otherEc256 : &otherEc384;
      const QByteArray forged = signJwt(c.alg, {{"iss", "iss-" + QString(c.alg)}}, "wrong", c.key ? wrong : nullptr);
      QCOMPARE(get({{"Authorization", "Bearer " + forged}}).json()["message"].toString(), QString("Invalid signature"));
    }
  }

  void jwtRefusesAlgorithmTricksAndBadTokens() {
    const JwtKey rsa = JwtKey::rsa();
    bed_.create("/consumers/ben/jwt", {{"key", "ben-rsa"}, {"algorithm", "RS256"}, {"rsa_public_key", QString(rsa.publicPem())}});
    bed_.create("/consumers/ben/jwt", {{"key", "ben-hs"}, {"secret", "ben-secret"}});
    bed_.addPlugin({{"name", "jwt"}, {"config", QJsonObject{{"cookie_names", QJsonArray{"session"}}}}});
    QCOMPARE(bed_.until(401, "/").status, 401);
    const auto message = [this](const QByteArray& token) {
      return get({{"Authorization", "Bearer " + token}}).json()["message"].toString();
    };
    // alg "none", and HS256 signed with the RSA public key as the secret (algorithm confusion).
    QCOMPARE(message(signJwt("none", {{"iss", "ben-rsa"}}, "")), QString("Invalid algorithm"));
    QCOMPARE(message(signJwt("HS256", {{"iss", "ben-rsa"}}, rsa.publicPem())), QString("Invalid algorithm"));
    QCOMPARE(message("not-a-token"), QString("Bad token; invalid JWT"));
    QCOMPARE(message("a.b.c"), QString("Bad token; invalid JSON"));
    QCOMPARE(message(signJwt("HS256", {{"sub", "x"}}, "ben-secret")), QString("No mandatory 'iss' in claims"));
    QCOMPARE(message(signJwt("HS256", {{"iss", "nobody"}}, "ben-secret")), QString("No credentials found for given 'iss'"));
    // Sources: query argument and cookie; two different tokens at once are refused.
    const QByteArray good = signJwt("HS256", {{"iss", "ben-hs"}}, "ben-secret");
    QCOMPARE(bed_.proxy().get("/?jwt=" + good).status, 200);
    QCOMPARE(get({{"Cookie", "a=1; session=" + good}}).status, 200);
    const QByteArray other = signJwt("HS256", {{"iss", "ben-hs"}, {"n", 2}}, "ben-secret");
    const auto r = bed_.proxy().request("GET", "/?jwt=" + other, {}, {{"Authorization", "Bearer " + good}});
    QCOMPARE(r.json()["message"].toString(), QString("Multiple tokens provided"));
  }

  void jwtChecksExpiryAndMaximumExpiration() {
    bed_.create("/consumers/ben/jwt", {{"key", "ben-exp"}, {"secret", "exp-secret"}});
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString id = bed_.addPlugin({{"name", "jwt"}, {"config", QJsonObject{{"claims_to_verify", QJsonArray{"exp", "nbf"}}}}});
    QCOMPARE(bed_.until(401, "/").status, 401);
    const auto send = [this](const QJsonObject& claims) { return get({{"Authorization", "Bearer " + signJwt("HS256", claims, "exp-secret")}}); };
    QCOMPARE(send({{"iss", "ben-exp"}, {"exp", now + 60}, {"nbf", now - 60}}).status, 200);
    auto r = send({{"iss", "ben-exp"}, {"exp", now - 30}, {"nbf", now - 60}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["exp"].toString(), QString("token expired"));
    r = send({{"iss", "ben-exp"}, {"exp", now + 60}, {"nbf", now + 30}});
    QCOMPARE(r.json()["nbf"].toString(), QString("token not valid yet"));
    QCOMPARE(send({{"iss", "ben-exp"}}).json()["exp"].toString(), QString("must be a number"));
    // Kong 2.8 has no leeway: the field is refused. maximum_expiration refuses far futures (403).
    QCOMPARE(bed_.admin().sendJson("PATCH", "/plugins/" + id.toUtf8(), {{"config", QJsonObject{{"leeway", 60}}}}).status, 400);
    QCOMPARE(bed_.admin().sendJson("PATCH", "/plugins/" + id.toUtf8(), {{"config", QJsonObject{{"maximum_expiration", 3600}}}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(send({{"iss", "ben-exp"}, {"exp", now + 7200}, {"nbf", now - 60}}).status, 403, 5000);
    r = send({{"iss", "ben-exp"}, {"exp", now + 7200}, {"nbf", now - 60}});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json()["exp"].toString(), QString("exceeds maximum allowed expiration"));
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
