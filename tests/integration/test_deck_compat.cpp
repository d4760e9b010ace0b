// The real decK client (Debian's deck 1.4) against Sluice: ping, validate, sync of every entity
// kind, a diff that reports nothing, dump and diff again, a modification, and reset to empty —
// on SQLite and on PostgreSQL.
#include "sluice_process.h"
#include "test_certificates.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace sluice::test;

namespace {

QByteArray indentedBlock(const QByteArray& pem) {
  QByteArray out = "|\n";
  for (const QByteArray& line : pem.trimmed().split('\n')) out += "    " + line + "\n";
  out.chop(1);
  return out;
}

const QByteArray kNoChange = "Created: 0\n  Updated: 0\n  Deleted: 0";

}  // namespace

class TestDeckCompat : public QObject {
  Q_OBJECT

  int deck(const SluiceProcess& sluice, QStringList args, QByteArray* output = nullptr) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DECK_ANALYTICS", "off");  // never reach out to an outside server
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    args << "--kong-addr" << QString("http://127.0.0.1:%1").arg(sluice.adminPort()) << "--no-color";
    p.start("deck", args);
    if (!p.waitForFinished(120000)) return -1;
    const QByteArray out = p.readAll();
    if (output) *output = out;
    if (p.exitCode() != 0) qWarning("deck %s failed:\n%s", qPrintable(args.join(' ')), out.constData());
    return p.exitCode();
  }

  QString writeConfig(const QString& dir, const QString& name, const QByteArray& yaml) {
    QFile f(dir + "/" + name);
    f.open(QIODevice::WriteOnly);
    f.write(yaml);
    return f.fileName();
  }

  QByteArray fullConfig() {
    QFile f(QStringLiteral(SLUICE_TEST_DATA) + "/deck_full.yaml");
    f.open(QIODevice::ReadOnly);
    QByteArray yaml = f.readAll();
    const auto leaf = selfSigned("a.example");
    const auto ca = certificateAuthority("Test CA");
    yaml.replace("@CERT@", indentedBlock(leaf.cert)).replace("@KEY@", indentedBlock(leaf.key)).replace("@CA@", indentedBlock(ca.cert));
    return yaml;
  }

 private slots:
  void initTestCase_data() { SluiceProcess::addBackendRows(); }

  void syncDiffDumpModifyReset() {
    QFETCH_GLOBAL(QString, backend);
    SluiceProcess sluice;
    QVERIFY2(sluice.useBackend(backend), "PostgreSQL fixture missing or failing (run through ctest)");
    QVERIFY(sluice.start());
    HttpClient api = sluice.admin();
    QByteArray out;

    QCOMPARE(deck(sluice, {"ping"}, &out), 0);
    QVERIFY2(out.contains("Kong version:  2.8"), out.constData());

    const QByteArray yaml = fullConfig();
    const QString file = writeConfig(sluice.prefix(), "kong.yaml", yaml);
    QCOMPARE(deck(sluice, {"validate", "-s", file}), 0);
    QCOMPARE(deck(sluice, {"sync", "-s", file}, &out), 0);
    QVERIFY2(out.contains("Created: 22"), out.constData());

    // What decK wrote is what the Admin API serves.
    const auto route = api.get("/routes/bill").json();
    QCOMPARE(route["paths"].toArray(), QJsonArray({"/bill", "/orders/(?<id>\\d+)$"}));
    QCOMPARE(route["headers"].toObject()["x-version"].toArray(), QJsonArray({"1", "2"}));
    QCOMPARE(api.get("/certificates/a.example").json()["snis"].toArray(), QJsonArray({"a.example", "b.example"}));
    QCOMPARE(api.get("/upstreams/pool.internal/targets").json()["data"].toArray().size(), 2);
    QCOMPARE(api.get("/consumers/alice/plugins").json()["data"].toArray().size(), 1);

    QCOMPARE(deck(sluice, {"diff", "-s", file}, &out), 0);
    QVERIFY2(out.contains(kNoChange), out.constData());

    const QString dump = sluice.prefix() + "/dump.yaml";
    QCOMPARE(deck(sluice, {"dump", "-o", dump}), 0);
    QCOMPARE(deck(sluice, {"diff", "-s", dump}, &out), 0);
    QVERIFY2(out.contains(kNoChange), out.constData());

    QCOMPARE(deck(sluice, {"dump", "-o", sluice.prefix() + "/tagged.yaml", "--select-tag", "team-a"}), 0);
    QFile tagged(sluice.prefix() + "/tagged.yaml");
    tagged.open(QIODevice::ReadOnly);
    const QByteArray taggedYaml = tagged.readAll();
    QVERIFY(taggedYaml.contains("billing"));
    QVERIFY(!taggedYaml.contains("pool-svc"));

    QByteArray modified = yaml;
    modified.replace("  retries: 3", "  retries: 4")
        .replace("- username: bob\n", "")
        .replace("  - target: 10.0.0.2:8080\n    weight: 50\n", "  - target: 10.0.0.3:8080\n    weight: 10\n");
    const QString file2 = writeConfig(sluice.prefix(), "kong2.yaml", modified);
    QCOMPARE(deck(sluice, {"sync", "-s", file2}, &out), 0);
    QVERIFY2(out.contains("Created: 1\n  Updated: 1\n  Deleted: 2"), out.constData());
    QCOMPARE(deck(sluice, {"diff", "-s", file2}, &out), 0);
    QVERIFY2(out.contains(kNoChange), out.constData());
    QCOMPARE(api.get("/services/billing").json()["retries"].toInt(), 4);
    QCOMPARE(api.get("/consumers/bob").status, 404);

    QCOMPARE(deck(sluice, {"reset", "--force"}), 0);
    for (const QByteArray c : {"/services", "/routes", "/plugins", "/consumers", "/upstreams", "/certificates", "/snis",
                               "/ca_certificates", "/key-auths", "/basic-auths", "/jwts", "/acls"})
      QCOMPARE(api.get(c).body, QByteArray(R"({"data":[],"next":null})"));
    QVERIFY(sluice.stop());
  }

  // The first check a Kong user makes: sync a file written by hand (partial plugin configs,
  // credentials, health checks, certificates) and diff the same file. decK 1.4 fills no plugin
  // defaults and only some entity defaults (its diff is a deep comparison of whole entities), so
  // against Kong 2.8 itself it lists the defaults the file left out; what it must never list is a
  // value the file wrote that the gateway changed ('+' lines), an entity to create or delete, or a
  // default that is not Kong 2.8's.
  void aUsersFileSyncsAndKeepsWhatItSays() {
    QFETCH_GLOBAL(QString, backend);
    SluiceProcess sluice;
    QVERIFY2(sluice.useBackend(backend), "PostgreSQL fixture missing or failing (run through ctest)");
    QVERIFY(sluice.start());
    QFile f(QStringLiteral(SLUICE_TEST_DATA) + "/deck_user.yaml");
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray yaml = f.readAll();
    const auto leaf = selfSigned("shop.example");
    const auto ca = certificateAuthority("Users' CA");
    yaml.replace("@CERT@", indentedBlock(leaf.cert)).replace("@KEY@", indentedBlock(leaf.key)).replace("@CA@", indentedBlock(ca.cert));
    const QString file = writeConfig(sluice.prefix(), "users.yaml", yaml);
    QByteArray out;
    QCOMPARE(deck(sluice, {"validate", "-s", file}), 0);
    QCOMPARE(deck(sluice, {"sync", "-s", file}, &out), 0);
    QVERIFY2(out.contains("Updated: 0") && out.contains("Deleted: 0"), out.right(300).constData());
    QCOMPARE(deck(sluice, {"diff", "-s", file}, &out), 0);
    for (const QByteArray& line : out.split('\n')) {
      QVERIFY2(!line.startsWith('+'), line.constData());
      QVERIFY2(!line.startsWith("creating") && !line.startsWith("deleting"), line.constData());
    }
    QVERIFY2(out.contains("Created: 0") && out.contains("Deleted: 0"), out.constData());
    // Every bundled plugin is in the file (a new plugin must be added to it).
    QStringList names;
    for (const auto& p : sluice.admin().get("/plugins?size=1000").json()["data"].toArray()) names << p.toObject()["name"].toString();
    for (const auto& name : sluice.admin().get("/plugins/enabled").json()["enabled_plugins"].toArray())
      QVERIFY2(names.contains(name.toString()), qPrintable(name.toString()));
    // The defaults the file left out are Kong 2.8's (test_kong_schemas checks every one of them).
    const QJsonObject upstream = sluice.admin().get("/upstreams/inventory.upstream").json();
    QCOMPARE(upstream["healthchecks"].toObject()["active"].toObject()["unhealthy"].toObject()["tcp_failures"].toInt(), 0);
    QCOMPARE(upstream["healthchecks"].toObject()["active"].toObject()["concurrency"].toInt(), 10);
    QCOMPARE(upstream["healthchecks"].toObject()["active"].toObject()["http_path"].toString(), QString("/health"));
    // The file as decK 1.4 writes it back (every default spelled out) diffs clean: drift fails.
    const QString dump = sluice.prefix() + "/users-dump.yaml";
    QCOMPARE(deck(sluice, {"dump", "-o", dump}), 0);
    QCOMPARE(deck(sluice, {"diff", "-s", dump, "--non-zero-exit-code"}, &out), 0);
    QVERIFY2(out.contains(kNoChange), out.constData());
    // And that complete file rebuilds the same gateway from nothing.
    QCOMPARE(deck(sluice, {"reset", "--force"}), 0);
    QCOMPARE(deck(sluice, {"sync", "-s", dump}, &out), 0);
    QCOMPARE(deck(sluice, {"diff", "-s", dump, "--non-zero-exit-code"}, &out), 0);
    QVERIFY(sluice.stop());
  }

  // A kong.yml configuring every bundled plugin syncs; its dump diffs clean, and syncs back
  // into an empty gateway unchanged.
  void everyBundledPluginRoundTrips() {
    QFETCH_GLOBAL(QString, backend);
    SluiceProcess sluice;
    QVERIFY2(sluice.useBackend(backend), "PostgreSQL fixture missing or failing (run through ctest)");
    QVERIFY(sluice.start());
    const QString file = QStringLiteral(SLUICE_TEST_DATA) + "/deck_plugins.yaml";
    QByteArray out;
    QCOMPARE(deck(sluice, {"sync", "-s", file}, &out), 0);
    const QJsonArray plugins = sluice.admin().get("/plugins").json()["data"].toArray();
    QStringList names;
    for (const auto& p : plugins) names << p.toObject()["name"].toString();
    // Every plugin the server bundles is in the file (a new plugin must be added to it).
    const QJsonArray bundled = sluice.admin().get("/plugins/enabled").json()["enabled_plugins"].toArray();
    QVERIFY(bundled.size() >= 17);
    for (const auto& name : bundled) QVERIFY2(names.contains(name.toString()), qPrintable(name.toString()));
    const QString dump = sluice.prefix() + "/plugins-dump.yaml";
    QCOMPARE(deck(sluice, {"dump", "-o", dump}), 0);
    QCOMPARE(deck(sluice, {"diff", "-s", dump}, &out), 0);
    QVERIFY2(out.contains(kNoChange), out.constData());
    QCOMPARE(deck(sluice, {"reset", "--force"}), 0);
    QCOMPARE(sluice.admin().get("/plugins").json()["data"].toArray().size(), 0);
    QCOMPARE(deck(sluice, {"sync", "-s", dump}, &out), 0);
    QCOMPARE(deck(sluice, {"diff", "-s", dump}, &out), 0);
    QVERIFY2(out.contains(kNoChange), out.constData());
    QCOMPARE(sluice.admin().get("/plugins").json()["data"].toArray().size(), plugins.size());
  }
};

QTEST_GUILESS_MAIN(TestDeckCompat)
#include "test_deck_compat.moc"
