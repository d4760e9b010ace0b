// The prometheus plugin and GET /metrics through a real sluice and a real upstream: Kong 2.8's
// families and labels by default (every family always, per_consumer the only switch), Kong 3.x's
// with prometheus_kong_names = 3, exact counts for a known mix of requests, target health, and a
// page promtool parses.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using namespace sluice::test;

namespace {

// One sample of the page: its family-qualified name, labels and value.
struct Sample {
  QString name;
  QMap<QString, QString> labels;
  double value = 0;
};

QList<Sample> parse(const QByteArray& page) {
  static const QRegularExpression line("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  static const QRegularExpression label("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  QList<Sample> out;
  for (const QByteArray& raw : page.split('\n')) {
    const QString text = QString::fromUtf8(raw);
    if (text.isEmpty() || text.startsWith('#')) continue;
    const auto m = line.match(text);
    if (!m.hasMatch()) continue;
    Sample s;
    s.name = m.captured(1);
    for (auto it = label.globalMatch(m.captured(2)); it.hasNext();) {
      const auto l = it.next();
      s.labels[l.captured(1)] = l.captured(2);
    }
    s.value = m.captured(3) == "+Inf" ? qInf() : m.captured(3).toDouble();
    out << s;
  }
  return out;
}

// The value of the one sample of `name` whose labels include `labels` (0 when absent).
double value(const QList<Sample>& page, const QString& name, const QMap<QString, QString>& labels = {}) {
  double total = 0;
  for (const Sample& s : page) {
    if (s.name != name) continue;
    bool match = true;
    for (auto it = labels.begin(); it != labels.end() && match; ++it) match = s.labels.value(it.key()) == it.value();
    if (match) total += s.value;
  }
  return total;
}

bool has(const QList<Sample>& page, const QString& name) {
  for (const Sample& s : page)
    if (s.name == name) return true;
  return false;
}

}  // namespace

class TestPluginsPrometheus : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

  QList<Sample> scrape() {
    const HttpResponse r = bed_.admin().get("/metrics");
    if (r.status != 200 || !r.header("Content-Type").startsWith("text/plain")) return {};
    return parse(r.body);
  }

  // The log phase runs after the response has left (as in Kong), so the last request of a batch may be
  // counted a moment after the client has its answer: scrape until `family` on `route` has grown by
  // `requests` since `before` (or 5 s have passed; the comparisons that follow then report the gap).
  static QList<Sample> scrapeSettled(const std::function<QList<Sample>()>& scrapeOnce, const QList<Sample>& before,
                                     const QString& family, const QMap<QString, QString>& labels, double requests) {
    QList<Sample> page;
    for (int i = 0; i < 100; ++i) {
      page = scrapeOnce();
      if (value(page, family, labels) - value(before, family, labels) >= requests) break;
      QTest::qWait(50);
    }
    return page;
  }
  QList<Sample> scrapeSettled(const QList<Sample>& before, const QString& route, double requests) {
    // The gateway's own latency is the last series a request is counted in.
    return scrapeSettled([this] { return scrape(); }, before, "kong_latency_count", {{"route", route}, {"type", "kong"}}, requests);
  }

  // Requests to `path` until a scrape shows the family: the plugin is in the data plane then.
  // With `labels`, until a sample of the family carries them (the family itself may be there from
  // an earlier plugin).
  void waitForFamily(const QByteArray& path, const QString& family, const QMap<QString, QString>& labels = {}) {
    const auto counted = [&] { return labels.isEmpty() ? has(scrape(), family) : value(scrape(), family, labels) > 0; };
    for (int i = 0; i < 100 && !counted(); ++i) {
      bed_.proxy().get(path);
      QTest::qWait(50);
    }
  }

 private slots:
  void initTestCase() {
    QVERIFY(bed_.start());
    bed_.create("/consumers", {{"username", "pat"}});
    bed_.create("/consumers/pat/key-auth", {{"key", "pat-key"}});
  }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void nodeFamiliesAreAlwaysThere() {
    const QList<Sample> page = scrape();
    QVERIFY(!page.isEmpty());
    QCOMPARE(value(page, "kong_datastore_reachable"), 1.0);
    for (const char* state : {"accepted", "handled", "total", "active", "reading", "writing", "waiting"})
      QVERIFY2(std::any_of(page.begin(), page.end(),
                           [&](const Sample& s) { return s.name == "kong_nginx_http_current_connections" && s.labels.value("state") == state; }),
               state);
    QVERIFY(value(page, "kong_nginx_http_current_connections", {{"state", "active"}}) >= 1);  // this scrape's own connection
    QCOMPARE(value(page, "kong_nginx_metric_errors_total"), 0.0);
    QVERIFY(value(page, "sluice_config_version") >= 1);
    QVERIFY(!has(page, "kong_http_status"));  // no plugin counted anything yet
    QVERIFY(!has(page, "kong_nginx_connections_total"));  // a 3.x name
  }

  // Kong 2.8: kong_http_status per service, route and code (whoever answered), kong_latency with a
  // type label, kong_bandwidth, and kong_http_consumer_status where per_consumer is on.
  void countsAKnownMixOfRequests() {
    bed_.addPlugin({{"name", "key-auth"}, {"config", QJsonObject{{"key_names", QJsonArray{"apikey"}}}}});
    bed_.addPlugin({{"name", "prometheus"}, {"config", QJsonObject{{"per_consumer", true}}}});
    waitForFamily("/warmup", "kong_http_status");
    QCOMPARE(bed_.until(401, "/").status, 401);
    const QList<Sample> before = scrape();

    const QByteArray okRequest = "GET /ok HTTP/1.1\r\nHost: metrics.test\r\napikey: pat-key\r\nConnection: close\r\n\r\n";
    const QByteArray notFound = "GET /status/404 HTTP/1.1\r\nHost: metrics.test\r\napikey: pat-key\r\nConnection: close\r\n\r\n";
    const QByteArray refused = "GET /ok HTTP/1.1\r\nHost: metrics.test\r\nConnection: close\r\n\r\n";
    for (int i = 0; i < 5; ++i) QCOMPARE(bed_.proxy().raw(okRequest).status, 200);
    for (int i = 0; i < 2; ++i) QCOMPARE(bed_.proxy().raw(notFound).status, 404);
    for (int i = 0; i < 3; ++i) QCOMPARE(bed_.proxy().raw(refused).status, 401);

    const QList<Sample> after = scrapeSettled(before, "main", 10);
    const auto delta = [&](const QString& name, const QMap<QString, QString>& labels) {
      return value(after, name, labels) - value(before, name, labels);
    };
    const QMap<QString, QString> main{{"service", "echo"}, {"route", "main"}};
    auto with = [&](QMap<QString, QString> extra) {
      for (auto it = main.begin(); it != main.end(); ++it) extra[it.key()] = it.value();
      return extra;
    };
    QCOMPARE(delta("kong_http_status", with({{"code", "200"}})), 5.0);
    QCOMPARE(delta("kong_http_status", with({{"code", "404"}})), 2.0);
    QCOMPARE(delta("kong_http_status", with({{"code", "401"}})), 3.0);
    QCOMPARE(delta("kong_http_status", main), 10.0);
    QCOMPARE(delta("kong_http_consumer_status", with({{"code", "200"}, {"consumer", "pat"}})), 5.0);
    QCOMPARE(delta("kong_http_consumer_status", with({{"code", "404"}, {"consumer", "pat"}})), 2.0);
    QCOMPARE(delta("kong_http_consumer_status", with({{"code", "401"}})), 0.0);  // no consumer
    // Latency: every request has a total and a gateway time; only the seven proxied ones an upstream time.
    QCOMPARE(delta("kong_latency_count", with({{"type", "request"}})), 10.0);
    QCOMPARE(delta("kong_latency_count", with({{"type", "kong"}})), 10.0);
    QCOMPARE(delta("kong_latency_count", with({{"type", "upstream"}})), 7.0);
    QCOMPARE(delta("kong_latency_bucket", with({{"type", "request"}, {"le", "+Inf"}})), 10.0);
    QCOMPARE(delta("kong_latency_bucket", with({{"type", "request"}, {"le", "60000"}})), 10.0);  // 2.8's last bound
    QVERIFY(delta("kong_latency_sum", with({{"type", "request"}})) > 0);
    // Bandwidth: the request heads exactly; the responses at least their bodies.
    QCOMPARE(delta("kong_bandwidth", with({{"type", "ingress"}})), double(5 * okRequest.size() + 2 * notFound.size() + 3 * refused.size()));
    QVERIFY(delta("kong_bandwidth", with({{"type", "egress"}})) > 7 * 100);
    // Buckets are cumulative.
    double previous = 0;
    for (const Sample& s : after)
      if (s.name == "kong_latency_bucket" && s.labels.value("route") == "main" && s.labels.value("type") == "kong") {
        QVERIFY(s.value >= previous);
        previous = s.value;
      }
    QVERIFY(!has(after, "kong_http_requests_total"));  // 3.x names only when asked for
  }

  // Kong 2.8 has one switch: the 3.x ones are refused, every family is exported without them.
  void onlyPerConsumerSwitches() {
    const HttpResponse r = bed_.admin().sendJson("POST", "/plugins", {{"name", "prometheus"}, {"config", QJsonObject{{"status_code_metrics", true}}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["config"].toObject()["status_code_metrics"].toString(), QString("unknown field"));
    const QJsonObject route = bed_.create("/services/echo/routes", {{"name", "side"}, {"paths", QJsonArray{"/side"}}});
    bed_.create("/routes/side/plugins", {{"name", "prometheus"}});
    waitForFamily("/side/x", "kong_http_status", {{"route", "side"}});
    const QList<Sample> before = scrape();
    for (int i = 0; i < 4; ++i) QCOMPARE(bed_.proxy().get("/side/x").status, 200);
    for (int i = 0; i < 3; ++i) QCOMPARE(bed_.proxy().get("/main-only").status, 200);  // no plugin on main now
    const QList<Sample> after = scrapeSettled(before, "side", 4);
    const QMap<QString, QString> side{{"service", "echo"}, {"route", "side"}, {"code", "200"}};
    QCOMPARE(value(after, "kong_http_status", side) - value(before, "kong_http_status", side), 4.0);
    const QMap<QString, QString> main{{"route", "main"}};
    QCOMPARE(value(after, "kong_http_status", main), value(before, "kong_http_status", main));
    QCOMPARE(value(after, "kong_latency_count", {{"route", "side"}, {"type", "request"}}) -
                 value(before, "kong_latency_count", {{"route", "side"}, {"type", "request"}}),
             4.0);
    QCOMPARE(bed_.admin().del("/routes/" + route["id"].toString().toUtf8()).status, 204);
  }

  // prometheus_kong_names = 3: Kong 3.x's families and labels for 3.x dashboards.
  void kong3NamesWhenAskedFor() {
    PluginTestBed bed;
    bed.sluice().setEnv("PROMETHEUS_KONG_NAMES", "3");
    QVERIFY(bed.start());
    bed.addPlugin({{"name", "prometheus"}});
    for (int i = 0; i < 100 && !has(parse(bed.admin().get("/metrics").body), "kong_http_requests_total"); ++i) {
      bed.proxy().get("/warmup");
      QTest::qWait(50);
    }
    const QList<Sample> before = parse(bed.admin().get("/metrics").body);
    for (int i = 0; i < 3; ++i) QCOMPARE(bed.proxy().get("/three").status, 200);
    const QList<Sample> after = scrapeSettled([&] { return parse(bed.admin().get("/metrics").body); }, before,
                                              "kong_kong_latency_ms_count", {{"route", "main"}}, 3);
    const QMap<QString, QString> ok{{"service", "echo"}, {"route", "main"}, {"code", "200"}, {"source", "service"}, {"consumer", ""}};
    QCOMPARE(value(after, "kong_http_requests_total", ok) - value(before, "kong_http_requests_total", ok), 3.0);
    QCOMPARE(value(after, "kong_request_latency_ms_count", {{"route", "main"}}) - value(before, "kong_request_latency_ms_count", {{"route", "main"}}), 3.0);
    QVERIFY(has(after, "kong_bandwidth_bytes"));
    QVERIFY(has(after, "kong_nginx_connections_total"));
    QCOMPARE(value(after, "kong_node_info"), 1.0);
    QVERIFY(!has(after, "kong_http_status"));
    QVERIFY(!has(after, "kong_nginx_http_current_connections"));
  }

  void exportsTargetHealth() {
    const QJsonObject upstream = bed_.create("/upstreams", {{"name", "pool"}});
    const QString target = QString("127.0.0.1:%1").arg(bed_.upstreamPort());
    bed_.create("/upstreams/pool/targets", {{"target", target}});
    QTRY_VERIFY_WITH_TIMEOUT(has(scrape(), "kong_upstream_target_health"), 5000);  // Kong 2.8: always, no plugin needed
    const QList<Sample> page = scrape();
    const QMap<QString, QString> labels{{"upstream", "pool"}, {"target", target}, {"address", target}, {"subsystem", "http"}};
    auto state = [&](const QString& s) {
      QMap<QString, QString> l = labels;
      l["state"] = s;
      return value(page, "kong_upstream_target_health", l);
    };
    QCOMPARE(state("healthchecks_off"), 1.0);
    QCOMPARE(state("healthy"), 0.0);
    QCOMPARE(state("unhealthy"), 0.0);
    QCOMPARE(state("dns_error"), 0.0);
    // Marked unhealthy through the Admin API: the page follows.
    QCOMPARE(bed_.admin().request("POST", "/upstreams/pool/targets/" + target.toUtf8() + "/unhealthy").status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(value(scrape(), "kong_upstream_target_health", [&] {
                                auto l = labels;
                                l["state"] = "unhealthy";
                                return l;
                              }()),
                              1.0, 5000);
    QCOMPARE(bed_.admin().del("/upstreams/" + upstream["id"].toString().toUtf8()).status, 204);
  }

  void promtoolParsesThePage() {
    const QString promtool = QStandardPaths::findExecutable("promtool");
    if (promtool.isEmpty()) QSKIP("promtool is not installed (scripts/quickstart installs the prometheus package)");
    bed_.addPlugin({{"name", "prometheus"}, {"config", QJsonObject{{"per_consumer", true}}}});
    waitForFamily("/promtool", "kong_http_status");
    const QByteArray page = bed_.admin().get("/metrics").body;
    QProcess check;
    check.start(promtool, {"check", "metrics"});
    QVERIFY(check.waitForStarted());
    check.write(page);
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(20000));
    const QString complaints = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
    // Exit 0 is a clean page; 3 is lint only (1 would be a page it cannot parse). The only lint
    // allowed is about the names Kong chose and its dashboard queries (units in kong_*_latency_ms,
    // counters and gauges whose names Kong fixed); Sluice's own families must be clean.
    QVERIFY2(check.exitCode() == 0 || check.exitCode() == 3, qPrintable(complaints));
    static const QRegularExpression kongNaming(
        "^kong_[a-z_]+ (metric names should not contain abbreviated units|counter metrics should have \"_total\" suffix|"
        "non-counter metrics should not have \"_total\" suffix)$");
    for (const QString& line : complaints.split('\n', Qt::SkipEmptyParts))
      QVERIFY2(kongNaming.match(line.trimmed()).hasMatch(), qPrintable(line));
  }

  void invalidConfigsAreRejectedPerField() {
    HttpResponse r = bed_.admin().sendJson("POST", "/plugins", {{"name", "prometheus"}, {"config", QJsonObject{{"per_consumer", "yes"}}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["config"].toObject()["per_consumer"].toString(), QString("expected a boolean"));
    r = bed_.admin().sendJson("POST", "/plugins", {{"name", "prometheus"}, {"config", QJsonObject{{"buckets", QJsonArray{1, 2}}}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["fields"].toObject()["config"].toObject()["buckets"].toString(), QString("unknown field"));
  }
};

QTEST_GUILESS_MAIN(TestPluginsPrometheus)
#include "test_plugins_prometheus.moc"
