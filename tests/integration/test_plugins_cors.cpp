// cors through a real sluice and a real upstream: preflights, allowed origins, credentials.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestPluginsCors : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

  HttpResponse send(const QByteArray& method, const QList<QPair<QByteArray, QByteArray>>& headers) {
    return bed_.proxy().request(method, "/", {}, headers);
  }
  HttpResponse waitForCors(const QList<QPair<QByteArray, QByteArray>>& headers) {
    HttpResponse r;
    for (int i = 0; i < 100 && r.header("Access-Control-Allow-Methods").isEmpty(); ++i) {
      r = send("OPTIONS", headers);
      QTest::qWait(50);
    }
    return r;
  }

 private slots:
  void initTestCase() { QVERIFY(bed_.start()); }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void preflightIsAnsweredByTheGateway() {
    bed_.addPlugin({{"name", "cors"},
                    {"config", QJsonObject{{"origins", QJsonArray{"http://app.example.com", "https://.*\\.example\\.org"}},
                                           {"headers", QJsonArray{"X-Token", "Content-Type"}},
                                           {"max_age", 3600},
                                           {"credentials", true}}}});
    const auto r = waitForCors({{"Origin", "http://app.example.com"}, {"Access-Control-Request-Method", "PUT"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray());
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://app.example.com"));
    QCOMPARE(r.header("Access-Control-Allow-Credentials"), QByteArray("true"));
    QCOMPARE(r.header("Access-Control-Allow-Headers"), QByteArray("X-Token,Content-Type"));
    QCOMPARE(r.header("Access-Control-Allow-Methods"), QByteArray("GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS,TRACE,CONNECT"));
    QCOMPARE(r.header("Access-Control-Max-Age"), QByteArray("3600"));
    QCOMPARE(r.header("Vary"), QByteArray("Origin"));

    // Origins: by regex, with the default port made explicit, and an unknown one.
    QCOMPARE(send("OPTIONS", {{"Origin", "https://api.example.org"}, {"Access-Control-Request-Method", "GET"}}).header("Access-Control-Allow-Origin"),
             QByteArray("https://api.example.org"));
    QCOMPARE(send("GET", {{"Origin", "http://app.example.com:80"}}).header("Access-Control-Allow-Origin"), QByteArray("http://app.example.com:80"));
    const auto stranger = send("GET", {{"Origin", "http://evil.example.net"}});
    QCOMPARE(stranger.status, 200);  // not blocked: the browser enforces, the gateway only declines to allow
    QVERIFY(stranger.header("Access-Control-Allow-Origin").isEmpty());
  }

  void actualRequestsGetHeadersOnTheUpstreamResponse() {
    bed_.addPlugin({{"name", "cors"}, {"config", QJsonObject{{"exposed_headers", QJsonArray{"X-Upstream"}}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(!(r = send("GET", {{"Origin", "http://any.example"}})).header("Access-Control-Allow-Origin").isEmpty(), 5000);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(r.header("Access-Control-Expose-Headers"), QByteArray("X-Upstream"));
    QCOMPARE(r.header("X-Upstream"), QByteArray("test"));  // the upstream's own headers stay
    QCOMPARE(r.json()["method"].toString(), QString("GET"));
    // An OPTIONS that is not a preflight (no Access-Control-Request-Method) goes upstream.
    QCOMPARE(send("OPTIONS", {{"Origin", "http://any.example"}}).json()["method"].toString(), QString("OPTIONS"));
  }

  void preflightContinueLetsTheUpstreamAnswer() {
    bed_.addPlugin({{"name", "cors"}, {"config", QJsonObject{{"preflight_continue", true}}}});
    QTest::qWait(300);
    HttpResponse r;
    QTRY_COMPARE_WITH_TIMEOUT((r = send("GET", {{"Origin", "http://x.example"}})).header("Access-Control-Allow-Origin"), QByteArray("*"), 5000);
    r = send("OPTIONS", {{"Origin", "http://x.example"}, {"Access-Control-Request-Method", "GET"}});
    QCOMPARE(r.json()["method"].toString(), QString("OPTIONS"));
  }

  void credentialsWithAnyOriginEchoTheOrigin() {
    bed_.addPlugin({{"name", "cors"}, {"config", QJsonObject{{"credentials", true}}}});
    HttpResponse r;
    QTRY_COMPARE_WITH_TIMEOUT((r = send("GET", {{"Origin", "http://site.example"}})).header("Access-Control-Allow-Credentials"), QByteArray("true"), 5000);
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://site.example"));
  }

  void corsHeadersReachErrorsOfLaterPlugins() {
    bed_.addPlugin({{"name", "cors"}});
    bed_.addPlugin({{"name", "key-auth"}});
    const auto r = bed_.until(401, "/");
    QVERIFY(r.status == 401);
    QCOMPARE(send("GET", {{"Origin", "http://a.example"}}).header("Access-Control-Allow-Origin"), QByteArray("*"));
  }

  void invalidOriginRegexIsRefused() {
    const auto r = bed_.admin().sendJson("POST", "/plugins", {{"name", "cors"}, {"config", QJsonObject{{"origins", QJsonArray{"https://(unclosed"}}}}});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("invalid regex"), r.body.constData());
  }
};

QTEST_GUILESS_MAIN(TestPluginsCors)
#include "test_plugins_cors.moc"
