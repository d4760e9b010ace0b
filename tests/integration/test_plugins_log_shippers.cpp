// tcp-log (plain and TLS), udp-log, loggly and syslog through a real sluice and a real upstream, to
// collectors this test runs (loopback sockets, and a system logger's socket it points the gateway
// at with syslog_socket): Kong's log object, one per request, in Kong's frames.
#include "plugin_test_bed.h"
#include "test_certificates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace sluice::test;

namespace {

// Keeps the newline-separated JSON objects its clients send.
class LineCollector : public QObject {
 public:
  QList<QJsonObject> objects;
  int connections = 0;

  bool listen(QTcpServer& server) {
    server_ = &server;
    connect(&server, &QTcpServer::pendingConnectionAvailable, this, [this] {
      while (QTcpSocket* s = server_->nextPendingConnection()) {
        ++connections;
        connect(s, &QTcpSocket::readyRead, this, [this, s] {
          QByteArray& buffer = buffers_[s];
          buffer += s->readAll();
          for (qsizetype end; (end = buffer.indexOf('\n')) >= 0; buffer.remove(0, end + 1))
            objects << QJsonDocument::fromJson(buffer.left(end)).object();
        });
      }
    });
    return server.listen(QHostAddress::LocalHost, 0);
  }

 private:
  QTcpServer* server_ = nullptr;
  QHash<QTcpSocket*, QByteArray> buffers_;
};

}  // namespace

class TestPluginsLogShippers : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  QTemporaryDir dir_;
  int syslog_ = -1;  // the system logger this test plays: a datagram socket at dir_/log

  QByteArrayList syslogDatagrams() {
    QByteArrayList out;
    char buffer[65536];
    for (ssize_t n; (n = ::recv(syslog_, buffer, sizeof buffer, MSG_DONTWAIT)) > 0;) out << QByteArray(buffer, static_cast<int>(n));
    return out;
  }

  // Requests until `count` objects arrived (the plugin reaches the data plane asynchronously).
  template <class Objects>
  bool sendUntil(const Objects& objects, int count) {
    for (int i = 0; i < 200 && objects.size() < count; ++i) {
      bed_.proxy().get("/shipped?n=" + QByteArray::number(i));
      QTest::qWait(25);
    }
    return objects.size() >= count;
  }

 private slots:
  void initTestCase() {
    const QByteArray path = (dir_.path() + "/log").toUtf8();
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), static_cast<size_t>(path.size()) + 1);
    syslog_ = ::socket(AF_UNIX, SOCK_DGRAM, 0);
    QVERIFY(::bind(syslog_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    bed_.sluice().setEnv("SYSLOG_SOCKET", path);
    QVERIFY(bed_.start());
  }
  void cleanupTestCase() { ::close(syslog_); }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void tcpLogSendsALinePerRequestOverOneConnection() {
    QTcpServer server;
    LineCollector collector;
    QVERIFY(collector.listen(server));
    bed_.addPlugin({{"name", "tcp-log"}, {"config", QJsonObject{{"host", "127.0.0.1"}, {"port", server.serverPort()}}}});
    QVERIFY(sendUntil(collector.objects, 5));
    const QJsonObject log = collector.objects.last();
    QVERIFY(log["request"].toObject()["uri"].toString().startsWith("/shipped?n="));
    QCOMPARE(log["response"].toObject()["status"].toInt(), 200);
    QVERIFY(log.contains("latencies") && log.contains("started_at") && log.contains("client_ip"));
    QCOMPARE(collector.connections, 1);  // kept alive
  }

  void tcpLogSpeaksTlsWithItsServerName() {
    const PemPair pair = selfSigned("logs.internal");
    QSslServer server;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(pair.cert));
    tls.setPrivateKey(QSslKey(pair.key, QSsl::Ec));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    server.setSslConfiguration(tls);
    LineCollector collector;
    QVERIFY(collector.listen(server));
    bed_.addPlugin({{"name", "tcp-log"},
                    {"config", QJsonObject{{"host", "127.0.0.1"}, {"port", server.serverPort()}, {"tls", true}, {"tls_sni", "logs.internal"}}}});
    QVERIFY(sendUntil(collector.objects, 2));
    QCOMPARE(collector.objects.last()["response"].toObject()["status"].toInt(), 200);
  }

  void udpLogSendsADatagramPerRequest() {
    QUdpSocket collector;
    QVERIFY(collector.bind(QHostAddress::LocalHost, 0));
    QList<QJsonObject> objects;
    connect(&collector, &QUdpSocket::readyRead, this, [&] {
      while (collector.hasPendingDatagrams()) objects << QJsonDocument::fromJson(collector.receiveDatagram().data()).object();
    });
    bed_.addPlugin({{"name", "udp-log"}, {"config", QJsonObject{{"host", "127.0.0.1"}, {"port", collector.localPort()}}}});
    QVERIFY(sendUntil(objects, 3));
    QVERIFY(objects.last()["request"].toObject()["uri"].toString().startsWith("/shipped?n="));
    QCOMPARE(objects.last()["response"].toObject()["status"].toInt(), 200);
  }

  void logglyFramesEachLineAsKongDoes() {
    QUdpSocket collector;
    QVERIFY(collector.bind(QHostAddress::LocalHost, 0));
    QByteArrayList datagrams;
    connect(&collector, &QUdpSocket::readyRead, this, [&] {
      while (collector.hasPendingDatagrams()) datagrams << collector.receiveDatagram().data();
    });
    bed_.addPlugin({{"name", "loggly"},
                    {"config", QJsonObject{{"host", "127.0.0.1"}, {"port", collector.localPort()}, {"key", "TOKEN"},
                                           {"tags", QJsonArray{"kong", "edge"}}, {"successful_severity", "notice"}}}});
    QVERIFY(sendUntil(datagrams, 2));
    // <PRI>1 TIMESTAMP HOSTNAME kong - - [KEY@41058 tag="..."] JSON, PRI = user (8) + notice (5).
    static const QRegularExpression kFrame(R"(^<13>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \S+ kong - - \[TOKEN@41058 tag="kong" tag="edge"\] (\{.*\})$)");
    const auto m = kFrame.match(QString::fromUtf8(datagrams.last()));
    QVERIFY2(m.hasMatch(), datagrams.last().constData());
    QCOMPARE(QJsonDocument::fromJson(m.captured(1).toUtf8()).object()["response"].toObject()["status"].toInt(), 200);
  }

  void syslogPicksTheSeverityOfEachResponse() {
    bed_.addPlugin({{"name", "syslog"},
                    {"config", QJsonObject{{"log_level", "warning"}, {"server_errors_severity", "err"}, {"facility", "local3"}}}});
    bed_.addPlugin({{"name", "request-termination"}, {"config", QJsonObject{{"status_code", 503}}}});
    QCOMPARE(bed_.until(503, "/").status, 503);
    QByteArrayList lines;
    for (int i = 0; i < 100 && lines.isEmpty(); ++i) {
      bed_.proxy().get("/down");
      QTest::qWait(25);
      lines = syslogDatagrams();
    }
    QVERIFY(!lines.isEmpty());
    // <PRI>Mmm dd hh:mm:ss kong: JSON, PRI = local3 (19) x 8 + err (3).
    static const QRegularExpression kFrame(R"(^<155>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d kong: (\{.*\})$)");
    const auto m = kFrame.match(QString::fromUtf8(lines.last()));
    QVERIFY2(m.hasMatch(), lines.last().constData());
    QCOMPARE(QJsonDocument::fromJson(m.captured(1).toUtf8()).object()["response"].toObject()["status"].toInt(), 503);
    // Successful responses are info, below log_level warning: not sent.
    QVERIFY(bed_.removePlugins());
    bed_.addPlugin({{"name", "syslog"}, {"config", QJsonObject{{"log_level", "warning"}}}});
    QTest::qWait(300);
    syslogDatagrams();
    for (int i = 0; i < 10; ++i) bed_.proxy().get("/quiet");
    QTest::qWait(200);
    QCOMPARE(syslogDatagrams().size(), 0);
  }

  void configsAreKongs() {
    const auto post = [this](const QJsonObject& config, const char* plugin = "tcp-log") {
      return bed_.admin().sendJson("POST", "/plugins", {{"name", plugin}, {"config", config}});
    };
    QCOMPARE(post({{"port", 9}}).json()["fields"].toObject()["config"].toObject()["host"].toString(), QString("required field missing"));
    QCOMPARE(post({{"host", "127.0.0.1"}, {"port", 70000}}).status, 400);
    QCOMPARE(post({{"host", "127.0.0.1"}}, "udp-log").status, 400);
    const auto made = post({{"host", "127.0.0.1"}, {"port", 9}});
    QCOMPARE(made.status, 201);
    const QJsonObject config = made.json()["config"].toObject();
    QCOMPARE(config["timeout"].toInt(), 10000);
    QCOMPARE(config["keepalive"].toInt(), 60000);
    QCOMPARE(config["tls"].toBool(), false);
    QVERIFY(config.contains("tls_sni") && config["tls_sni"].isNull());
    QCOMPARE(bed_.admin().del("/plugins/" + made.json()["id"].toString().toUtf8()).status, 204);
    QCOMPARE(post({{"host", "127.0.0.1"}}, "loggly").json()["fields"].toObject()["config"].toObject()["key"].toString(),
             QString("required field missing"));
    QCOMPARE(post({{"facility", "nowhere"}}, "syslog").status, 400);
    QCOMPARE(post({{"log_level", "loud"}}, "syslog").status, 400);
  }
};

QTEST_GUILESS_MAIN(TestPluginsLogShippers)
#include "test_plugins_log_shippers.moc"
