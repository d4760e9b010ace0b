// gRPC through the gateway: routes with protocols grpc/grpcs, services with protocol grpc (h2c to
// the upstream, calls multiplexed on the worker's HTTP/2 connections), every RPC shape with its
// trailers, statuses and deadlines, Kong's checks of a gRPC route, and the gateway's own answers
// as gRPC statuses. A real gRPC server and client from Debian's python3-grpcio
// (tests/support/grpc_echo.py), over h2c and TLS to the gateway.
#include "sluice_process.h"
#include "test_certificates.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace sluice::test;

namespace {

const QString kScript = QStringLiteral(SLUICE_GRPC_ECHO);

// One call through `port` with grpc_echo.py's client: everything it printed.
QByteArray call(quint16 port, const QString& shape, const QStringList& metadata = {}, const QString& rootCert = {}) {
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  if (!rootCert.isEmpty()) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GRPC_ROOT_CERT", rootCert);
    p.setProcessEnvironment(env);
  }
  p.start("/usr/bin/python3", QStringList{kScript, "call", QString("127.0.0.1:%1").arg(port), shape} + metadata);
  p.waitForFinished(30000);
  return p.readAll().trimmed();
}

}  // namespace

class TestGrpc : public QObject {
  Q_OBJECT

  QProcess server_, tlsServer_;
  quint16 tlsServerPort_ = 0;
  QTemporaryDir certs_;
  quint16 serverPort_ = 0, h2cPort_ = 0, tlsPort_ = 0;
  SluiceProcess sluice_;

 private slots:
  void initTestCase() {
    serverPort_ = SluiceProcess::freePort();
    server_.setProcessChannelMode(QProcess::MergedChannels);
    server_.start("/usr/bin/python3", {kScript, "serve", QString::number(serverPort_)});
    QVERIFY(server_.waitForStarted(5000));
    QByteArray said;
    QElapsedTimer started;
    started.start();
    while (!said.contains("listening") && started.elapsed() < 15000)
      if (server_.waitForReadyRead(200)) said += server_.readAll();
    QVERIFY2(said.contains("listening"), said.constData());

    h2cPort_ = sluice_.proxyPort();
    tlsPort_ = SluiceProcess::freePort();
    sluice_.setEnv("PROXY_LISTEN", QString("127.0.0.1:%1 http2, 127.0.0.1:%2 http2 ssl").arg(h2cPort_).arg(tlsPort_));
    QVERIFY(sluice_.start());
    HttpClient admin = sluice_.admin();
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "echo"}, {"url", QString("grpc://127.0.0.1:%1").arg(serverPort_)}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/echo/routes", {{"name", "echo"}, {"protocols", QJsonArray{"grpc", "grpcs"}},
                                                             {"paths", QJsonArray{"/echo.Echo/"}}, {"strip_path", false}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/echo/routes", {{"name", "tls-only"}, {"protocols", QJsonArray{"grpcs"}},
                                                             {"paths", QJsonArray{"/echo.Echo/Bidi"}}, {"strip_path", false}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "down"}, {"url", QString("grpc://127.0.0.1:%1").arg(SluiceProcess::freePort())}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/down/routes", {{"protocols", QJsonArray{"grpc"}}, {"paths", QJsonArray{"/down.Down/"}}}).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(call(h2cPort_, "unary").startsWith("echo:hello"), 10000);
  }

  void cleanupTestCase() {
    QVERIFY(sluice_.stop());
    for (QProcess* p : {&server_, &tlsServer_}) p->kill(), p->waitForFinished(5000);
  }

  void grpcsServicesSpeakH2OverTls() {
    // The same server over TLS, its certificate from a test CA: a grpcs service verifies it
    // against that CA (tls_verify), and refuses it without the CA.
    const PemPair ca = certificateAuthority("Sluice gRPC test CA");
    const PemPair leaf = signedBy(ca, "127.0.0.1");
    const auto write = [this](const QString& name, const QByteArray& pem) {
      QFile f(certs_.path() + "/" + name);
      return f.open(QIODevice::WriteOnly) && f.write(pem) == pem.size();
    };
    QVERIFY(write("leaf.crt", leaf.cert) && write("leaf.key", leaf.key));
    tlsServerPort_ = SluiceProcess::freePort();
    tlsServer_.setProcessChannelMode(QProcess::MergedChannels);
    tlsServer_.start("/usr/bin/python3", {kScript, "serve", QString::number(tlsServerPort_), certs_.path() + "/leaf.crt",
                                          certs_.path() + "/leaf.key"});
    QByteArray said;
    QElapsedTimer started;
    started.start();
    while (!said.contains("listening") && started.elapsed() < 15000)
      if (tlsServer_.waitForReadyRead(200)) said += tlsServer_.readAll();
    QVERIFY2(said.contains("listening"), said.constData());

    HttpClient admin = sluice_.admin();
    const QJsonObject caEntity = admin.create("/ca_certificates", {{"cert", QString(ca.cert)}});
    const QString url = QString("grpcs://127.0.0.1:%1").arg(tlsServerPort_);
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "verified"}, {"url", url}, {"tls_verify", true},
                                                 {"ca_certificates", QJsonArray{caEntity["id"]}}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "unverifiable"}, {"url", url}, {"tls_verify", true}}).status, 201);
    // Header-matched routes (they outrank the path-only one) pick the service per call.
    const auto route = [&admin](const QString& service, const QString& value) {
      return admin.sendJson("POST", ("/services/" + service + "/routes").toUtf8(),
                            {{"protocols", QJsonArray{"grpc"}}, {"paths", QJsonArray{"/echo.Echo/"}}, {"strip_path", false},
                             {"headers", QJsonObject{{"x-upstream", QJsonArray{value}}}}}).status;
    };
    QCOMPARE(route("verified", "tls"), 201);
    QCOMPARE(route("unverifiable", "untrusted"), 201);
    QTRY_COMPARE_WITH_TIMEOUT(call(h2cPort_, "unary", {"x-upstream=tls"}), QByteArray("echo:hello auth=- kept"), 10000);
    QCOMPARE(call(h2cPort_, "bidi", {"x-upstream=tls"}), QByteArray("re:one\nre:two\nre:three"));
    QCOMPARE(call(h2cPort_, "unary", {"x-upstream=untrusted"}), QByteArray("error INTERNAL An invalid response was received from the upstream server"));
  }

  void everyShapeWithItsTrailers() {
    QCOMPARE(call(h2cPort_, "unary"), QByteArray("echo:hello auth=- kept"));  // "kept": the server's trailer came through
    QCOMPARE(call(h2cPort_, "server-stream"), QByteArray("0:abcde\n1:abcde\n2:abcde\n3:abcde\n4:abcde"));
    QCOMPARE(call(h2cPort_, "client-stream"), QByteArray("a+b+cccccccccccccccc"));  // (its last message is 100 kB)
    QCOMPARE(call(tlsPort_, "bidi", {}, sluice_.prefix() + "/ssl/sluice-default.crt"), QByteArray("re:one\nre:two\nre:three"));
  }

  void statusesAndDeadlinesPassThrough() {
    QCOMPARE(call(h2cPort_, "unary", {"x-fail=7"}), QByteArray("error PERMISSION_DENIED failed on purpose"));
    QCOMPARE(call(h2cPort_, "deadline"), QByteArray("error DEADLINE_EXCEEDED Deadline Exceeded"));
    QCOMPARE(call(h2cPort_, "unary", {"authorization=Bearer t"}), QByteArray("echo:hello auth=Bearer t kept"));  // metadata goes up
  }

  void theGatewayKeepsDeadlinesAndReadTimeouts() {
    // A client that sends grpc-timeout but does not keep the deadline itself (curl): the gateway
    // ends the call at the deadline with DEADLINE_EXCEEDED and cancels the server's stream.
    QFile message(certs_.path() + "/slow-3s.msg");
    QVERIFY(message.open(QIODevice::WriteOnly) && message.write(QByteArray("\0\0\0\0\1" "3", 6)) == 6);
    message.close();
    QElapsedTimer took;
    took.start();
    QProcess curl;
    curl.start("curl", {"-s", "-i", "--http2-prior-knowledge", "-H", "content-type: application/grpc", "-H", "te: trailers",
                        "-H", "grpc-timeout: 300m", "--data-binary", "@" + message.fileName(),
                        QString("http://127.0.0.1:%1/echo.Echo/Slow").arg(h2cPort_)});
    QVERIFY(curl.waitForFinished(10000));
    const QByteArray answer = curl.readAllStandardOutput();
    QVERIFY2(answer.contains("grpc-status: 4"), answer.constData());
    QVERIFY2(took.elapsed() < 2500, QByteArray::number(took.elapsed()).constData());
    // A service's read_timeout bounds the silence between the server's messages.
    HttpClient admin = sluice_.admin();
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "impatient"}, {"url", QString("grpc://127.0.0.1:%1").arg(serverPort_)},
                                                 {"read_timeout", 500}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/impatient/routes", {{"protocols", QJsonArray{"grpc"}},
                                                                  {"paths", QJsonArray{"/echo.Echo/Slow"}}, {"strip_path", false}}).status, 201);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString slowCall = QString("import grpc\n"
                                     "try: print(grpc.insecure_channel('127.0.0.1:%1').unary_unary('/echo.Echo/Slow')(b'%2', timeout=10))\n"
                                     "except grpc.RpcError as e: print(e.code().name, e.details())").arg(h2cPort_);
    QTRY_VERIFY_WITH_TIMEOUT((p.start("/usr/bin/python3", {"-c", slowCall.arg("3")}), p.waitForFinished(30000),
                              p.readAll().trimmed() == "DEADLINE_EXCEEDED The upstream server is timing out"), 15000);
    // A call that answers within it is not cut.
    p.start("/usr/bin/python3", {"-c", slowCall.arg("0.2")});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(!p.readAll().contains("DEADLINE"));
  }

  void theGatewaysOwnAnswersAreGrpcStatuses() {
    // A grpcs route over h2c: Kong's 200 with grpc-status 1.
    QCOMPARE(call(h2cPort_, "bidi"), QByteArray("error CANCELLED gRPC request matched gRPCs route"));
    // The upstream down: 502, as gRPC's INTERNAL with Kong's message.
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("/usr/bin/python3", {"-c", QString("import grpc\n"
                                               "try: grpc.insecure_channel('127.0.0.1:%1').unary_unary('/down.Down/X')(b'x', timeout=10)\n"
                                               "except grpc.RpcError as e: print(e.code().name, e.details())").arg(h2cPort_)});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.readAll().trimmed(), QByteArray("INTERNAL An invalid response was received from the upstream server"));
    // A plugin refusing: key-auth's 401 is UNAUTHENTICATED; with the key the call goes through.
    HttpClient admin = sluice_.admin();
    QCOMPARE(admin.sendJson("POST", "/routes/echo/plugins", {{"name", "key-auth"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/consumers", {{"username", "caller"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/consumers/caller/key-auth", {{"key", "caller-key"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(call(h2cPort_, "unary"), QByteArray("error UNAUTHENTICATED No API key found in request"), 10000);
    QCOMPARE(call(h2cPort_, "unary", {"apikey=caller-key"}), QByteArray("echo:hello auth=- kept"));
    QVERIFY(admin.del("/routes/echo/plugins/" + admin.get("/routes/echo/plugins").json()["data"].toArray()[0].toObject()["id"].toString().toUtf8()).status == 204);
  }

  void pluginsRunForTheProtocolsTheyName() {
    HttpClient admin = sluice_.admin();
    // Kong's check on writes: a route's plugin shares one of the route's protocols.
    HttpResponse r = admin.sendJson("POST", "/routes/echo/plugins", {{"name", "key-auth"}, {"protocols", QJsonArray{"http", "https"}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["message"].toString(), QString("schema violation (protocols: must match the associated route's protocols)"));
    r = admin.sendJson("POST", "/services/echo/plugins", {{"name", "key-auth"}, {"protocols", QJsonArray{"http"}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["protocols"].toString(),
             QString("must match the protocols of at least one route pointing to this Plugin's service"));
    // A global key-auth for grpc calls refuses them; the same for http/https only lets them through.
    const QJsonObject keyAuth = admin.create("/plugins", {{"name", "key-auth"}, {"protocols", QJsonArray{"grpc"}}});
    QTRY_COMPARE_WITH_TIMEOUT(call(h2cPort_, "unary"), QByteArray("error UNAUTHENTICATED No API key found in request"), 10000);
    const QByteArray path = "/plugins/" + keyAuth["id"].toString().toUtf8();
    QCOMPARE(admin.sendJson("PATCH", path, {{"protocols", QJsonArray{"http", "https"}}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(call(h2cPort_, "unary"), QByteArray("echo:hello auth=- kept"), 10000);
    QCOMPARE(admin.del(path).status, 204);
  }

  void rateLimitingIpRestrictionCorsAndPrometheus() {
    HttpClient admin = sluice_.admin();
    const QJsonObject limit = admin.create("/routes/echo/plugins", {{"name", "rate-limiting"},
                                                                   {"config", QJsonObject{{"hour", 2}, {"policy", "local"}}}});
    const QJsonObject cors = admin.create("/routes/echo/plugins", {{"name", "cors"}});
    const QJsonObject prometheus = admin.create("/plugins", {{"name", "prometheus"}});
    // The limit's headers come as the call's initial metadata; cors adds nothing to a gRPC call.
    // (Not QTRY: it evaluates its expression again after success, and every call counts.)
    QByteArray first;
    QElapsedTimer waited;
    waited.start();
    while (!(first = call(h2cPort_, "headers", {"origin=http://app.test"})).contains("x-ratelimit-limit-hour=2") &&
           waited.elapsed() < 10000)
      QTest::qWait(100);
    QVERIFY2(first.contains("x-ratelimit-remaining-hour=1"), first.constData());
    const QByteArray second = call(h2cPort_, "headers", {"origin=http://app.test"});
    QVERIFY2(second.contains("x-ratelimit-remaining-hour=0"), second.constData());
    QVERIFY2(!second.contains("access-control-allow-origin"), second.constData());
    // Over the limit: Kong's 429 as RESOURCE_EXHAUSTED.
    QCOMPARE(call(h2cPort_, "unary"), QByteArray("error RESOURCE_EXHAUSTED API rate limit exceeded"));
    for (const QJsonObject& p : {limit, cors})
      QCOMPARE(admin.del("/plugins/" + p["id"].toString().toUtf8()).status, 204);
    // ip-restriction refusing the caller: 403 as PERMISSION_DENIED.
    const QJsonObject deny = admin.create("/routes/echo/plugins", {{"name", "ip-restriction"},
                                                                  {"config", QJsonObject{{"deny", QJsonArray{"127.0.0.1"}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(call(h2cPort_, "unary"), QByteArray("error PERMISSION_DENIED Your IP address is not allowed"), 10000);
    QCOMPARE(admin.del("/plugins/" + deny["id"].toString().toUtf8()).status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(call(h2cPort_, "unary"), QByteArray("echo:hello auth=- kept"), 10000);
    // prometheus counted the calls by their HTTP status (200 for answered calls, 429, 403).
    const QByteArray metrics = admin.get("/metrics").body;
    for (const char* code : {"200", "429", "403"})
      QVERIFY2(metrics.contains(QByteArray("kong_http_status{service=\"echo\",route=\"echo\",code=\"") + code + "\"}"), code);
    QCOMPARE(admin.del("/plugins/" + prometheus["id"].toString().toUtf8()).status, 204);
  }

  void kongsChecksOfAGrpcRoute() {
    HttpClient plain(h2cPort_);
    // Not gRPC: 415. gRPC in HTTP/1.1: 426, asking for HTTP/2.
    HttpResponse r = plain.get("/echo.Echo/Unary");
    QCOMPARE(r.status, 415);
    QCOMPARE(r.json()["message"].toString(), QString("Non-gRPC request matched gRPC route"));
    r = plain.request("POST", "/echo.Echo/Unary", {}, {{"Content-Type", "application/grpc"}});
    QCOMPARE(r.status, 426);
    QCOMPARE(r.json()["message"].toString(), QString("Please use HTTP2 protocol"));
    QCOMPARE(r.header("Upgrade"), QByteArray("HTTP/2"));
  }

  void twoHundredCallsAtOnce() {  // (multiplexed on the worker's HTTP/2 connections to the server)
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("/usr/bin/python3", {"-c", QString("import grpc\nfrom concurrent import futures\n"
                                               "ch = grpc.insecure_channel('127.0.0.1:%1')\n"
                                               "f = ch.unary_unary('/echo.Echo/Unary')\n"
                                               "calls = [f.future(b'n%d' % i, timeout=20) for i in range(200)]\n"
                                               "print(sum(c.result().startswith(b'echo:n') for c in calls))").arg(h2cPort_)});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.readAll().trimmed(), QByteArray("200"));
  }
};

QTEST_GUILESS_MAIN(TestGrpc)
#include "test_grpc.moc"
