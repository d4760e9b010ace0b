// oauth2 through a real sluice (an HTTPS listener, as the provider's endpoints demand) and a real
// upstream: the client credentials, authorization code (with PKCE), implicit, password and refresh
// token grants of Kong 2.8, Kong's error bodies and challenges, the token on later requests and
// what the upstream learns, tokens written behind to the store (/oauth2_tokens) and made through
// the Admin API, expiry.
#include "plugin_test_bed.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSslSocket>
#include <QUrlQuery>
#include <QtTest>

using namespace sluice::test;

namespace {

// One request over TLS to the gateway's HTTPS listener (its default certificate is not checked).
HttpResponse httpsRequest(quint16 port, const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                          const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
  QSslSocket socket;
  socket.setPeerVerifyMode(QSslSocket::VerifyNone);
  socket.connectToHostEncrypted("127.0.0.1", port);
  HttpResponse r;
  if (!socket.waitForEncrypted(5000)) return r;
  QByteArray request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.isEmpty() || method == "POST") {
    request += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
  }
  socket.write(request + "\r\n" + body);
  QByteArray raw;
  while (socket.waitForReadyRead(5000)) raw += socket.readAll();
  raw += socket.readAll();
  const qsizetype end = raw.indexOf("\r\n\r\n");
  if (end < 0) return r;
  const QList<QByteArray> lines = raw.left(end).split('\n');
  r.status = lines.value(0).split(' ').value(1).toInt();
  for (qsizetype i = 1; i < lines.size(); ++i) {
    const QByteArray line = lines[i].trimmed();
    const qsizetype colon = line.indexOf(':');
    if (colon > 0) r.headers << qMakePair(line.left(colon), line.mid(colon + 1).trimmed());
  }
  r.body = raw.mid(end + 4);
  return r;
}

QByteArray form(const QList<QPair<QString, QString>>& fields) {
  QUrlQuery q;
  for (const auto& [name, value] : fields) q.addQueryItem(name, QString(QUrl::toPercentEncoding(value)));
  return q.toString(QUrl::FullyEncoded).toUtf8();
}

QString base64url(const QByteArray& bytes) {
  return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

}  // namespace

class TestPluginsOAuth2 : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  quint16 tls_ = 0;
  QString pluginId_, credentialId_;

  HttpResponse token(const QList<QPair<QString, QString>>& fields, const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
    return httpsRequest(tls_, "POST", "/oauth2/token", form(fields), headers);
  }
  HttpResponse authorize(const QList<QPair<QString, QString>>& fields) {
    return httpsRequest(tls_, "POST", "/oauth2/authorize", form(fields));
  }
  HttpResponse bearer(const QString& accessToken) {
    return bed_.proxy().request("GET", "/resource", {}, {{"Authorization", "Bearer " + accessToken.toUtf8()}});
  }
  QString clientCredentialsToken(const QString& scope = "email") {
    const HttpResponse r = token({{"grant_type", "client_credentials"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}, {"scope", scope}});
    return r.json()["access_token"].toString();
  }

 private slots:
  void initTestCase() {
    tls_ = SluiceProcess::freePort();
    bed_.sluice().setEnv("PROXY_LISTEN", QString("127.0.0.1:%1, 127.0.0.1:%2 ssl").arg(bed_.sluice().proxyPort()).arg(tls_));
    bed_.sluice().setEnv("TRUSTED_IPS", "127.0.0.1, ::1");  // this test plays the TLS-terminating proxy too
    QVERIFY(bed_.start());
    bed_.create("/consumers", {{"username", "app-owner"}});
    credentialId_ = bed_.create("/consumers/app-owner/oauth2", {{"name", "The App"}, {"client_id", "client-1"}, {"client_secret", "secret-1"},
                                                                {"redirect_uris", QJsonArray{"https://app.example/cb"}}})["id"].toString();
    QVERIFY(!credentialId_.isEmpty());
    bed_.create("/consumers/app-owner/oauth2", {{"name", "Hashed"}, {"client_id", "client-hashed"}, {"client_secret", "secret-h"},
                                                {"hash_secret", true}, {"redirect_uris", QJsonArray{"https://app.example/cb"}}});
    bed_.create("/consumers/app-owner/oauth2", {{"name", "Mobile"}, {"client_id", "client-public"}, {"client_type", "public"},
                                                {"redirect_uris", QJsonArray{"https://app.example/mobile"}}});
    pluginId_ = bed_.addPlugin({{"name", "oauth2"},
                                {"config", QJsonObject{{"scopes", QJsonArray{"email", "profile"}}, {"provision_key", "pk-1"},
                                                       {"enable_authorization_code", true}, {"enable_client_credentials", true},
                                                       {"enable_password_grant", true}, {"enable_implicit_grant", true}}}});
    QVERIFY(!pluginId_.isEmpty());
    QCOMPARE(bed_.until(401, "/resource").status, 401);
  }

  void theEndpointsWantHttpsAndPost() {
    HttpResponse r = bed_.proxy().request("POST", "/oauth2/token", "grant_type=client_credentials", {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["error"].toString(), QString("access_denied"));
    QCOMPARE(r.json()["error_description"].toString(), QString("You must use HTTPS"));
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    r = httpsRequest(tls_, "GET", "/oauth2/token");
    QCOMPARE(r.status, 405);
    QCOMPARE(r.json()["error"].toString(), QString("invalid_method"));
    QCOMPARE(r.json()["error_description"].toString(), QString("The HTTP method GET is invalid for the token endpoint"));
  }

  // accept_http_if_already_terminated: plain HTTP from a trusted proxy that says it terminated TLS.
  void acceptsHttpFromATrustedTerminatingProxy() {
    const QByteArray path = "/plugins/" + pluginId_.toUtf8();
    QCOMPARE(bed_.admin().sendJson("PATCH", path, {{"config", QJsonObject{{"accept_http_if_already_terminated", true}}}}).status, 200);
    const QByteArray body = form({{"grant_type", "client_credentials"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}});
    const QList<QPair<QByteArray, QByteArray>> formType{{"Content-Type", "application/x-www-form-urlencoded"}};
    QTRY_COMPARE_WITH_TIMEOUT(bed_.proxy().request("POST", "/oauth2/token", body, formType + QList<QPair<QByteArray, QByteArray>>{{"X-Forwarded-Proto", "https"}}).status,
                              200, 5000);
    HttpResponse r = bed_.proxy().request("POST", "/oauth2/token", body, formType);
    QCOMPARE(r.json()["error_description"].toString(), QString("You must use HTTPS"));
    r = bed_.proxy().request("POST", "/oauth2/token", body,
                             formType + QList<QPair<QByteArray, QByteArray>>{{"X-Forwarded-Proto", "https"}, {"X-Forwarded-Proto", "http"}});
    QCOMPARE(r.json()["error_description"].toString(), QString("Only one X-Forwarded-Proto header allowed"));
    QCOMPARE(bed_.admin().sendJson("PATCH", path, {{"config", QJsonObject{{"accept_http_if_already_terminated", false}}}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(bed_.proxy().request("POST", "/oauth2/token", body, formType + QList<QPair<QByteArray, QByteArray>>{{"X-Forwarded-Proto", "https"}}).status,
                              400, 5000);
  }

  void clientCredentials() {
    const HttpResponse r = token({{"grant_type", "client_credentials"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}, {"scope", "email"}});
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QCOMPARE(body["token_type"].toString(), QString("bearer"));
    QCOMPARE(body["expires_in"].toInt(), 7200);
    QVERIFY(!body.contains("refresh_token"));  // not for this grant
    QCOMPARE(body["access_token"].toString().size(), 32);
    const HttpResponse proxied = bearer(body["access_token"].toString());
    QCOMPARE(proxied.status, 200);
    const QJsonObject seen = PluginTestBed::upstreamHeaders(proxied);
    QCOMPARE(seen["x-consumer-username"].toString(), QString("app-owner"));
    QCOMPARE(seen["x-credential-identifier"].toString(), QString("client-1"));
    QCOMPARE(seen["x-authenticated-scope"].toString(), QString("email"));
    QVERIFY(!seen.contains("x-authenticated-userid"));
    QVERIFY(!seen.contains("x-anonymous-consumer"));
    // The secret, from HTTP Basic; a wrong one is a 401 with Basic's challenge.
    QCOMPARE(token({{"grant_type", "client_credentials"}}, {{"Authorization", "Basic " + QByteArray("client-hashed:secret-h").toBase64()}}).status, 200);
    const HttpResponse wrong = token({{"grant_type", "client_credentials"}}, {{"Authorization", "Basic " + QByteArray("client-1:nope").toBase64()}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json()["error"].toString(), QString("invalid_client"));
    QCOMPARE(wrong.header("WWW-Authenticate"), QByteArray("Basic realm=\"OAuth2.0\""));
    QCOMPARE(token({{"grant_type", "client_credentials"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}, {"scope", "admin"}})
                 .json()["error_description"].toString(),
             QString("\"admin\" is an invalid scope"));
  }

  void requestsWithoutAGoodToken() {
    HttpResponse r = bed_.proxy().get("/resource");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["error"].toString(), QString("invalid_request"));
    QCOMPARE(r.json()["error_description"].toString(), QString("The access token is missing"));
    QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer realm=\"service\""));
    r = bearer("not-a-token");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["error_description"].toString(), QString("The access token is invalid or has expired"));
    QVERIFY(r.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    // In the query string too.
    QCOMPARE(bed_.proxy().get("/resource?access_token=" + clientCredentialsToken().toUtf8()).status, 200);
  }

  void authorizationCodeWithPkce() {
    const QByteArray verifier = QByteArray("a-verifier-that-is-long-enough-for-rfc-7636-0123456789");
    const QString challenge = base64url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
    HttpResponse r = authorize({{"provision_key", "pk-1"}, {"authenticated_userid", "user-9"}, {"response_type", "code"}, {"client_id", "client-1"},
                                {"scope", "profile"}, {"state", "xyz"}, {"code_challenge", challenge}, {"code_challenge_method", "S256"}});
    QCOMPARE(r.status, 200);
    const QUrl redirect(r.json()["redirect_uri"].toString());
    QCOMPARE(redirect.host(), QString("app.example"));
    const QUrlQuery query(redirect);
    QCOMPARE(query.queryItemValue("state"), QString("xyz"));
    const QString code = query.queryItemValue("code");
    QCOMPARE(code.size(), 32);
    // A wrong verifier does not take the code; the right one does, once.
    const QList<QPair<QString, QString>> exchange{{"grant_type", "authorization_code"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}, {"code", code}};
    r = token(exchange + QList<QPair<QString, QString>>{{"code_verifier", QString(verifier).replace('a', 'b')}});
    QCOMPARE(r.json()["error"].toString(), QString("invalid_grant"));
    r = token(exchange);
    QCOMPARE(r.json()["error_description"].toString(), QString("code_verifier is required for PKCE authorization requests"));
    r = token(exchange + QList<QPair<QString, QString>>{{"code_verifier", verifier}});
    QCOMPARE(r.status, 200);
    const QString access = r.json()["access_token"].toString(), refresh = r.json()["refresh_token"].toString();
    QCOMPARE(refresh.size(), 32);
    QCOMPARE(token(exchange + QList<QPair<QString, QString>>{{"code_verifier", verifier}}).json()["error_description"].toString(), QString("Invalid code"));
    const QJsonObject seen = PluginTestBed::upstreamHeaders(bearer(access));
    QCOMPARE(seen["x-authenticated-userid"].toString(), QString("user-9"));
    QCOMPARE(seen["x-authenticated-scope"].toString(), QString("profile"));
    // The refresh token gives a new access token; the old one is gone.
    r = token({{"grant_type", "refresh_token"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}, {"refresh_token", refresh}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.json()["access_token"].toString() != access);
    QCOMPARE(bearer(r.json()["access_token"].toString()).status, 200);
    QCOMPARE(bearer(access).status, 401);
    // A public client must use PKCE.
    r = authorize({{"provision_key", "pk-1"}, {"authenticated_userid", "user-9"}, {"response_type", "code"}, {"client_id", "client-public"}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.json()["redirect_uri"].toString().contains("error_description=code_challenge%20is%20required%20for%20public%20clients"));
  }

  void authorizeRefusesWithKongsErrors() {
    HttpResponse r = authorize({{"provision_key", "wrong"}, {"authenticated_userid", "u"}, {"response_type", "code"}, {"client_id", "client-1"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["error"].toString(), QString("invalid_provision_key"));
    r = authorize({{"provision_key", "pk-1"}, {"response_type", "code"}, {"client_id", "client-1"}});
    QCOMPARE(r.json()["error_description"].toString(), QString("Missing authenticated_userid parameter"));
    r = authorize({{"provision_key", "pk-1"}, {"authenticated_userid", "u"}, {"response_type", "code"}, {"client_id", "nobody"}});
    QCOMPARE(r.json()["error"].toString(), QString("invalid_client"));
    r = authorize({{"provision_key", "pk-1"}, {"authenticated_userid", "u"}, {"response_type", "code"}, {"client_id", "client-1"},
                   {"redirect_uri", "https://evil.example/"}});
    QVERIFY(r.json()["redirect_uri"].toString().startsWith("https://app.example/cb?error=invalid_request"));
  }

  void implicitAndPasswordGrants() {
    HttpResponse r = authorize({{"provision_key", "pk-1"}, {"authenticated_userid", "u-1"}, {"response_type", "token"}, {"client_id", "client-1"}, {"state", "s"}});
    QCOMPARE(r.status, 200);
    const QUrlQuery fragment(QUrl(r.json()["redirect_uri"].toString()).fragment());
    QCOMPARE(fragment.queryItemValue("token_type"), QString("bearer"));
    QCOMPARE(fragment.queryItemValue("state"), QString("s"));
    QVERIFY(!fragment.hasQueryItem("refresh_token"));
    QCOMPARE(bearer(fragment.queryItemValue("access_token")).status, 200);
    r = token({{"grant_type", "password"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}, {"provision_key", "pk-1"}, {"authenticated_userid", "u-2"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().contains("refresh_token"));
    QCOMPARE(PluginTestBed::upstreamHeaders(bearer(r.json()["access_token"].toString()))["x-authenticated-userid"].toString(), QString("u-2"));
    r = token({{"grant_type", "password"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}, {"authenticated_userid", "u-2"}});
    QCOMPARE(r.json()["error"].toString(), QString("invalid_provision_key"));
  }

  // Tokens reach the store (other nodes, restarts); one made through the Admin API works.
  void tokensLiveInTheStore() {
    const QString access = clientCredentialsToken();
    QTRY_VERIFY_WITH_TIMEOUT(bed_.admin().get("/oauth2_tokens/" + access.toUtf8()).status == 200, 5000);
    const QJsonObject stored = bed_.admin().get("/oauth2_tokens/" + access.toUtf8()).json();
    QCOMPARE(stored["credential"].toObject()["id"].toString(), credentialId_);
    QCOMPARE(stored["service"].toObject()["id"].toString(), bed_.serviceId());
    QCOMPARE(stored["expires_in"].toInt(), 7200);
    const QJsonObject made = bed_.create("/oauth2_tokens", {{"credential", QJsonObject{{"id", credentialId_}}},
                                                            {"service", QJsonObject{{"id", bed_.serviceId()}}},
                                                            {"expires_in", 3600}, {"access_token", "made-by-hand"}, {"scope", "email"}});
    QCOMPARE(made["token_type"].toString(), QString("bearer"));
    QTRY_COMPARE_WITH_TIMEOUT(bearer("made-by-hand").status, 200, 5000);
    QCOMPARE(bed_.admin().del("/oauth2_tokens/made-by-hand").status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(bearer("made-by-hand").status, 401, 5000);
  }

  void tokensExpire() {
    QCOMPARE(bed_.admin().sendJson("PATCH", "/plugins/" + pluginId_.toUtf8(), {{"config", QJsonObject{{"token_expiration", 1}}}}).status, 200);
    QString access;
    QTRY_VERIFY_WITH_TIMEOUT(!(access = clientCredentialsToken()).isEmpty() &&
                                 token({{"grant_type", "client_credentials"}, {"client_id", "client-1"}, {"client_secret", "secret-1"}})
                                         .json()["expires_in"].toInt() == 1,
                             5000);
    access = clientCredentialsToken();
    QCOMPARE(bearer(access).status, 200);
    QTest::qWait(2200);
    QCOMPARE(bearer(access).status, 401);
    QCOMPARE(bed_.admin().sendJson("PATCH", "/plugins/" + pluginId_.toUtf8(), {{"config", QJsonObject{{"token_expiration", 7200}}}}).status, 200);
  }

  void configsAreKongs() {
    const auto post = [this](const QJsonObject& config) { return bed_.admin().sendJson("POST", "/plugins", {{"name", "oauth2"}, {"route", QJsonObject{{"id", bed_.routeId()}}}, {"config", config}}); };
    HttpResponse r = post({});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["@entity"].toArray().at(0).toString(),
             QString("at least one of these fields must be true: enable_authorization_code, enable_implicit_grant, enable_client_credentials, enable_password_grant"));
    r = post({{"enable_password_grant", true}, {"mandatory_scope", true}});
    QCOMPARE(r.json()["fields"].toObject()["config"].toObject()["scopes"].toString(), QString("required field missing"));
    r = post({{"enable_password_grant", true}});
    QCOMPARE(r.status, 201);
    const QJsonObject config = r.json()["config"].toObject();
    QCOMPARE(config["provision_key"].toString().size(), 32);  // generated
    QCOMPARE(config["token_expiration"].toInt(), 7200);
    QCOMPARE(config["pkce"].toString(), QString("lax"));
    QCOMPARE(config["auth_header_name"].toString(), QString("authorization"));
    QCOMPARE(bed_.admin().del("/plugins/" + r.json()["id"].toString().toUtf8()).status, 204);
    // Credentials: redirect URIs are checked, hashed secrets are stored as Kong hashes them.
    r = bed_.admin().sendJson("POST", "/consumers/app-owner/oauth2", {{"name", "bad"}, {"redirect_uris", QJsonArray{"not a uri"}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["redirect_uris"].toArray().at(0).toString(), QString("cannot parse 'not a uri'"));
    const QJsonObject hashed = bed_.admin().get("/oauth2/client-hashed").json();
    QVERIFY(hashed["client_secret"].toString().startsWith("$pbkdf2-sha512$i=10000,l=32$"));
    QCOMPARE(hashed["client_type"].toString(), QString("confidential"));
  }
};

QTEST_GUILESS_MAIN(TestPluginsOAuth2)
#include "test_plugins_oauth2.moc"
