// Admin API protection: bearer tokens with roles, and no unauthenticated Admin API off loopback.
#include "sluice_process.h"

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
