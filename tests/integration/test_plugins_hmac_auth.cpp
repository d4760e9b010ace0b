// hmac-auth through a real sluice and a real upstream, signed here with Qt's HMAC (an
// implementation apart from the gateway's): Kong 2.8's answers and their order, every algorithm,
// the pseudo headers, enforced headers, the body digest, hidden credentials, anonymous, and the
// credentials' endpoints.
#include "plugin_test_bed.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace sluice::test;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

QByteArray httpDate(qint64 offsetSeconds = 0) {
  return QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(offsetSeconds), "ddd, dd MMM yyyy hh:mm:ss 'GMT'").toLatin1();
}

QCryptographicHash::Algorithm algorithmOf(const QByteArray& name) {
  if (name == "hmac-sha1") return QCryptographicHash::Sha1;
  if (name == "hmac-sha384") return QCryptographicHash::Sha384;
  if (name == "hmac-sha512") return QCryptographicHash::Sha512;
  return QCryptographicHash::Sha256;
}

// `hmac username="...", algorithm="...", headers="...", signature="..."` over `signing`.
QByteArray authorization(const QByteArray& user, const QByteArray& secret, const QByteArray& algorithm, const QByteArray& headers,
                         const QByteArray& signing) {
  const QByteArray signature = QMessageAuthenticationCode::hash(signing, secret, algorithmOf(algorithm)).toBase64();
  return "hmac username=\"" + user + "\", algorithm=\"" + algorithm + "\", headers=\"" + headers + "\", signature=\"" + signature + "\"";
}

}  // namespace

class TestPluginsHmacAuth : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  QString nobodyId_;

  HttpResponse get(const Headers& headers, const QByteArray& path = "/") { return bed_.proxy().request("GET", path, {}, headers); }
  // A GET signed over "date request-line".
  HttpResponse signedGet(const QByteArray& user, const QByteArray& secret, const QByteArray& algorithm = "hmac-sha256",
                         const QByteArray& header = "Authorization") {
    const QByteArray date = httpDate();
    const QByteArray signing = "date: " + date + "\nGET /?q=1 HTTP/1.1";
    return get({{"Date", date}, {header, authorization(user, secret, algorithm, "date request-line", signing)}}, "/?q=1");
  }
  void usePlugin(const QJsonObject& config = {}) {
    bed_.addPlugin({{"name", "hmac-auth"}, {"config", config}});
    QCOMPARE(bed_.until(401, "/").status, 401);
  }

 private slots:
  void initTestCase() {
    QVERIFY(bed_.start());
    for (const char* name : {"ann", "nobody"}) bed_.create("/consumers", {{"username", name}});
    nobodyId_ = bed_.admin().get("/consumers/nobody").json()["id"].toString();
    QCOMPARE(bed_.create("/consumers/ann/hmac-auth", {{"username", "ann"}, {"secret", "ann-secret"}})["username"].toString(), QString("ann"));
  }

  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void credentialsHaveKongsEndpoints() {
    const QJsonObject made = bed_.create("/consumers/nobody/hmac-auth", {{"username", "generated"}});
    QCOMPARE(made["secret"].toString().size(), 32);  // generated when absent
    QCOMPARE(bed_.admin().get("/hmac-auths/generated").json()["consumer"].toObject()["id"].toString(), nobodyId_);
    QCOMPARE(bed_.admin().get("/hmac-auths").json()["data"].toArray().size(), 2);
    QCOMPARE(bed_.admin().sendJson("POST", "/consumers/ann/hmac-auth", {{"username", "generated"}}).status, 409);  // unique
    QCOMPARE(bed_.admin().sendJson("POST", "/consumers/ann/hmac-auth", QJsonObject{}).json()["fields"].toObject()["username"].toString(),
             QString("required field missing"));
    QCOMPARE(bed_.admin().del("/hmac-auths/generated").status, 204);
    const QJsonObject schema = bed_.admin().get("/schemas/plugins/hmac-auth").json();
    QVERIFY(QJsonDocument(schema).toJson(QJsonDocument::Compact).contains(R"("default":["hmac-sha1","hmac-sha256","hmac-sha384","hmac-sha512"])"));
    QCOMPARE(bed_.admin().get("/schemas/hmacauth_credentials").status, 200);
  }

  void kongsAnswersInKongsOrder() {
    usePlugin();
    auto r = get({});
    QCOMPARE(r.json()["message"].toString(), QString("Unauthorized"));
    QVERIFY(r.header("WWW-Authenticate").isEmpty());  // (Kong 2.8's hmac-auth sends none)
    const QByteArray noDate = "HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication";
    QCOMPARE(get({{"Authorization", "hmac whatever"}}).json()["message"].toString().toLatin1(), noDate);
    QCOMPARE(get({{"Authorization", "hmac whatever"}, {"Date", httpDate(-400)}}).json()["message"].toString().toLatin1(), noDate);
    QCOMPARE(get({{"Authorization", "hmac whatever"}, {"Date", "yesterday"}}).json()["message"].toString().toLatin1(), noDate);
    QCOMPARE(get({{"Authorization", "hmac whatever"}, {"Date", httpDate()}}).json()["message"].toString(),
             QString("HMAC signature cannot be verified"));
    QCOMPARE(signedGet("stranger", "x").json()["message"].toString(), QString("HMAC signature cannot be verified"));
    r = signedGet("ann", "wrong-secret");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("HMAC signature does not match"));
  }

  void everyAlgorithmIdentifiesTheConsumer() {
    usePlugin();
    for (const QByteArray algorithm : {"hmac-sha1", "hmac-sha256", "hmac-sha384", "hmac-sha512"}) {
      const auto r = signedGet("ann", "ann-secret", algorithm);
      QVERIFY2(r.status == 200, algorithm.constData());
      const auto h = PluginTestBed::upstreamHeaders(r);
      QCOMPARE(h["x-consumer-username"].toString(), QString("ann"));
      QCOMPARE(h["x-credential-identifier"].toString(), QString("ann"));
      QCOMPARE(h["x-credential-username"].toString(), QString("ann"));
      QVERIFY(h["authorization"].toString().startsWith("hmac "));  // hide_credentials is off
    }
    // Only the configured algorithms.
    QVERIFY(bed_.removePlugins());
    usePlugin({{"algorithms", QJsonArray{"hmac-sha512"}}});
    QCOMPARE(signedGet("ann", "ann-secret", "hmac-sha256").json()["message"].toString(), QString("HMAC signature cannot be verified"));
    QCOMPARE(signedGet("ann", "ann-secret", "hmac-sha512").status, 200);
  }

  void pseudoHeadersXDateAndEnforcedHeaders() {
    usePlugin({{"enforce_headers", QJsonArray{"x-date", "@request-target"}}});
    const QByteArray date = httpDate();
    const QByteArray signing = "x-date: " + date + "\n@request-target: get /things?a=b\nx-custom: v";
    auto r = get({{"X-Date", date}, {"X-Custom", "v"},
                  {"Authorization", authorization("ann", "ann-secret", "hmac-sha1", "x-date @request-target x-custom", signing)}},
                 "/things?a=b");
    QCOMPARE(r.status, 200);
    // A signature that leaves out an enforced header is refused.
    r = get({{"X-Date", date}, {"Authorization", authorization("ann", "ann-secret", "hmac-sha1", "x-date", "x-date: " + date)}});
    QCOMPARE(r.json()["message"].toString(), QString("HMAC signature cannot be verified"));
    // A listed header the request lacks signs as "name:".
    r = get({{"X-Date", date},
             {"Authorization", authorization("ann", "ann-secret", "hmac-sha1", "x-date @request-target x-absent",
                                             "x-date: " + date + "\n@request-target: get /\nx-absent:")}});
    QCOMPARE(r.status, 200);
  }

  void theBodyMatchesItsDigest() {
    usePlugin({{"validate_request_body", true}});
    const QByteArray body = R"({"order": 42})";
    const QByteArray digest = "SHA-256=" + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toBase64();
    const auto post = [&](const QByteArray& sentBody, const QByteArray& digestHeader) {
      const QByteArray date = httpDate();
      Headers headers{{"Date", date}, {"Content-Type", "application/json"},
                      {"Authorization", authorization("ann", "ann-secret", "hmac-sha256", "date", "date: " + date)}};
      if (!digestHeader.isEmpty()) headers.append({"Digest", digestHeader});
      return bed_.proxy().request("POST", "/", sentBody, headers);
    };
    QCOMPARE(post(body, digest).status, 200);
    QCOMPARE(post(body, "SHA-256=" + QCryptographicHash::hash("other", QCryptographicHash::Sha256).toBase64()).json()["message"].toString(),
             QString("HMAC signature does not match"));
    QCOMPARE(post(body, {}).status, 401);  // a body needs its digest
    QCOMPARE(post({}, {}).status, 200);    // no body, no digest
  }

  void declarativeFilesCarryTheCredentials() {
    const QString yaml = "_format_version: \"2.1\"\nconsumers:\n- username: dee\n  hmacauth_credentials:\n"
                         "  - username: dee\n    secret: dee-secret\n";
    const auto applied = bed_.admin().sendJson("POST", "/sluice/config/apply", {{"config", yaml}});
    QVERIFY2(applied.status == 200 || applied.status == 201, applied.body.constData());
    QVERIFY(bed_.admin().get("/sluice/config").body.contains("hmacauth_credentials"));
    usePlugin();
    QTRY_COMPARE_WITH_TIMEOUT(signedGet("dee", "dee-secret").status, 200, 5000);
  }

  void hidesCredentialsAndFallsBackToAnonymous() {
    bed_.addPlugin({{"name", "hmac-auth"}, {"config", QJsonObject{{"hide_credentials", true}, {"anonymous", nobodyId_}}}});
    QTRY_VERIFY_WITH_TIMEOUT(PluginTestBed::upstreamHeaders(bed_.proxy().get("/")).contains("x-anonymous-consumer"), 5000);
    auto r = signedGet("ann", "ann-secret");
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(), QString("ann"));
    QVERIFY(!PluginTestBed::upstreamHeaders(r).contains("authorization"));
    r = signedGet("ann", "ann-secret", "hmac-sha256", "Proxy-Authorization");
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-consumer-username"].toString(), QString("ann"));
    QVERIFY(!PluginTestBed::upstreamHeaders(r).contains("proxy-authorization"));
    r = signedGet("ann", "wrong");
    QCOMPARE(r.status, 200);
    const auto h = PluginTestBed::upstreamHeaders(r);
    QCOMPARE(h["x-consumer-username"].toString(), QString("nobody"));
    QCOMPARE(h["x-anonymous-consumer"].toString(), QString("true"));
    QVERIFY(!h.contains("x-credential-username"));
  }
};

QTEST_GUILESS_MAIN(TestPluginsHmacAuth)
#include "test_plugins_hmac_auth.moc"
