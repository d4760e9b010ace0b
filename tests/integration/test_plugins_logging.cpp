// file-log and http-log through a real sluice and a real upstream: Kong's log object, batches,
// retries, log files reopened after rotation.
#include "plugin_test_bed.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace sluice::test;

namespace {

// A log collector: answers HTTP requests (the first `failFirst` with 500) and keeps their bodies.
class Collector : public QObject {
 public:
  int failFirst = 0;
  QList<QByteArray> bodies;
  QList<QByteArray> heads;
  int requests = 0;

  bool listen() {
    connect(&server_, &QTcpServer::newConnection, this, [this] {
      while (QTcpSocket* s = server_.nextPendingConnection()) {
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
      }
    });
    return server_.listen(QHostAddress::LocalHost, 0);
  }
  quint16 port() const { return server_.serverPort(); }

 private:
  void onData(QTcpSocket* s) {
    QByteArray& buffer = buffers_[s];
    buffer += s->readAll();
    for (;;) {
      const int end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const QByteArray head = buffer.left(end);
      const int cl = head.toLower().indexOf("content-length:");
      const int length = cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toInt();
      if (buffer.size() < end + 4 + length) return;
      const QByteArray body = buffer.mid(end + 4, length);
      buffer.remove(0, end + 4 + length);
      ++requests;
      if (requests <= failFirst) {
        s->write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");
        continue;
      }
      heads << head;
      bodies << body;
      s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    }
  }
  QTcpServer server_;
  QHash<QTcpSocket*, QByteArray> buffers_;
};

QList<QJsonObject> lines(const QString& path) {
  QFile f(path);
  QList<QJsonObject> out;
  if (!f.open(QIODevice::ReadOnly)) return out;
  for (const QByteArray& line : f.readAll().split('\n'))
    if (!line.isEmpty()) out << QJsonDocument::fromJson(line).object();
  return out;
}

}  // namespace

class TestPluginsLogging : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  QTemporaryDir dir_;

  void waitForPlugin(const QString& path) {
    // Requests go out until the first line shows up: the plugin is in the data plane then.
    for (int i = 0; i < 100 && lines(path).isEmpty(); ++i) {
      bed_.proxy().get("/warmup");
      QTest::qWait(50);
    }
  }

 private slots:
  void initTestCase() {
    QVERIFY(bed_.start());
    bed_.create("/consumers", {{"username", "logan"}});
    bed_.create("/consumers/logan/key-auth", {{"key", "logan-key"}});
  }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void fileLogWritesKongsLogObject() {
    const QString path = dir_.path() + "/access.log";
    bed_.addPlugin({{"name", "file-log"}, {"config", QJsonObject{{"path", path}}}});
    bed_.addPlugin({{"name", "key-auth"}, {"config", QJsonObject{{"anonymous", QJsonValue()}, {"key_names", QJsonArray{"apikey"}}}}});
    QCOMPARE(bed_.until(401, "/").status, 401);
    waitForPlugin(path);
    const int before = lines(path).size();
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(bed_.proxy().request("GET", "/logged?x=1", {}, {{"apikey", "logan-key"}, {"X-Marker", "m1"}}).status, 200);
    const qint64 answeredAt = QDateTime::currentMSecsSinceEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(lines(path).size() > before, 5000);
    const QJsonObject log = lines(path).last();
    const QJsonObject request = log["request"].toObject();
    QCOMPARE(request["method"].toString(), QString("GET"));
    QCOMPARE(request["id"].toString().size(), 32);  // the X-Sluice-Request-Id, as traces and the access log have it
    QCOMPARE(request["uri"].toString(), QString("/logged?x=1"));
    QCOMPARE(request["querystring"].toObject()["x"].toString(), QString("1"));
    QCOMPARE(request["headers"].toObject()["x-marker"].toString(), QString("m1"));
    QCOMPARE(log["response"].toObject()["status"].toInt(), 200);
    QVERIFY(log["response"].toObject()["size"].toInt() > 0);
    QCOMPARE(log["response"].toObject()["headers"].toObject()["x-upstream"].toString(), QString("test"));
    QCOMPARE(log["route"].toObject()["id"].toString(), bed_.routeId());
    QCOMPARE(log["service"].toObject()["id"].toString(), bed_.serviceId());
    QCOMPARE(log["consumer"].toObject()["username"].toString(), QString("logan"));
    QCOMPARE(log["client_ip"].toString(), QString("127.0.0.1"));
    QCOMPARE(log["upstream_uri"].toString(), QString("/logged?x=1"));
    QVERIFY(log["latencies"].toObject().contains("request"));
    const auto startedAt = static_cast<qint64>(log["started_at"].toDouble());  // wall-clock milliseconds
    QVERIFY2(startedAt >= sentAt - 5 && startedAt <= answeredAt + 5, qPrintable(QString::number(startedAt)));
    // Refused requests are logged too.
    QCOMPARE(bed_.proxy().get("/refused").status, 401);
    QTRY_COMPARE_WITH_TIMEOUT(lines(path).last()["response"].toObject()["status"].toInt(), 401, 5000);
  }

  void fileLogReopensAfterRotation() {
    const QString path = dir_.path() + "/rotated.log";
    bed_.addPlugin({{"name", "file-log"}, {"config", QJsonObject{{"path", path}, {"reopen", true}}}});
    waitForPlugin(path);
    QVERIFY(QFile::rename(path, path + ".1"));  // what logrotate does
    bed_.proxy().get("/after-rotation");
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 5000);
    // (The new file may exist before its first line is in.)
    const auto lastUri = [&] {
      const auto written = lines(path);
      return written.isEmpty() ? QString() : written.last()["request"].toObject()["uri"].toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(lastUri(), QString("/after-rotation"), 5000);
  }

  void httpLogSendsBatchesAndRetries() {
    Collector collector;
    QVERIFY(collector.listen());
    collector.failFirst = 1;  // the first delivery fails: it must be retried
    bed_.addPlugin({{"name", "http-log"},
                    {"config", QJsonObject{{"http_endpoint", QString("http://127.0.0.1:%1/logs").arg(collector.port())},
                                           {"queue_size", 2},
                                           {"flush_timeout", 0.2},
                                           {"headers", QJsonObject{{"X-Token", QJsonArray{"t0k"}}}}}}});
    QTRY_VERIFY_WITH_TIMEOUT((bed_.proxy().get("/h1"), !collector.bodies.isEmpty()), 10000);
    const QJsonDocument batch = QJsonDocument::fromJson(collector.bodies.first());
    QVERIFY2(batch.isArray(), collector.bodies.first().constData());
    QVERIFY(batch.array().size() >= 1 && batch.array().size() <= 2);
    QVERIFY(batch.array().first().toObject()["request"].toObject().contains("method"));
    QVERIFY(collector.heads.first().startsWith("POST /logs HTTP/1.1"));
    QVERIFY(collector.heads.first().contains("X-Token: t0k"));
    QVERIFY(collector.requests >= 2);  // one failed, then the retry
  }

  void logConfigChecks() {
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "file-log"}, {"config", QJsonObject{{"path", "/tmp/a*b"}}}}).status, 400);
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "http-log"}, {"config", QJsonObject{{"http_endpoint", "ftp://x"}}}}).status, 400);
    QCOMPARE(bed_.admin().sendJson("POST", "/plugins", {{"name", "http-log"}, {"config", QJsonObject{{"http_endpoint", "http://x"}, {"method", "GET"}}}}).status, 400);
  }
};

QTEST_GUILESS_MAIN(TestPluginsLogging)
#include "test_plugins_logging.moc"
