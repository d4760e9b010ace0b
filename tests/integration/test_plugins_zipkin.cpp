// zipkin through a real sluice and a real upstream, reporting to a collector this test runs on a
// loopback port (Zipkin's POST /api/v2/spans): the spans of a request (the request, the proxying,
// each balancer try), B3 / W3C propagation both ways, the caller's sampling decision, request and
// static tags, and Kong's configuration checks.
#include "plugin_test_bed.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace sluice::test;

namespace {

// A Zipkin collector: keeps the spans of every POST (a JSON array of spans each), answers 202.
class Collector : public QObject {
 public:
  QList<QJsonObject> spans;
  bool listen() {
    connect(&server_, &QTcpServer::pendingConnectionAvailable, this, [this] {
      while (QTcpSocket* s = server_.nextPendingConnection()) connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
    });
    return server_.listen(QHostAddress::LocalHost, 0);
  }
  QString url() const { return QString("http://127.0.0.1:%1/api/v2/spans").arg(server_.serverPort()); }
  QList<QJsonObject> trace(const QString& traceId) const {
    QList<QJsonObject> out;
    for (const auto& s : spans)
      if (s["traceId"].toString() == traceId) out << s;
    return out;
  }

 private:
  void read(QTcpSocket* s) {
    QByteArray& buffer = buffers_[s];
    buffer += s->readAll();
    for (;;) {
      const qsizetype end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      qsizetype length = 0;
      for (const QByteArray& line : buffer.left(end).split('\n'))
        if (line.toLower().startsWith("content-length:")) length = line.mid(15).trimmed().toLongLong();
      if (buffer.size() < end + 4 + length) return;
      for (const auto& span : QJsonDocument::fromJson(buffer.mid(end + 4, length)).array()) spans << span.toObject();
      buffer.remove(0, end + 4 + length);
      s->write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
    }
  }
  QTcpServer server_;
  QHash<QTcpSocket*, QByteArray> buffers_;
};

QJsonObject byName(const QList<QJsonObject>& spans, const QString& name) {
  for (const auto& s : spans)
    if (s["name"].toString() == name) return s;
  return {};
}

QStringList annotationValues(const QJsonObject& span) {
  QStringList out;
  for (const auto& a : span["annotations"].toArray()) out << a.toObject()["value"].toString();
  return out;
}

}  // namespace

class TestPluginsZipkin : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  Collector collector_;

  // Applies the plugin and waits until requests carry a trace.
  void add(QJsonObject config) {
    config["http_endpoint"] = collector_.url();
    bed_.addPlugin({{"name", "zipkin"}, {"config", config}});
    QTRY_VERIFY_WITH_TIMEOUT(PluginTestBed::upstreamHeaders(bed_.proxy().get("/warmup")).contains("x-b3-traceid") ||
                                 PluginTestBed::upstreamHeaders(bed_.proxy().get("/warmup")).contains("traceparent"),
                             5000);
  }
  HttpResponse get(const QByteArray& path, const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
    return bed_.proxy().request("GET", path, {}, headers);
  }

 private slots:
  void initTestCase() {
    QVERIFY(collector_.listen());
    QVERIFY(bed_.start());
  }
  void cleanup() {
    QVERIFY(bed_.removePlugins());
    collector_.spans.clear();
  }

  void aSampledRequestReportsItsSpans() {
    add({{"sample_ratio", 1}});
    const HttpResponse r = get("/traced?x=1", {{"Zipkin-Tags", "team=edge ; tier = gold; broken"}});
    QCOMPARE(r.status, 200);
    const QJsonObject up = PluginTestBed::upstreamHeaders(r);
    const QString traceId = up["x-b3-traceid"].toString();
    QCOMPARE(traceId.size(), 32);
    QCOMPARE(up["x-b3-spanid"].toString().size(), 16);
    QCOMPARE(up["x-b3-sampled"].toString(), QString("1"));
    QTRY_COMPARE_WITH_TIMEOUT(collector_.trace(traceId).size(), 3, 5000);
    const auto spans = collector_.trace(traceId);
    const QJsonObject request = byName(spans, "GET"), proxy = byName(spans, "GET (proxy)"), attempt = byName(spans, "GET (balancer try 1)");
    QCOMPARE(request["kind"].toString(), QString("SERVER"));
    QVERIFY(!request.contains("parentId"));
    QCOMPARE(request["localEndpoint"].toObject()["serviceName"].toString(), QString("kong"));
    const QJsonObject tags = request["tags"].toObject();
    QCOMPARE(tags["http.status_code"].toString(), QString("200"));
    QCOMPARE(tags["http.method"].toString(), QString("GET"));
    QCOMPARE(tags["http.path"].toString(), QString("/traced"));
    QCOMPARE(tags["lc"].toString(), QString("kong"));
    QCOMPARE(tags["team"].toString(), QString("edge"));
    QCOMPARE(tags["tier"].toString(), QString("gold"));
    QVERIFY(!tags["kong.node.id"].toString().isEmpty());
    QCOMPARE(proxy["kind"].toString(), QString("CLIENT"));
    QCOMPARE(proxy["parentId"].toString(), request["id"].toString());
    QCOMPARE(proxy["id"].toString(), up["x-b3-spanid"].toString());  // the upstream continues the proxy span
    QCOMPARE(proxy["tags"].toObject()["kong.service"].toString(), bed_.serviceId());
    QCOMPARE(proxy["tags"].toObject()["kong.route"].toString(), bed_.routeId());
    QVERIFY(annotationValues(proxy).contains("kas") && annotationValues(proxy).contains("kbf"));
    QCOMPARE(attempt["remoteEndpoint"].toObject()["port"].toInt(), bed_.upstreamPort());
    QCOMPARE(attempt["remoteEndpoint"].toObject()["ipv4"].toString(), QString("127.0.0.1"));
    QCOMPARE(attempt["tags"].toObject()["kong.balancer.try"].toString(), QString("1"));
    // Wall-clock microseconds, of this very request.
    const double nowUs = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) * 1000;
    QVERIFY(request["timestamp"].toDouble() <= nowUs && request["timestamp"].toDouble() > nowUs - 60e6);
    QVERIFY(request["duration"].toDouble() >= proxy["duration"].toDouble());
  }

  void theCallersB3TraceGoesOn() {
    add({{"sample_ratio", 0}});
    const QByteArray traceId = "463ac35c9f6413ad48485a3953bb6124", spanId = "a2fb4a1d1a96d312";
    const HttpResponse r = get("/", {{"X-B3-TraceId", traceId}, {"X-B3-SpanId", spanId}, {"X-B3-Sampled", "1"}});
    const QJsonObject up = PluginTestBed::upstreamHeaders(r);
    QCOMPARE(up["x-b3-traceid"].toString(), QString(traceId));
    QCOMPARE(up["x-b3-sampled"].toString(), QString("1"));  // the caller decided, not sample_ratio
    QVERIFY(up["x-b3-spanid"].toString() != QString(spanId));
    QTRY_COMPARE_WITH_TIMEOUT(collector_.trace(traceId).size(), 3, 5000);
    QCOMPARE(byName(collector_.trace(traceId), "GET")["id"].toString(), QString(spanId));  // B3 shares the caller's span
    QCOMPARE(up["x-b3-parentspanid"].toString(), QString(spanId));
    // A caller that says not to sample: headers go on, nothing is reported.
    const HttpResponse quiet = get("/", {{"X-B3-TraceId", "1111111111111111"}, {"X-B3-SpanId", spanId}, {"X-B3-Sampled", "0"}});
    QCOMPARE(PluginTestBed::upstreamHeaders(quiet)["x-b3-sampled"].toString(), QString("0"));
    QTest::qWait(300);
    QCOMPARE(collector_.trace("1111111111111111").size(), 0);
    // The single b3 header.
    const HttpResponse single = get("/", {{"b3", traceId + "-" + spanId + "-1"}});
    QVERIFY(PluginTestBed::upstreamHeaders(single)["b3"].toString().startsWith(QString(traceId) + "-"));
  }

  void w3cTraceContext() {
    add({{"sample_ratio", 0}});
    const QString traceId = "0af7651916cd43dd8448eb211c80319c";
    const HttpResponse r = get("/", {{"traceparent", "00-" + traceId.toUtf8() + "-b7ad6b7169203331-01"}});
    const QString out = PluginTestBed::upstreamHeaders(r)["traceparent"].toString();
    QVERIFY2(out.startsWith("00-" + traceId + "-") && out.endsWith("-01"), qPrintable(out));
    QVERIFY(!out.contains("b7ad6b7169203331"));
    QTRY_COMPARE_WITH_TIMEOUT(collector_.trace(traceId).size(), 3, 5000);
    QCOMPARE(byName(collector_.trace(traceId), "GET")["parentId"].toString(), QString("b7ad6b7169203331"));
    // A malformed traceparent is ignored: a new trace, not sampled at ratio 0.
    const QString fresh = PluginTestBed::upstreamHeaders(get("/", {{"traceparent", "00-zz-b7ad6b7169203331-01"}}))["traceparent"].toString();
    QVERIFY(fresh.endsWith("-00") && !fresh.contains(traceId));
  }

  // Jaeger and OT traces go on with their baggage (uberctx-*, ot-baggage-*), escaped as Kong's.
  void jaegerAndOtBaggage() {
    add({{"sample_ratio", 0}});
    const QByteArray trace = "463ac35c9f6413ad48485a3953bb6124";
    QJsonObject up = PluginTestBed::upstreamHeaders(
        get("/", {{"uber-trace-id", trace + ":a2fb4a1d1a96d312:0000000000000001:1"}, {"uberctx-user", "ann%20b"}}));
    QVERIFY2(up["uber-trace-id"].toString().startsWith(QString(trace) + ":"), qPrintable(up["uber-trace-id"].toString()));
    QVERIFY(up["uber-trace-id"].toString().endsWith(":01"));
    QCOMPARE(up["uberctx-user"].toString(), QString("ann%20b"));
    up = PluginTestBed::upstreamHeaders(get("/", {{"ot-tracer-traceid", "1234567890abcdef"}, {"ot-tracer-spanid", "a2fb4a1d1a96d312"},
                                                  {"ot-tracer-sampled", "0"}, {"ot-baggage-tenant", "acme/eu"}}));
    QCOMPARE(up["ot-tracer-traceid"].toString(), QString("1234567890abcdef"));
    QCOMPARE(up["ot-tracer-sampled"].toString(), QString("0"));
    QCOMPARE(up["ot-baggage-tenant"].toString(), QString("acme%2Feu"));
    QCOMPARE(up["uberctx-tenant"].toString(), QString("acme%2Feu"));
  }

  void configuredHeaderTypes() {
    add({{"sample_ratio", 0}, {"header_type", "w3c"}, {"traceid_byte_count", 8}});
    const QJsonObject up = PluginTestBed::upstreamHeaders(get("/"));
    QVERIFY(up.contains("traceparent"));
    QCOMPARE(up["x-b3-traceid"].toString().size(), 16);  // and the default type's (b3), as Kong
  }

  void aRetriedRequestShowsEachTry() {
    const quint16 dead = SluiceProcess::freePort();
    bed_.create("/upstreams", {{"name", "pool"}});
    bed_.create("/upstreams/pool/targets", {{"target", QString("127.0.0.1:%1").arg(dead)}});
    bed_.create("/upstreams/pool/targets", {{"target", QString("127.0.0.1:%1").arg(bed_.upstreamPort())}});
    bed_.create("/services", {{"name", "pooled"}, {"host", "pool"}, {"port", 80}});
    bed_.create("/services/pooled/routes", {{"paths", QJsonArray{"/pooled"}}});
    add({{"sample_ratio", 1}});
    QJsonObject retried;
    for (int i = 0; i < 40 && retried.isEmpty(); ++i) {
      const HttpResponse r = get("/pooled");
      if (r.status != 200) continue;
      const QString traceId = PluginTestBed::upstreamHeaders(r)["x-b3-traceid"].toString();
      QTRY_VERIFY_WITH_TIMEOUT(collector_.trace(traceId).size() >= 3, 5000);
      const QJsonObject second = byName(collector_.trace(traceId), "GET (balancer try 2)");
      if (!second.isEmpty()) retried = byName(collector_.trace(traceId), "GET (balancer try 1)");
    }
    QVERIFY2(!retried.isEmpty(), "no request met the dead target first");
    QCOMPARE(retried["tags"].toObject()["error"].toString(), QString("true"));
    QCOMPARE(retried["tags"].toObject()["kong.balancer.state"].toString(), QString("failed"));
    QCOMPARE(retried["tags"].toObject()["http.status_code"].toString(), QString("502"));
    QCOMPARE(retried["remoteEndpoint"].toObject()["port"].toInt(), dead);
    QCOMPARE(bed_.admin().del("/services/pooled/routes/" + bed_.admin().get("/services/pooled/routes").json()["data"].toArray()[0].toObject()["id"].toString().toUtf8()).status, 204);
  }

  void configsAreKongs() {
    const auto post = [this](const QJsonObject& config) { return bed_.admin().sendJson("POST", "/plugins", {{"name", "zipkin"}, {"config", config}}); };
    HttpResponse r = post({{"static_tags", QJsonArray{QJsonObject{{"name", "lc"}, {"value", "x"}}}}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.json()["fields"].toObject()["config"].toObject()["static_tags"].toArray().at(0).toObject()["name"].toString().startsWith("must not be one of:"));
    r = post({{"static_tags", QJsonArray{QJsonObject{{"name", "a"}, {"value", "1"}}, QJsonObject{{"name", "a"}, {"value", "2"}}}}});
    QCOMPARE(r.json()["fields"].toObject()["config"].toObject()["static_tags"].toString(), QString("repeated tags are not allowed: a"));
    QCOMPARE(post({{"sample_ratio", 2}}).status, 400);
    QCOMPARE(post({{"traceid_byte_count", 12}}).status, 400);
    r = post({});
    QCOMPARE(r.status, 201);
    const QJsonObject config = r.json()["config"].toObject();
    QCOMPARE(config["sample_ratio"].toDouble(), 0.001);
    QCOMPARE(config["header_type"].toString(), QString("preserve"));
    QCOMPARE(config["tags_header"].toString(), QString("Zipkin-Tags"));
    QVERIFY(config["http_endpoint"].isNull());
    QVERIFY(!r.json().contains("protocols") || r.json()["protocols"].isArray());
  }
};

QTEST_GUILESS_MAIN(TestPluginsZipkin)
#include "test_plugins_zipkin.moc"
