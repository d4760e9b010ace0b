// Request figures through a real sluice and a real upstream: exact counts for a known mix of
// requests, percentiles within the histogram's error, where the time went (gateway, upstream,
// plugins), the live stream (a frame a second, as Server-Sent Events and by polling) and the
// per-route table.
#include "plugin_test_bed.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
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
  quint16 statusPort_ = 0;
  QTemporaryDir logDir_;

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
    statusPort_ = SluiceProcess::freePort();
    bed_.sluice().setEnv("STATUS_LISTEN", QString("127.0.0.1:%1").arg(statusPort_));
    bed_.sluice().setEnv("ACCESS_LOG", logDir_.path() + "/access.log");
    bed_.sluice().setEnv("OBSERVABILITY_CONSUMERS", "on");
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
    // The service's figures are its routes' added up.
    QJsonObject echo;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {  // two reads: retried if a flush fell between them
                               int routeRequests = 0;
                               for (const auto& r : routes()) routeRequests += r.toObject()["service"] == "echo" ? r.toObject()["requests"].toInt() : 0;
                               for (const auto& sv : bed_.admin().get("/sluice/metrics/services").json()["data"].toArray())
                                 if (sv.toObject()["name"] == "echo") echo = sv.toObject();
                               return echo["requests"].toInt() == routeRequests;
                             }()),
                             5000);
    QVERIFY(echo["routes"].toInt() >= 2);
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
    // The time totals per part add up to the total (the clock reads between them aside).
    const QJsonObject time = row["time_ms"].toObject();
    const double parts = time["gateway"].toDouble() + time["upstream_connect"].toDouble() + time["upstream_ttfb"].toDouble() +
                         time["transfer"].toDouble();
    QVERIFY2(std::abs(parts - time["total"].toDouble()) <= 0.05 * time["total"].toDouble() + 1,
             qPrintable(QString("%1 vs %2").arg(parts).arg(time["total"].toDouble())));
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

  void slowUpstreamShowsInTraces() {
    QCOMPARE(bed_.proxy().get("/slow/delay/200").status, 200);
    QJsonArray traces;
    QTRY_VERIFY_WITH_TIMEOUT(!(traces = bed_.admin().get("/sluice/traces?route=slow&min_ms=150").json()["data"].toArray()).isEmpty(), 5000);
    const QJsonObject t = traces.first().toObject();
    QCOMPARE(t["route"].toObject()["name"].toString(), QString("slow"));
    QCOMPARE(t["service"].toObject()["name"].toString(), QString("echo"));
    QCOMPARE(t["path"].toString(), QString("/slow/delay/200"));
    QCOMPARE(t["status"].toInt(), 200);
    QVERIFY(!t["id"].toString().isEmpty());  // the X-Sluice-Request-Id the client saw
    const QJsonObject parts = t["parts_ms"].toObject();
    QVERIFY2(parts["upstream_ttfb"].toDouble() >= 195, qPrintable(QString::number(parts["upstream_ttfb"].toDouble())));
    QVERIFY2(parts["gateway"].toDouble() < 20, qPrintable(QString::number(parts["gateway"].toDouble())));
    double sent = -1, firstByte = -1;
    for (const auto& e : t["timeline"].toArray()) {
      if (e.toObject()["event"] == "request sent") sent = e.toObject()["at_ms"].toDouble();
      if (e.toObject()["event"] == "first byte") firstByte = e.toObject()["at_ms"].toDouble();
    }
    QVERIFY(sent >= 0 && firstByte - sent >= 195);
    // Filters.
    QVERIFY(bed_.admin().get("/sluice/traces?route=slow&min_ms=100000").json()["data"].toArray().isEmpty());
    QVERIFY(bed_.admin().get("/sluice/traces?route=failing&status=5xx").json()["data"].toArray().size() >= 1);
    QVERIFY(bed_.admin().get("/sluice/traces?route=failing&status=404").json()["data"].toArray().isEmpty());
    QCOMPARE(bed_.admin().get("/sluice/traces?size=1").json()["data"].toArray().size(), 1);
    const HttpResponse bad = bed_.admin().get("/sluice/traces?status=abc&min_ms=-1");
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.json()["fields"].toObject().contains("status") && bad.json()["fields"].toObject().contains("min_ms"));
  }

  void slowPluginShowsInTraces() {
    // basic-auth verifies a password with PBKDF2 (milliseconds, by design) the first time a
    // worker sees it: a request asked to be traced shows that time in the plugin's access phase.
    bed_.create("/consumers", {{"username", "tracy"}});
    bed_.create("/consumers/tracy/basic-auth", {{"username", "tracy"}, {"password", "a-long-secret"}});
    bed_.addPlugin({{"name", "basic-auth"}});
    QCOMPARE(bed_.until(401, "/").status, 401);
    const QByteArray auth = "Basic " + QByteArray("tracy:a-long-secret").toBase64();
    const HttpResponse r = bed_.proxy().request("GET", "/asked", {}, {{"Authorization", auth}, {"X-Sluice-Trace", "1"}});
    QCOMPARE(r.status, 200);
    const QString id = QString::fromUtf8(r.header("X-Sluice-Request-Id"));
    QJsonObject trace;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                               for (const auto& t : bed_.admin().get("/sluice/traces?route=main").json()["data"].toArray())
                                 if (t.toObject()["id"].toString() == id) trace = t.toObject();
                               return !trace.isEmpty();
                             }()),
                             5000);
    QVERIFY(trace["forced"].toBool());
    double pluginMs = -1;
    for (const auto& e : trace["timeline"].toArray())
      if (e.toObject()["plugin"] == "basic-auth" && e.toObject()["phase"] == "access") pluginMs = e.toObject()["duration_ms"].toDouble();
    const double gateway = trace["parts_ms"].toObject()["gateway"].toDouble();
    QVERIFY2(pluginMs > 0.5 && pluginMs >= 0.5 * gateway, qPrintable(QString("%1 of %2").arg(pluginMs).arg(gateway)));
    QVERIFY(trace["parts_ms"].toObject()["plugins"].toDouble() >= pluginMs);
    QVERIFY(bed_.removePlugins());
  }

  void consumersAreCountedWhenAskedFor() {
    bed_.create("/consumers", {{"username", "cora"}});
    bed_.create("/consumers/cora/key-auth", {{"key", "cora-key"}});
    const QString plugin = bed_.create("/routes/slow/plugins", {{"name", "key-auth"}})["id"].toString();
    QCOMPARE(bed_.until(401, "/slow/x").status, 401);
    for (int i = 0; i < 3; ++i) QCOMPARE(bed_.proxy().request("GET", "/slow/x", {}, {{"apikey", "cora-key"}}).status, 200);
    QJsonObject cora;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                               for (const auto& c : bed_.admin().get("/sluice/metrics/consumers").json()["data"].toArray())
                                 if (c.toObject()["name"] == "cora") cora = c.toObject();
                               return cora["requests"].toInt() == 3;
                             }()),
                             5000);
    QCOMPARE(cora["status"].toObject()["2xx"].toInt(), 3);
    QCOMPARE(cora["latency_ms"].toObject()["count"].toInt(), 3);
    const QByteArray page = bed_.admin().get("/metrics").body;
    QVERIFY(page.contains("sluice_consumer_requests_total{consumer=\"cora\",code=\"200\"} 3\n"));
    QVERIFY(page.contains("sluice_consumer_latency_seconds_count{consumer=\"cora\"} 3\n"));
    QCOMPARE(bed_.admin().del("/plugins/" + plugin.toUtf8()).status, 204);
  }

  void targetsHaveTheirOwnFigures() {
    UpstreamProcess second;
    QVERIFY(second.start());
    bed_.create("/upstreams", {{"name", "pool"}});
    bed_.create("/upstreams/pool/targets", {{"target", QString("127.0.0.1:%1").arg(bed_.upstreamPort())}});
    bed_.create("/upstreams/pool/targets", {{"target", QString("127.0.0.1:%1").arg(second.port())}});
    bed_.create("/services", {{"name", "pooled"}, {"host", "pool"}});
    bed_.create("/services/pooled/routes", {{"name", "pooled"}, {"paths", QJsonArray{"/pooled"}}});
    QTRY_VERIFY_WITH_TIMEOUT(PluginTestBed::upstreamHeaders(bed_.proxy().get("/pooled/x")).contains("x-forwarded-prefix"), 5000);
    for (int i = 0; i < 20; ++i) QCOMPARE(bed_.proxy().get("/pooled/delay/5").status, 200);
    QJsonArray rows;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                               rows = QJsonArray();
                               int total = 0;
                               for (const auto& t : bed_.admin().get("/sluice/metrics/targets").json()["data"].toArray())
                                 if (t.toObject()["upstream"] == "pool") {
                                   rows << t;
                                   total += t.toObject()["requests"].toInt();
                                 }
                               return rows.size() == 2 && total >= 20;  // (the main route may have answered the first)
                             }()),
                             5000);
    for (const auto& t : rows) {
      QVERIFY(t.toObject()["requests"].toInt() >= 5);  // round robin shares them out
      QVERIFY(t.toObject()["latency_ms"].toObject()["upstream_ttfb"].toObject()["p50"].toDouble() >= 5 * (1 - 1.0 / 128));
    }
  }

  void statusListenerServesStatusAndMetricsOnly() {
    const HttpClient status(statusPort_);
    const HttpResponse metrics = status.get("/metrics");
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    QVERIFY(metrics.body.contains("kong_nginx_http_current_connections{"));
    QVERIFY(metrics.body.contains("sluice_http_requests_total{route=\"main\""));
    QCOMPARE(status.get("/status").status, 200);
    QVERIFY(status.get("/status").json().contains("database"));
    QCOMPARE(status.get("/services").status, 404);  // the Admin API is not there
    QCOMPARE(status.get("/sluice/traces").status, 404);
    QCOMPARE(status.request("POST", "/metrics").status, 405);
  }

  void grafanaDashboardReadsFamiliesThatExist() {
    QFile file(QStringLiteral(SLUICE_RESOURCES) + "/grafana-sluice.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject dashboard = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(dashboard["panels"].toArray().size() >= 10);
    const QByteArray page = bed_.admin().get("/metrics").body;
    static const QRegularExpression metric("\\b((?:sluice|process)_[a-z_]+)");
    int checked = 0;
    for (const auto& p : dashboard["panels"].toArray())
      for (const auto& t : p.toObject()["targets"].toArray())
        for (auto it = metric.globalMatch(t.toObject()["expr"].toString()); it.hasNext();) {
          QString name = it.next().captured(1);
          for (const char* suffix : {"_bucket", "_sum", "_count"})
            if (name.endsWith(suffix) && !page.contains(("# TYPE " + name + " ").toUtf8())) name.chop(static_cast<int>(strlen(suffix)));
          QVERIFY2(page.contains(("# TYPE " + name + " ").toUtf8()), qPrintable(name));
          ++checked;
        }
    QVERIFY(checked >= 15);
  }

  void framesStaySmallWithTenThousandRoutes() {
    // A DB-less node with 10,000 routes, 500 of them busy in the same seconds: a frame lists the
    // top ten, not everything; the full table has every busy route.
    UpstreamProcess upstream;
    QVERIFY(upstream.start());
    QByteArray yaml = "_format_version: \"3.0\"\nservices:\n- name: many\n  url: http://127.0.0.1:" +
                      QByteArray::number(upstream.port()) + "\n  routes:\n";
    for (int i = 0; i < 10000; ++i) yaml += "  - name: r" + QByteArray::number(i) + "\n    paths: [\"/r" + QByteArray::number(i) + "/\"]\n";
    SluiceProcess sluice;
    QFile file(logDir_.path() + "/many.yml");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(yaml);
    file.close();
    sluice.setEnv("DATABASE", "off");
    sluice.setEnv("DECLARATIVE_CONFIG", file.fileName());
    QVERIFY(sluice.start());
    QByteArray burst;
    for (int i = 0; i < 500; ++i) burst += "GET /r" + QByteArray::number(i * 20) + "/ HTTP/1.1\r\nHost: t\r\n\r\n";
    burst += "GET /r1/ HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    QCOMPARE(sluice.proxy().raw(burst).status, 200);
    QByteArray biggest;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                               for (const auto& f : sluice.admin().get("/sluice/live?since=0").json()["frames"].toArray()) {
                                 const QByteArray text = QJsonDocument(f.toObject()).toJson(QJsonDocument::Compact);
                                 if (f.toObject()["requests"].toInt() > 0 && text.size() > biggest.size()) biggest = text;
                               }
                               return !biggest.isEmpty();
                             }()),
                             5000);
    const QJsonObject frame = QJsonDocument::fromJson(biggest).object();
    QCOMPARE(frame["top_routes_by_requests"].toArray().size(), 10);
    QCOMPARE(frame["top_routes_by_p99"].toArray().size(), 10);
    qInfo("largest frame: %d bytes", static_cast<int>(biggest.size()));
    QVERIFY2(biggest.size() < 16 * 1024, qPrintable(QString::number(biggest.size())));
    QTRY_VERIFY_WITH_TIMEOUT(sluice.admin().get("/sluice/metrics/routes").json()["data"].toArray().size() >= 501, 5000);
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
