// ldap-auth through a real sluice, a real upstream and a real OpenLDAP directory (Debian's slapd,
// started here on loopback ports with a throwaway database): Kong 2.8's answers, headers and
// cache, StartTLS and LDAPS (verified against a CA the test makes), and the request waiting for
// the directory without holding its worker.
#include "plugin_test_bed.h"
#include "test_certificates.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace sluice::test;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

constexpr const char* kBase = "ou=people,dc=example,dc=test";

// slapd with an mdb database holding ann, bob and "smith, j" (a comma in the name), plain LDAP and
// LDAPS on loopback ports, and a certificate for 127.0.0.1 signed by `ca`.
class Directory {
 public:
  static QString slapd() {
    for (const QString& dir : {QString("/usr/sbin"), QString("/usr/local/sbin")})
      if (QFile::exists(dir + "/slapd")) return dir + "/slapd";
    return QStandardPaths::findExecutable("slapd");
  }

  bool prepare(const PemPair& ca) {
    const PemPair leaf = signedBy(ca, "127.0.0.1");
    write("cert.pem", leaf.cert);
    write("key.pem", leaf.key);
    QDir(dir_.path()).mkpath("db");
    const QString d = dir_.path();
    write("slapd.conf",
          ("include /etc/ldap/schema/core.schema\n"
           "include /etc/ldap/schema/cosine.schema\n"
           "include /etc/ldap/schema/inetorgperson.schema\n"
           "modulepath /usr/lib/ldap\n"
           "moduleload back_mdb\n"
           "pidfile " + d + "/slapd.pid\n"
           "TLSCertificateFile " + d + "/cert.pem\n"
           "TLSCertificateKeyFile " + d + "/key.pem\n"
           "database mdb\n"
           "maxsize 10485760\n"
           "suffix \"dc=example,dc=test\"\n"
           "rootdn \"cn=admin,dc=example,dc=test\"\n"
           "rootpw admin-secret\n"
           "directory " + d + "/db\n").toUtf8());
    QByteArray users =
        "dn: dc=example,dc=test\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n"
        "dn: ou=people,dc=example,dc=test\nobjectClass: organizationalUnit\nou: people\n\n";
    for (const auto& [uid, rdn, password] : {std::tuple{"ann", "ann", "ann-password"}, std::tuple{"bob", "bob", "bob-password"},
                                              std::tuple{"smith, j", "smith\\, j", "smith-password"}})
      users += QByteArray("dn: uid=") + rdn + ",ou=people,dc=example,dc=test\nobjectClass: inetOrgPerson\nuid: " + uid +
               "\ncn: " + uid + "\nsn: " + uid + "\nuserPassword: " + password + "\n\n";
    write("users.ldif", users);
    QProcess add;
    add.start(QFileInfo(slapd()).dir().filePath("slapadd"), {"-f", d + "/slapd.conf", "-l", d + "/users.ldif"});
    if (!add.waitForFinished(30000) || add.exitCode() != 0) {
      qWarning() << "slapadd:" << add.readAllStandardError();
      return false;
    }
    ldapPort_ = SluiceProcess::freePort();
    ldapsPort_ = SluiceProcess::freePort();
    return true;
  }

  bool start() {
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.start(slapd(), {"-f", dir_.filePath("slapd.conf"), "-d", "0", "-h",
                             QString("ldap://127.0.0.1:%1/ ldaps://127.0.0.1:%2/").arg(ldapPort_).arg(ldapsPort_)});
    if (!process_.waitForStarted(5000)) return false;
    for (int i = 0; i < 100; ++i) {  // up when it accepts on both ports
      QTcpSocket a, b;
      a.connectToHost("127.0.0.1", ldapPort_);
      b.connectToHost("127.0.0.1", ldapsPort_);
      if (a.waitForConnected(200) && b.waitForConnected(200)) return true;
      QTest::qWait(50);
    }
    qWarning() << "slapd did not start:" << process_.readAll();
    return false;
  }

  void stop() {
    if (process_.state() == QProcess::NotRunning) return;
    ::kill(static_cast<pid_t>(process_.processId()), SIGTERM);
    if (!process_.waitForFinished(10000)) process_.kill(), process_.waitForFinished(5000);
  }

  ~Directory() { stop(); }

  quint16 ldapPort() const { return ldapPort_; }
  quint16 ldapsPort() const { return ldapsPort_; }

 private:
  void write(const QString& name, const QByteArray& data) {
    QFile f(dir_.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(data);
  }

  QTemporaryDir dir_;
  QProcess process_;
  quint16 ldapPort_ = 0, ldapsPort_ = 0;
};

QByteArray credentials(const QByteArray& scheme, const QByteArray& user, const QByteArray& password) {
  return scheme + " " + (user + ":" + password).toBase64();
}

}  // namespace

class TestPluginsLdapAuth : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  Directory directory_;
  QTemporaryDir files_;
  int routes_ = 0;

  // A route of its own with an ldap-auth plugin (defaults filled in around `config`); returns its path.
  QByteArray routeWith(QJsonObject config) {
    // (No path a prefix of another: "/ldap1" would catch "/ldap11" until the new route is in place.)
    const QByteArray path = "/ldap" + QByteArray::number(++routes_) + "-route";
    bed_.create("/services/echo/routes", {{"name", QString(path.mid(1))}, {"paths", QJsonArray{QString(path)}}});
    if (!config.contains("ldap_host")) config["ldap_host"] = "127.0.0.1";
    if (!config.contains("ldap_port")) config["ldap_port"] = directory_.ldapPort();
    if (!config.contains("base_dn")) config["base_dn"] = kBase;
    if (!config.contains("attribute")) config["attribute"] = "uid";
    bed_.create("/routes/" + path.mid(1) + "/plugins", {{"name", "ldap-auth"}, {"config", config}});
    bed_.until(401, path);
    return path;
  }
  HttpResponse get(const QByteArray& path, const Headers& headers) { return bed_.proxy().request("GET", path, {}, headers); }
  HttpResponse as(const QByteArray& path, const QByteArray& user, const QByteArray& password, const QByteArray& scheme = "ldap") {
    return get(path, {{"Authorization", credentials(scheme, user, password)}});
  }

 private slots:
  void initTestCase() {
    QVERIFY2(!Directory::slapd().isEmpty(), "slapd is not installed (scripts/quickstart installs it)");
    const PemPair ca = certificateAuthority("Sluice test directory CA");
    QFile caFile(files_.filePath("ca.pem"));
    QVERIFY(caFile.open(QIODevice::WriteOnly));
    caFile.write(ca.cert);
    caFile.close();
    QVERIFY(directory_.prepare(ca));
    QVERIFY(directory_.start());
    bed_.sluice().setEnv("PLUGIN_TRUSTED_CERTIFICATES", caFile.fileName());
    bed_.sluice().setEnv("WORKER_PROCESSES", "1");  // one reactor: a blocked one would show
    QVERIFY(bed_.start());
    bed_.create("/consumers", {{"username", "nobody"}});
  }

  void schemaIsKongs() {
    auto r = bed_.admin().sendJson("POST", "/plugins", {{"name", "ldap-auth"},
                                                        {"config", QJsonObject{{"ldap_host", "ldap.example.test"},
                                                                               {"base_dn", kBase},
                                                                               {"attribute", "uid"},
                                                                               {"ldaps", true},
                                                                               {"start_tls", true}}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["@entity"].toArray().first().toString(),
             QString("'ldaps' and 'start_tls' cannot be enabled simultaneously"));
    QCOMPARE(r.json()["fields"].toObject()["config"].toObject()["start_tls"].toString(), QString("value must be false"));
    r = bed_.admin().sendJson("POST", "/plugins", {{"name", "ldap-auth"}, {"config", QJsonObject{{"ldap_host", "ldap.example.test"}}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["config"].toObject()["base_dn"].toString(), QString("required field missing"));
    // Defaults of Kong 2.8, and nothing it lacks.
    const QJsonObject made = bed_.create("/plugins", {{"name", "ldap-auth"},
                                                      {"enabled", false},
                                                      {"config", QJsonObject{{"ldap_host", "ldap.example.test"},
                                                                             {"base_dn", kBase},
                                                                             {"attribute", "uid"}}}});
    const QJsonObject config = made["config"].toObject();
    QCOMPARE(config["ldap_port"].toInt(), 389);
    QCOMPARE(config["cache_ttl"].toInt(), 60);
    QCOMPARE(config["timeout"].toInt(), 10000);
    QCOMPARE(config["keepalive"].toInt(), 60000);
    QCOMPARE(config["header_type"].toString(), QString("ldap"));
    QCOMPARE(config["ldaps"].toBool(true), false);
    QCOMPARE(config["start_tls"].toBool(true), false);
    QCOMPARE(config["verify_ldap_host"].toBool(true), false);
    QCOMPARE(config["hide_credentials"].toBool(true), false);
    QVERIFY(config.contains("anonymous") && config["anonymous"].isNull());
    QCOMPARE(config.size(), 13);
    QCOMPARE(bed_.admin().del("/plugins/" + made["id"].toString().toUtf8()).status, 204);
  }

  void kongsAnswersAndHeaders() {
    const QByteArray path = routeWith({});
    auto r = get(path, {});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("Unauthorized"));
    QCOMPARE(r.header("WWW-Authenticate"), QByteArray("LDAP realm=\"sluice\""));
    r = as(path, "ann", "wrong");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()["message"].toString(), QString("Invalid authentication credentials"));
    QCOMPARE(as(path, "stranger", "whatever").status, 401);
    QCOMPARE(get(path, {{"Authorization", "ldap not-base64!"}}).status, 401);
    QCOMPARE(get(path, {{"Authorization", "Basic " + QByteArray("ann:ann-password").toBase64()}}).status, 401);  // another scheme
    QCOMPARE(get(path, {{"Authorization", "ldap " + QByteArray("ann:").toBase64()}}).status, 401);  // no password: no bind
    // Accepted: no consumer is named, the username is the credential; spoofed headers are replaced.
    r = get(path, {{"Authorization", credentials("LDAP", "ann", "ann-password")},
                   {"X-Consumer-ID", "forged"},
                   {"X-Credential-Identifier", "forged"},
                   {"X-Anonymous-Consumer", "true"}});
    QCOMPARE(r.status, 200);
    const QJsonObject h = PluginTestBed::upstreamHeaders(r);
    QCOMPARE(h["x-credential-identifier"].toString(), QString("ann"));
    QCOMPARE(h["x-credential-username"].toString(), QString("ann"));
    QVERIFY(!h.contains("x-consumer-id"));
    QVERIFY(!h.contains("x-anonymous-consumer"));
    QVERIFY(h["authorization"].toString().startsWith("LDAP "));  // hide_credentials is off
    // A comma in a username stays in the value of the DN's first part.
    QCOMPARE(as(path, "smith, j", "smith-password").status, 200);
    QCOMPARE(as(path, "smith, j", "ann-password").status, 401);
  }

  void proxyAuthorizationFirstAndHiddenCredentials() {
    const QByteArray path = routeWith({{"hide_credentials", true}, {"header_type", "basic"}});
    auto r = get(path, {{"Proxy-Authorization", credentials("Basic", "bob", "bob-password")},
                        {"Authorization", credentials("Basic", "ann", "wrong")}});
    QCOMPARE(r.status, 200);
    QJsonObject h = PluginTestBed::upstreamHeaders(r);
    QCOMPARE(h["x-credential-identifier"].toString(), QString("bob"));
    QVERIFY(!h.contains("authorization"));
    QVERIFY(!h.contains("proxy-authorization"));
    // A refused Proxy-Authorization leaves Authorization its turn.
    r = get(path, {{"Proxy-Authorization", credentials("Basic", "bob", "wrong")}, {"Authorization", credentials("Basic", "ann", "ann-password")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["x-credential-identifier"].toString(), QString("ann"));
    QCOMPARE(get(path, {}).header("WWW-Authenticate"), QByteArray("basic realm=\"sluice\""));
  }

  void anonymousFallsBackToItsConsumer() {
    const QByteArray path = routeWith({{"anonymous", "nobody"}});
    auto r = as(path, "ann", "wrong");
    QCOMPARE(r.status, 200);
    QJsonObject h = PluginTestBed::upstreamHeaders(r);
    QCOMPARE(h["x-consumer-username"].toString(), QString("nobody"));
    QCOMPARE(h["x-anonymous-consumer"].toString(), QString("true"));
    r = get(path, {});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("WWW-Authenticate").isEmpty());
    QCOMPARE(PluginTestBed::upstreamHeaders(as(path, "ann", "ann-password"))["x-credential-identifier"].toString(), QString("ann"));
  }

  void startTlsAndLdapsVerifiedOrNot() {
    for (const auto& [config, label] :
         {std::pair{QJsonObject{{"start_tls", true}}, "StartTLS"},
          std::pair{QJsonObject{{"ldaps", true}, {"ldap_port", directory_.ldapsPort()}}, "LDAPS"},
          std::pair{QJsonObject{{"start_tls", true}, {"verify_ldap_host", true}}, "StartTLS, verified"},
          std::pair{QJsonObject{{"ldaps", true}, {"ldap_port", directory_.ldapsPort()}, {"verify_ldap_host", true}}, "LDAPS, verified"}}) {
      const QByteArray path = routeWith(config);
      QVERIFY2(as(path, "ann", "ann-password").status == 200, label);
      QVERIFY2(as(path, "bob", "wrong").status == 401, label);
    }
    // Verified: the certificate names 127.0.0.1, not "localhost" (and LDAPS spoken to the plain
    // port fails): the directory cannot be asked, a 500 as Kong's.
    QByteArray path = routeWith({{"ldaps", true}, {"ldap_host", "localhost"}, {"ldap_port", directory_.ldapsPort()}, {"verify_ldap_host", true}});
    auto r = as(path, "ann", "ann-password");
    QCOMPARE(r.status, 500);
    QCOMPARE(r.json()["message"].toString(), QString("An unexpected error occurred"));
    path = routeWith({{"ldaps", true}, {"timeout", 2000}, {"cache_ttl", 7}});  // (a cache_ttl of its own: answers are keyed without the TLS mode, as Kong's)
    QCOMPARE(as(path, "ann", "ann-password").status, 500);
  }

  // Many requests at once, none of them answered yet: every one waits for its bind, on threads.
  void concurrentBinds() {
    const QByteArray path = routeWith({{"cache_ttl", 0.001}});
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 24; ++i) {
      auto s = std::make_unique<QTcpSocket>();
      s->connectToHost("127.0.0.1", bed_.sluice().proxyPort());
      QVERIFY(s->waitForConnected(5000));
      const QByteArray user = i % 2 ? "ann" : "bob";
      const QByteArray password = i % 3 == 0 ? "wrong" : user + "-password";
      s->write("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: " + credentials("ldap", user, password) +
               "\r\n\r\n");
      sockets.push_back(std::move(s));
    }
    for (size_t i = 0; i < sockets.size(); ++i) {
      QByteArray response;
      while (sockets[i]->state() == QAbstractSocket::ConnectedState && sockets[i]->waitForReadyRead(10000)) response += sockets[i]->readAll();
      response += sockets[i]->readAll();
      const QByteArray expected = i % 3 == 0 ? "HTTP/1.1 401" : "HTTP/1.1 200";
      QVERIFY2(response.startsWith(expected), qPrintable(QString::number(i) + ": " + response.left(40)));
    }
  }

  // A directory that never answers: the request waits (up to the plugin's timeout) while the same,
  // only worker serves others; a client that leaves meanwhile changes nothing.
  void aSilentDirectoryHoldsOnlyItsRequests() {
    QTcpServer silent;  // accepted by the kernel, never read
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QByteArray path = routeWith({{"ldap_port", silent.serverPort()}, {"timeout", 8000}});  // (room for a loaded machine)
    QCOMPARE(get(path, {}).status, 401);  // the plugin is in place
    QTcpSocket waiting, leaving;
    for (QTcpSocket* s : {&waiting, &leaving}) {
      s->connectToHost("127.0.0.1", bed_.sluice().proxyPort());
      QVERIFY(s->waitForConnected(5000));
      s->write("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + credentials("ldap", "ann", "ann-password") + "\r\n\r\n");
      QVERIFY(s->waitForBytesWritten(5000));
    }
    leaving.abort();
    QCOMPARE(bed_.proxy().get("/").status, 200);  // the worker is free
    QVERIFY2(!waiting.waitForReadyRead(100), waiting.readAll().left(200).constData());  // while the bind still waits
    QByteArray response;
    while (!response.contains("\r\n\r\n") && waiting.waitForReadyRead(20000)) response += waiting.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 500"), response.constData());
    QCOMPARE(bed_.proxy().get("/").status, 200);
    QVERIFY(bed_.sluice().running());
  }

  // Answers are remembered for cache_ttl seconds: while they last the directory may be away;
  // an unknown password then gets a 500 (the directory cannot be asked), never a cached failure.
  void answersAreCachedForCacheTtl() {
    const QByteArray lasting = routeWith({{"cache_ttl", 600}});
    const QByteArray brief = routeWith({{"cache_ttl", 1}});
    QCOMPARE(as(lasting, "ann", "ann-password").status, 200);
    QCOMPARE(as(lasting, "bob", "wrong").status, 401);
    QCOMPARE(as(brief, "ann", "ann-password").status, 200);
    directory_.stop();
    QCOMPARE(as(lasting, "ann", "ann-password").status, 200);
    QCOMPARE(as(lasting, "bob", "wrong").status, 401);
    QCOMPARE(as(lasting, "bob", "bob-password").status, 500);
    QTRY_COMPARE_WITH_TIMEOUT(as(brief, "ann", "ann-password").status, 500, 10000);  // its answer expired
    QVERIFY(directory_.start());
    QCOMPARE(as(brief, "ann", "ann-password").status, 200);  // (a kept connection the directory closed is replaced)
    QCOMPARE(as(lasting, "bob", "bob-password").status, 200);
  }
};

QTEST_GUILESS_MAIN(TestPluginsLdapAuth)
#include "test_plugins_ldap_auth.moc"
