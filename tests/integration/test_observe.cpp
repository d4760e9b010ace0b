// Request figures through a real sluice and a real upstream: exact counts for a known mix of
// requests, percentiles within the histogram's error, where the time went (gateway, upstream,
// plugins), the live stream (a frame a second, as Server-Sent Events and by polling) and the
// per-route table.
#include "plugin_test_bed.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

using namespace sluice::test;

namespace {

QJsonObject findRoute(const QJsonArray& rows, const QString& name) {
  for (const auto& r : rows)
    if (r.toObject()["name"].toString() == name) return r.toObject();
  return {};
}

}  // namespace

class TestObserve : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

  QJsonArray routes() { return bed_.admin().get("/sluice/metrics/routes").json()["data"].toArray(); }
  // Figures reach the table within a second or two (reactors hand them over once a second).
  QJsonObject routeOnceCounted(const QString& name, int requests) {
    QJsonObject row;
    for (int i = 0; i < 60; ++i) {
      row = findRoute(routes(), name);
      if (row["requests"].toInt() >= requests) break;
      QTest::qWait(100);
    }
    return row;
  }
  // A route's row once every request sent so far has been counted (two reads a tick apart agree).
  QJsonObject settled(const QString& name) {
    QJsonObject row = findRoute(routes(), name);
    for (int i = 0; i < 10; ++i) {
      QTest::qWait(1100);
      const QJsonObject again = findRoute(routes(), name);
      if (again["requests"] == row["requests"]) return again;
      row = again;
    }
    return row;
  }

 private slots:
  void initTestCase() {
    QVERIFY(bed_.start());
    bed_.create("/services/echo/routes", {{"name", "slow"}, {"paths", QJsonArray{"/slow"}}, {"strip_path", true}});
    bed_.create("/services/echo/routes", {{"name", "failing"}, {"paths", QJsonArray{"/failing"}}, {"strip_path", true}});
    QCOMPARE(bed_.until(200, "/slow/").status, 200);
    QCOMPARE(bed_.until(200, "/failing/").status, 200);
  }

  void countsAKnownMixExactly() {
    const QJsonObject before = settled("failing");
    const QByteArray request = "GET /failing/status/503 HTTP/1.1\r\nHost: observe.test\r\nConnection: close\r\n\r\n";
    const QByteArray ok = "GET /failing/ok HTTP/1.1\r\nHost: observe.test\r\nConnection: close\r\n\r\n";
    for (int i = 0; i < 7; ++i) QCOMPARE(bed_.proxy().raw(request).status, 503);
    for (int i = 0; i < 5; ++i) QCOMPARE(bed_.proxy().raw(ok).status, 200);
    const int expected = before["requests"].toInt() + 12;
    const QJsonObject row = routeOnceCounted("failing", expected);
    QCOMPARE(row["requests"].toInt(), expected);
    QCOMPARE(row["errors"].toInt(), before["errors"].toInt() + 7);
    QCOMPARE(row["status"].toObject()["5xx"].toInt(), before["status"].toObject()["5xx"].toInt() + 7);
    QCOMPARE(row["status"].toObject()["2xx"].toInt(), before["status"].toObject()["2xx"].toInt() + 5);
    QCOMPARE(row["bytes_in"].toInt() - before["bytes_in"].toInt(), 7 * request.size() + 5 * ok.size());
    QCOMPARE(row["service"].toString(), QString("echo"));
    // The same counts on the Prometheus page.
    const QByteArray page = bed_.admin().get("/metrics").body;
    QVERIFY2(page.contains(QByteArray("sluice_http_requests_total{route=\"failing\",service=\"echo\",code=\"503\"} ") +
                           QByteArray::number(before["status"].toObject()["5xx"].toInt() + 7) + "\n"),
             page.constData());
  }

  void percentilesAndWhereTheTimeGoes() {
    // 20 requests the upstream holds for 50 ms: the upstream's time to first byte is 50 ms and
    // a bit; the gateway's own time is small.
    for (int i = 0; i < 20; ++i) QCOMPARE(bed_.proxy().get("/slow/delay/50").status, 200);
    const QJsonObject row = routeOnceCounted("slow", 20);
    const QJsonObject latency = row["latency_ms"].toObject();
    const QJsonObject ttfb = latency["upstream_ttfb"].toObject();
    QCOMPARE(ttfb["count"].toInt(), row["requests"].toInt());
    // The histogram reports within 1/128 of the true value; the upstream adds up to a few ms.
    QVERIFY2(ttfb["p50"].toDouble() >= 50 * (1 - 1.0 / 128) && ttfb["p50"].toDouble() <= 50 * (1 + 1.0 / 128) + 10,
             qPrintable(QString::number(ttfb["p50"].toDouble())));
    QVERIFY(latency["total"].toObject()["p99"].toDouble() >= ttfb["p99"].toDouble() * (1 - 1.0 / 64));
    QVERIFY2(latency["gateway"].toObject()["p50"].toDouble() < 5, qPrintable(QString::number(latency["gateway"].toObject()["p50"].toDouble())));
  }

  void pluginTimeIsAttributedToThePlugin() {
    bed_.addPlugin({{"name", "cors"}});
    bed_.addPlugin({{"name", "correlation-id"}});
    QTRY_VERIFY_WITH_TIMEOUT(bed_.proxy().request("GET", "/", {}, {{"Origin", "http://a.test"}}).header("Access-Control-Allow-Origin") == "*", 5000);
    for (int i = 0; i < 10; ++i) bed_.proxy().get("/plugged");
    // The next frames name both plugins with their calls.
    bool seen = false;
    for (int i = 0; i < 40 && !seen; ++i) {
      QTest::qWait(100);
      for (const auto& f : bed_.admin().get("/sluice/live?since=0").json()["frames"].toArray()) {
        QStringList names;
        for (const auto& p : f.toObject()["plugins"].toArray()) names << p.toObject()["plugin"].toString() + "/" + p.toObject()["phase"].toString();
        if (names.contains("cors/access") && names.contains("correlation-id/access")) seen = true;
      }
    }
    QVERIFY(seen);
    const QByteArray page = bed_.admin().get("/metrics").body;
    QVERIFY(page.contains("sluice_plugin_phase_seconds_count{plugin=\"cors\",phase=\"access\"}"));
  }

  void liveStreamSendsAFrameEverySecond() {
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", bed_.sluice().adminPort());
    QVERIFY(socket.waitForConnected(2000));
    socket.write("GET /sluice/live HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n");
    QByteArray stream;
    QElapsedTimer clock;
    clock.start();
    QList<QJsonObject> frames;
    while (clock.elapsed() < 4500 && frames.size() < 4) {
      bed_.proxy().get("/live-load");
      socket.waitForReadyRead(100);
      stream += socket.readAll();
      frames.clear();
      for (const QByteArray& line : stream.split('\n'))
        if (line.startsWith("data: ")) frames << QJsonDocument::fromJson(line.mid(6)).object();
    }
    QVERIFY2(stream.startsWith("HTTP/1.1 200"), stream.left(200).constData());
    QVERIFY(stream.contains("Content-Type: text/event-stream"));
    QVERIFY2(frames.size() >= 3, stream.constData());
    for (int i = 1; i < frames.size(); ++i) {
      QCOMPARE(frames[i]["seq"].toInteger(), frames[i - 1]["seq"].toInteger() + 1);
      const qint64 gap = frames[i]["time"].toInteger() - frames[i - 1]["time"].toInteger();
      QVERIFY2(gap > 500 && gap < 1600, qPrintable(QString::number(gap)));  // a second apart (a loaded machine is late)
    }
    const QJsonObject last = frames.last();
    QVERIFY(last["requests"].toInt() > 0);
    QVERIFY(last["top_routes_by_requests"].toArray().first().toObject()["name"].toString() == "main");
    for (const char* key : {"rps", "status", "latency_ms", "time_ms", "top_routes_by_p99", "plugins", "connections", "targets", "histogram"})
      QVERIFY2(last.contains(key), key);
    QVERIFY(last["connections"].toObject()["active"].toInt() >= 1);
    socket.abort();

    // The polling form: the frames after a sequence number.
    const qint64 lastSeq = last["seq"].toInteger();
    QTRY_VERIFY_WITH_TIMEOUT(bed_.admin().get("/sluice/live?since=" + QByteArray::number(lastSeq)).json()["frames"].toArray().size() >= 1, 3000);
    const QJsonObject polled = bed_.admin().get("/sluice/live?since=" + QByteArray::number(lastSeq)).json();
    QVERIFY(polled["frames"].toArray().first().toObject()["seq"].toInteger() == lastSeq + 1);
    QVERIFY(polled["last"].toInteger() >= lastSeq + 1);
    QCOMPARE(bed_.admin().get("/sluice/live?since=abc").status, 400);
  }
};

QTEST_GUILESS_MAIN(TestObserve)
#include "test_observe.moc"
