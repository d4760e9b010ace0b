// sluice.conf, SLUICE_<KEY> environment variables and flags, in that order of precedence.
#include "app/config.h"
#include "snapshot/dns_cache.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace sluice::app;

class TestConfig : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  QString write(const QByteArray& content) {
    QFile f(dir_.filePath("sluice.conf"));
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(content);
    return f.fileName();
  }

 private slots:
  void init() {
    qunsetenv("SLUICE_LOG_LEVEL");
    qunsetenv("SLUICE_PG_PORT");
  }

  void defaultsApplyWithoutAFile() {
    auto c = Config::load("", {});
    QVERIFY(c);
    QCOMPARE(QString::fromStdString(c->get("database")), QString("sqlite"));
    QCOMPARE(QString::fromStdString(c->get("admin_listen")), QString("127.0.0.1:8001"));
    QCOMPARE(QString::fromStdString(c->get("sqlite_path")), QString("/var/lib/sluice/sluice.db"));
  }

  void fileThenEnvironmentThenFlags() {
    const QString file = write("log_level = debug   # comment\npg_port = 6000\nprefix = /tmp/x\n\n# note\n");
    auto fromFile = Config::load(file.toStdString(), {});
    QVERIFY(fromFile);
    QCOMPARE(QString::fromStdString(fromFile->get("log_level")), QString("debug"));
    QCOMPARE(QString::fromStdString(fromFile->get("sqlite_path")), QString("/tmp/x/sluice.db"));
    qputenv("SLUICE_PG_PORT", "7000");
    auto fromEnv = Config::load(file.toStdString(), {});
    QCOMPARE(*fromEnv->integer("pg_port"), int64_t(7000));
    auto fromFlag = Config::load(file.toStdString(), {{"pg_port", "8000"}});
    QCOMPARE(*fromFlag->integer("pg_port"), int64_t(8000));
  }

  void unknownKeysAndBadValuesAreErrors() {
    auto unknown = Config::load(write("colour = red\n").toStdString(), {});
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.find("unknown key 'colour'") != std::string::npos);
    QVERIFY(!Config::load(write("database = mysql\n").toStdString(), {}));
    QVERIFY(!Config::load(write("nonsense line\n").toStdString(), {}));
    QVERIFY(!Config::load(write("pg_timeout = 5 parsecs\n").toStdString(), {}));
    QVERIFY(!Config::load(write("trusted_ips = 10.0.0.0/8, proxy.internal\n").toStdString(), {}));
    QVERIFY(Config::load(write("trusted_ips = 10.0.0.0/8, ::1\n").toStdString(), {}));
    QVERIFY(!Config::load("/no/such/file", {}));
  }

  void nameServersAreAddressesWithAnOptionalPort() {
    auto csv = sluice::snapshot::nameServerList({"10.0.0.2", "10.0.0.3:5353", "::1", "[fe80::1]:53", "[::2]"});
    QVERIFY(csv);
    QCOMPARE(QString::fromStdString(*csv), QString("10.0.0.2:53,10.0.0.3:5353,[::1]:53,[fe80::1]:53,[::2]:53"));
    for (const char* bad : {"dns.example.com", "10.0.0.2:0", "10.0.0.2:70000", "10.0.0.2:x", "[::1", "[::1]x", "[::1]:"})
      QVERIFY2(!sluice::snapshot::nameServerList({bad}), bad);
    auto refused = Config::load(write("dns_resolver = 8.8.8.8, resolver.internal\n").toStdString(), {});
    QVERIFY(!refused);
    QVERIFY(refused.error().message.find("'resolver.internal'") != std::string::npos);
    QVERIFY(!Config::load(write("dns_stale_ttl = -1\n").toStdString(), {}));
    QVERIFY(Config::load(write("dns_resolver = 127.0.0.1:5353\ndns_stale_ttl = 10\n").toStdString(), {}));
  }

  void durationsAndSizesTakeUnits() {
    QCOMPARE(*parseMilliseconds("500ms"), int64_t(500));
    QCOMPARE(*parseMilliseconds("10s"), int64_t(10000));
    QCOMPARE(*parseMilliseconds("5m"), int64_t(300000));
    QCOMPARE(*parseMilliseconds("2"), int64_t(2000));
    QVERIFY(!parseMilliseconds("soon"));
    QCOMPARE(*parseBytes("8k"), int64_t(8192));
    QCOMPARE(*parseBytes("10m"), int64_t(10 * 1024 * 1024));
    QCOMPARE(*parseBytes("512"), int64_t(512));
    QVERIFY(!parseBytes("lots"));
    // Malformed or enormous numbers are errors, not exceptions or wrapped values.
    QCOMPARE(*parseMilliseconds("1.5s"), int64_t(1500));
    for (const char* bad : {".", "..s", "1.2.3s", "99999999999999999999d", "5 parsecs"}) QVERIFY2(!parseMilliseconds(bad), bad);
    QCOMPARE(*parseBytes("1G"), int64_t(1024) * 1024 * 1024);
    for (const char* bad : {"99999999999999999999", "9999999999999g", "1.5k"}) QVERIFY2(!parseBytes(bad), bad);
  }

  void secretsAreRedacted() {
    auto c = Config::load("", {{"pg_password", "hunter2"}});
    QCOMPARE(QString::fromStdString(c->toJson()["pg_password"].get<std::string>()), QString("******"));
  }

  void everyKeyIsDocumentedInTheReadme() {
    QFile readme(QStringLiteral(SLUICE_SOURCE_DIR) + "/README.md");
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QByteArray text = readme.readAll();
    for (const auto& key : configKeys())
      QVERIFY2(text.contains(("`" + key.name + "`").c_str()), key.name.c_str());
  }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
