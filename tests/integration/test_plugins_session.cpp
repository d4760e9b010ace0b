// session through a real sluice and a real upstream: key-auth (with an anonymous consumer, as
// Kong's docs pair them) starts a session, the cookie alone authenticates later requests, a
// tampered cookie does not, logouts end sessions; both storages (`cookie`, and `kong` with its
// sessions table), renewal, and Kong's configuration.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestPluginsSession : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  QString credentialId_;

  void setUp(const QJsonObject& sessionConfig) {
    bed_.addPlugin({{"name", "key-auth"}, {"config", QJsonObject{{"anonymous", "visitor"}}}});
    bed_.addPlugin({{"name", "session"}, {"config", sessionConfig}});
    QTRY_VERIFY_WITH_TIMEOUT(!login().header("Set-Cookie").isEmpty(), 5000);
  }
  HttpResponse login() { return bed_.proxy().request("GET", "/account", {}, {{"apikey", "reader-key"}}); }
  HttpResponse withCookie(const QByteArray& cookie, const QByteArray& method = "GET", const QByteArray& path = "/account") {
    return bed_.proxy().request(method, path, {}, {{"Cookie", "other=1; " + cookie}});
  }
  static QByteArray cookieOf(const HttpResponse& r) { return r.header("Set-Cookie").split(';').first(); }
  static QString who(const HttpResponse& r) { return PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(); }

 private slots:
  void initTestCase() {
    QVERIFY(bed_.start());
    bed_.create("/consumers", {{"username", "visitor"}});
    bed_.create("/consumers", {{"username", "reader"}});
    credentialId_ = bed_.create("/consumers/reader/key-auth", {{"key", "reader-key"}})["id"].toString();
  }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void theCookieStandsForTheCredential() {
    setUp({});
    const HttpResponse first = login();
    QCOMPARE(first.status, 200);
    const QByteArray setCookie = first.header("Set-Cookie");
    QVERIFY2(setCookie.startsWith("session=") && setCookie.endsWith("; Path=/; SameSite=Strict; Secure; HttpOnly"), setCookie.constData());
    const QByteArray cookie = cookieOf(first);
    const HttpResponse again = withCookie(cookie);
    QCOMPARE(again.status, 200);
    QCOMPARE(who(again), QString("reader"));
    QCOMPARE(PluginTestBed::upstreamHeaders(again)["x-credential-identifier"].toString(), credentialId_);
    QVERIFY(!PluginTestBed::upstreamHeaders(again).contains("x-anonymous-consumer"));
    QVERIFY(again.header("Set-Cookie").isEmpty());  // the session goes on as it is
    // A cookie changed by one character is no session.
    QByteArray tampered = cookie;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
    QCOMPARE(who(withCookie(tampered)), QString("visitor"));
    // Logout: a DELETE with the logout argument; the cookie is expired.
    const HttpResponse out = withCookie(cookie, "DELETE", "/account?session_logout=true");
    QCOMPARE(out.status, 200);
    QVERIFY(out.header("Set-Cookie").contains("Max-Age=0"));
    QVERIFY(out.header("X-Upstream").isEmpty());  // answered by the gateway
  }

  void kongStorageKeepsSessionsInTheStore() {
    setUp({{"storage", "kong"}, {"cookie_name", "sid"}, {"cookie_samesite", "Lax"}, {"cookie_secure", false}});
    const HttpResponse first = login();
    QVERIFY2(first.header("Set-Cookie").endsWith("; Path=/; SameSite=Lax; HttpOnly"), first.header("Set-Cookie").constData());
    const QByteArray cookie = cookieOf(first);
    QCOMPARE(who(withCookie(cookie)), QString("reader"));
    const QByteArray sessionId = cookie.mid(4, cookie.indexOf('.') - 4);
    QTRY_COMPARE_WITH_TIMEOUT(bed_.admin().get("/sessions/" + sessionId).status, 200, 5000);
    QVERIFY(bed_.admin().get("/sessions/" + sessionId).json()["expires"].toInteger() > QDateTime::currentSecsSinceEpoch());
    // A forged id (its signature does not match) is no session.
    QCOMPARE(who(withCookie("sid=" + sessionId + ".AAAA")), QString("visitor"));
    // A logout ends it on the server: the old cookie no longer works.
    QCOMPARE(withCookie(cookie, "POST", "/account?session_logout=1").status, 200);
    QCOMPARE(who(withCookie(cookie)), QString("visitor"));
    QTRY_COMPARE_WITH_TIMEOUT(bed_.admin().get("/sessions/" + sessionId).status, 404, 5000);
  }

  void aSessionNearItsEndIsRenewed() {
    setUp({{"cookie_lifetime", 30}, {"cookie_renew", 60}});
    const QByteArray cookie = cookieOf(login());
    const HttpResponse again = withCookie(cookie);
    QCOMPARE(who(again), QString("reader"));
    QVERIFY(again.header("Set-Cookie").startsWith("session="));
    QVERIFY(cookieOf(again) != cookie);
  }

  void configsAreKongs() {
    const HttpResponse made = bed_.admin().sendJson("POST", "/plugins", {{"name", "session"}});
    QCOMPARE(made.status, 201);
    const QJsonObject config = made.json()["config"].toObject();
    QCOMPARE(config["secret"].toString().size(), 44);  // drawn by the node
    QCOMPARE(config["storage"].toString(), QString("cookie"));
    QCOMPARE(config["cookie_lifetime"].toInt(), 3600);
    QCOMPARE(config["logout_methods"].toArray(), (QJsonArray{"POST", "DELETE"}));
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "session"}, {"config", QJsonObject{{"cookie_samesite", "Loose"}}}}).status, 400);
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "session"}, {"config", QJsonObject{{"storage", "redis"}}}}).status, 400);
  }
};

QTEST_GUILESS_MAIN(TestPluginsSession)
#include "test_plugins_session.moc"
