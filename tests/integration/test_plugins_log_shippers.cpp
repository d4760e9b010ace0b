// tcp-log (plain and TLS) and udp-log through a real sluice and a real
// upstream, to collectors on loopback that this test runs: Kong's log object, one per request.
#include "plugin_test_bed.h"
#include "test_certificates.h"

#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QtTest>

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
  void initTestCase() { QVERIFY(bed_.start()); }
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
  }
};

QTEST_GUILESS_MAIN(TestPluginsLogShippers)
#include "test_plugins_log_shippers.moc"
