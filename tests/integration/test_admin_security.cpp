// Admin API protection: bearer tokens with roles (in clear or as SHA-256), an audit line per write,
// addresses that keep trying wrong tokens refused for a while, and no unauthenticated Admin API off
// loopback.
#include "sluice_process.h"
#include "test_certificates.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace sluice::test;

class TestAdminSecurity : public QObject {
  Q_OBJECT

  static constexpr const char* kAdminToken = "admin-token-0123456789";
  static constexpr const char* kReaderToken = "reader-token-0123456789";

 private slots:
  void tokensGuardEveryEndpoint() {
    SluiceProcess sluice;
    sluice.setEnv("ADMIN_TOKENS", QString("%1:admin, %2:read-only").arg(kAdminToken, kReaderToken));
    QVERIFY(sluice.start());
    HttpClient anonymous = sluice.admin();
    const auto denied = anonymous.get("/services");
    QCOMPARE(denied.status, 401);
    QCOMPARE(denied.json()["message"].toString(), QString("Unauthorized"));
    QVERIFY(denied.header("WWW-Authenticate").startsWith("Bearer"));
    QCOMPARE(anonymous.get("/").status, 401);

    HttpClient wrong = sluice.admin();
    wrong.setAuthorization("Bearer not-the-token-at-all");
    QCOMPARE(wrong.get("/services").status, 401);

    HttpClient admin = sluice.admin();
    admin.setAuthorization(QByteArray("Bearer ") + kAdminToken);
    QCOMPARE(admin.get("/").status, 200);
    QCOMPARE(admin.sendJson("POST", "/consumers", {{"username", "bob"}}).status, 201);

    HttpClient reader = sluice.admin();
    reader.setAuthorization(QByteArray("Bearer ") + kReaderToken);
    QCOMPARE(reader.get("/consumers/bob").status, 200);
    QCOMPARE(reader.sendJson("POST", "/consumers", {{"username", "eve"}}).status, 403);
    QCOMPARE(reader.del("/consumers/bob").status, 403);
    QVERIFY(sluice.stop());
  }

  void hashedTokensAndTheAuditLog() {
    const QByteArray opsToken = "ops-token-0123456789abcdef";
    const QByteArray hash = QCryptographicHash::hash(opsToken, QCryptographicHash::Sha256).toHex();
    SluiceProcess sluice;
    sluice.setEnv("ADMIN_TOKEN_HASHES", "ops:" + hash + ":admin");
    sluice.setEnv("ADMIN_TOKENS", QString("%1:read-only").arg(kReaderToken));
    QVERIFY(sluice.start());
    HttpClient ops = sluice.admin();
    ops.setAuthorization("Bearer " + opsToken);
    const QString id = ops.create("/consumers", {{"username", "carol"}})["id"].toString();
    QVERIFY(!id.isEmpty());
    HttpClient byHash = sluice.admin();
    byHash.setAuthorization("Bearer " + hash);  // the hash itself is no token
    QCOMPARE(byHash.get("/consumers").status, 401);
    HttpClient reader = sluice.admin();
    reader.setAuthorization(QByteArray("Bearer ") + kReaderToken);
    QCOMPARE(reader.get("/consumers/carol").status, 200);
    QCOMPARE(reader.del("/consumers/carol").status, 403);
    QCOMPARE(ops.del("/consumers/carol").status, 204);
    QVERIFY(sluice.stop());
    // One line per write: the token's name, the address, the request, the outcome and the entity.
    const QByteArray logs = sluice.logs();
    QVERIFY2(logs.contains(("POST /consumers by ops from 127.0.0.1: 201 id=" + id).toUtf8()), logs.constData());
    QVERIFY2(logs.contains("DELETE /consumers/carol by ops from 127.0.0.1: 204"), logs.constData());
    QVERIFY(!logs.contains("GET /consumers"));  // reads are not audited
    QVERIFY(logs.contains("with a wrong token"));

    SluiceProcess badHash;
    badHash.setEnv("ADMIN_TOKEN_HASHES", "ops:not-a-hash");
    QByteArray output;
    QCOMPARE(badHash.run({"start"}, &output), 1);
    QVERIFY2(output.contains("admin_token_hashes: expected name:sha256-hex"), output.constData());
  }

  // Ten wrong tokens within a minute: the address is refused (429) for the rest of that minute,
  // even with a good token, and the lock-out is logged.
  void wrongTokensLockTheAddressOut() {
    SluiceProcess sluice;
    sluice.setEnv("ADMIN_TOKENS", QString("%1:admin").arg(kAdminToken));
    QVERIFY(sluice.start());
    HttpClient wrong = sluice.admin();
    wrong.setAuthorization("Bearer guess-0123456789abcdef");
    HttpClient anonymous = sluice.admin();
    for (int i = 0; i < 20; ++i) QCOMPARE(anonymous.get("/").status, 401);  // no token: nothing guessed, nothing counted
    for (int i = 0; i < 10; ++i) QCOMPARE(wrong.get("/").status, 401);
    HttpClient admin = sluice.admin();
    admin.setAuthorization(QByteArray("Bearer ") + kAdminToken);
    const auto locked = admin.get("/");
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.json()["message"].toString(), QString("Too many failed authentication attempts"));
    const int retryAfter = locked.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 61, locked.header("Retry-After").constData());
    QVERIFY(sluice.stop());
    QVERIFY(sluice.logs().contains("refused for a minute after 10 wrong tokens"));
  }

  // admin_listen ... ssl: TLS with admin_ssl_cert, or a self-signed certificate made in the prefix.
  void tlsAdminListener() {
    QTemporaryDir dir;
    const PemPair pair = selfSigned("admin.test");
    for (const auto& [name, pem] : {std::pair{"admin.crt", pair.cert}, std::pair{"admin.key", pair.key}}) {
      QFile f(dir.filePath(name));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(pem);
    }
    SluiceProcess sluice;
    sluice.setAdminTls(true);
    sluice.setEnv("ADMIN_TOKENS", QString("%1:admin").arg(kAdminToken));
    sluice.setEnv("ADMIN_SSL_CERT", dir.filePath("admin.crt"));
    sluice.setEnv("ADMIN_SSL_CERT_KEY", dir.filePath("admin.key"));
    QVERIFY(sluice.start());
    HttpClient admin = sluice.admin();  // (speaks TLS)
    admin.setAuthorization(QByteArray("Bearer ") + kAdminToken);
    QCOMPARE(admin.get("/").status, 200);
    QCOMPARE(admin.sendJson("POST", "/consumers", {{"username", "dave"}}).status, 201);
    QSslSocket tls;
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.connectToHostEncrypted("127.0.0.1", sluice.adminPort());
    QVERIFY(tls.waitForEncrypted(5000));
    QCOMPARE(tls.peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0), QString("admin.test"));
    QVERIFY(tls.sessionProtocol() == QSsl::TlsV1_3 || tls.sessionProtocol() == QSsl::TlsV1_2);
    QCOMPARE(HttpClient(sluice.adminPort()).get("/").status, 0);  // plain HTTP gets no answer
    // `tls` stays open and silent: stopping cuts it instead of waiting for its read to time out.
    QVERIFY2(sluice.stop(), sluice.logs().right(2000).constData());

    SluiceProcess generated;  // no certificate given: a self-signed one, kept in the prefix
    generated.setAdminTls(true);
    QVERIFY(generated.start());
    QCOMPARE(generated.admin().get("/status").status, 200);
    QVERIFY(QFile::exists(generated.prefix() + "/ssl/admin-default.crt"));
    QVERIFY(generated.stop());
  }

  void shortTokensAreRefused() {
    SluiceProcess sluice;
    sluice.setEnv("ADMIN_TOKENS", "short:admin");
    QByteArray output;
    QCOMPARE(sluice.run({"start"}, &output), 1);
    QVERIFY(output.contains("at least 16 characters"));
  }

  void nonLoopbackAdminWithoutTokensRefusesToStart() {
    SluiceProcess sluice;
    QByteArray output;
    const int code = sluice.run({"start", "--admin-listen", "0.0.0.0:" + QString::number(SluiceProcess::freePort())},
                                &output);
    QCOMPARE(code, 1);
    QVERIFY2(output.contains("not a loopback address"), output.constData());
  }

  void nonLoopbackAdminWithTokensStarts() {
    SluiceProcess sluice;
    sluice.setEnv("ADMIN_TOKENS", QString("%1:admin").arg(kAdminToken));
    sluice.setListenHost("0.0.0.0");
    QVERIFY(sluice.start());
    HttpClient admin = sluice.admin();
    admin.setAuthorization(QByteArray("Bearer ") + kAdminToken);
    QCOMPARE(admin.get("/").status, 200);
    QVERIFY(sluice.stop());
  }
};

QTEST_GUILESS_MAIN(TestAdminSecurity)
#include "test_admin_security.moc"
