// statsd and datadog through a real sluice and a real upstream, to a StatsD listener this test runs
// on a loopback UDP port: Kong 2.8's metric names, types, sample rates, per-consumer metrics and
// datadog's tags, one datagram per metric; and their configurations' checks.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QNetworkDatagram>
#include <QRegularExpression>
#include <QUdpSocket>
#include <QtTest>

using namespace sluice::test;

namespace {

// The datagrams a StatsD server would receive.
class StatsdListener : public QObject {
 public:
  QStringList datagrams;
  bool bind() {
    connect(&socket_, &QUdpSocket::readyRead, this, [this] {
      while (socket_.hasPendingDatagrams()) datagrams << QString::fromUtf8(socket_.receiveDatagram().data());
    });
    return socket_.bind(QHostAddress::LocalHost, 0);
  }
  quint16 port() const { return socket_.localPort(); }
  // The datagrams that name `marker` (a consumer's custom_id, say).
  QStringList with(const QString& marker) const { return datagrams.filter(marker); }

 private:
  QUdpSocket socket_;
};

}  // namespace

class TestPluginsMetricShippers : public QObject {
  Q_OBJECT

  PluginTestBed bed_;
  QString consumerId_;

  // Authenticated requests (consumer "metered", custom_id "cust-7") until `done` holds.
  bool sendUntil(const std::function<bool()>& done) {
    for (int i = 0; i < 200 && !done(); ++i) {
      bed_.proxy().request("GET", "/metered", {}, {{"apikey", "metered-key"}});
      QTest::qWait(25);
    }
    return done();
  }

  void addWithKeyAuth(const QJsonObject& plugin) {
    bed_.addPlugin({{"name", "key-auth"}});
    bed_.addPlugin(plugin);
    QCOMPARE(bed_.until(200, "/", {{"apikey", "metered-key"}}).status, 200);
  }

  HttpResponse post(const char* plugin, const QJsonObject& config) {
    return bed_.admin().sendJson("POST", "/plugins", {{"name", plugin}, {"config", config}});
  }

 private slots:
  void initTestCase() {
    QVERIFY(bed_.start());
    consumerId_ = bed_.create("/consumers", {{"username", "metered"}, {"custom_id", "cust-7"}})["id"].toString();
    QVERIFY(!consumerId_.isEmpty());
    QVERIFY(!bed_.create("/consumers/metered/key-auth", {{"key", "metered-key"}})["id"].toString().isEmpty());
  }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void statsdSendsKongsDefaultMetrics() {
    StatsdListener statsd;
    QVERIFY(statsd.bind());
    addWithKeyAuth({{"name", "statsd"}, {"config", QJsonObject{{"host", "127.0.0.1"}, {"port", statsd.port()}}}});
    // The last of a request's twelve datagrams is its status_count_per_user total.
    QVERIFY(sendUntil([&] { return !statsd.with("kong.echo.user.cust-7.request.status.total").isEmpty(); }));
    const QStringList& d = statsd.datagrams;
    QVERIFY2(d.contains("kong.echo.request.count:1|c"), qPrintable(d.join("\n")));
    QVERIFY(d.contains("kong.echo.request.status.200:1|c"));
    QVERIFY(d.contains("kong.echo.request.status.total:1|c"));
    QVERIFY(d.contains("kong.echo.user.uniques:cust-7|s"));
    QVERIFY(d.contains("kong.echo.user.cust-7.request.count:1|c"));
    QVERIFY(d.contains("kong.echo.user.cust-7.request.status.200:1|c"));
    QVERIFY(d.contains("kong.echo.user.cust-7.request.status.total:1|c"));
    for (const char* timer : {"latency", "request.size", "response.size", "upstream_latency", "kong_latency"}) {
      const QRegularExpression shape(QString(R"(^kong\.echo\.%1:(\d+)\|ms$)").arg(QRegularExpression::escape(timer)));
      const QStringList found = d.filter(shape);
      QVERIFY2(!found.isEmpty(), timer);
      if (QByteArray(timer).endsWith("size")) QVERIFY(shape.match(found.last()).captured(1).toInt() > 50);
    }
    // One datagram per metric: eight for each request, four more when it has a consumer.
    QTest::qWait(300);
    const qsizetype requests = d.filter("kong.echo.request.count:").size();
    const qsizetype identified = d.filter("kong.echo.user.cust-7.request.count:").size();
    QCOMPARE(d.size(), 8 * requests + 4 * identified);
  }

  void statsdFollowsTheConfiguredMetrics() {
    StatsdListener statsd;
    QVERIFY(statsd.bind());
    const QJsonArray metrics{
        QJsonObject{{"name", "request_count"}, {"stat_type", "gauge"}, {"sample_rate", 0.5}},
        QJsonObject{{"name", "request_per_user"}, {"stat_type", "counter"}, {"sample_rate", 1}, {"consumer_identifier", "username"}},
        QJsonObject{{"name", "unique_users"}, {"stat_type", "set"}, {"consumer_identifier", "consumer_id"}},
    };
    addWithKeyAuth({{"name", "statsd"},
                    {"config", QJsonObject{{"host", "127.0.0.1"}, {"port", statsd.port()}, {"prefix", "edge"}, {"metrics", metrics}}}});
    QString underscored = consumerId_;
    underscored.replace('-', '_');
    QVERIFY(sendUntil([&] { return !statsd.with("edge.echo.user.uniques:").isEmpty(); }));
    QVERIFY(statsd.datagrams.contains("edge.echo.request.count:1|g|@0.5"));
    QVERIFY(statsd.datagrams.contains("edge.echo.user.metered.request.count:1|c"));
    QVERIFY(statsd.datagrams.contains("edge.echo.user.uniques:" + underscored + "|s"));
    QVERIFY(statsd.with("latency").isEmpty());
  }

  void datadogTagsEachMetric() {
    StatsdListener agent;
    QVERIFY(agent.bind());
    addWithKeyAuth({{"name", "datadog"}, {"config", QJsonObject{{"host", "127.0.0.1"}, {"port", agent.port()}}}});
    QVERIFY(sendUntil([&] { return !agent.with("kong.kong_latency:").isEmpty(); }));
    const QStringList& d = agent.datagrams;
    QVERIFY2(d.contains("kong.request.count:1|c|#name:echo,status:200,consumer:cust-7,app:kong"), qPrintable(d.join("\n")));
    for (const char* timer : {"latency", "request.size", "response.size", "upstream_latency", "kong_latency"}) {
      const QRegularExpression shape(QString(R"(^kong\.%1:\d+\|ms\|#name:echo,status:200,consumer:cust-7,app:kong$)")
                                         .arg(QRegularExpression::escape(timer)));
      QVERIFY2(!d.filter(shape).isEmpty(), timer);
    }
  }

  void datadogRenamesItsTagsAndSkipsAMissingConsumer() {
    StatsdListener agent;
    QVERIFY(agent.bind());
    const QJsonArray metrics{QJsonObject{{"name", "request_count"}, {"stat_type", "distribution"}, {"tags", QJsonArray{"team:edge", "tier:1"}},
                                         {"consumer_identifier", "username"}},
                             QJsonObject{{"name", "response_size"}, {"stat_type", "histogram"}, {"sample_rate", 0.25}}};
    bed_.addPlugin({{"name", "datadog"},
                    {"config", QJsonObject{{"host", "127.0.0.1"}, {"port", agent.port()}, {"prefix", "gw"}, {"service_name_tag", "service"},
                                           {"status_tag", "http_status"}, {"metrics", metrics}}}});
    for (int i = 0; i < 200 && agent.with("gw.response.size").isEmpty(); ++i) {
      bed_.proxy().get("/missing-anonymously");
      QTest::qWait(25);
    }
    QVERIFY(agent.datagrams.contains("gw.request.count:1|d|#service:echo,http_status:200,team:edge,tier:1"));
    QVERIFY(!agent.datagrams.filter(QRegularExpression(R"(^gw\.response\.size:\d+\|h\|@0\.25\|#service:echo,http_status:200$)")).isEmpty());
  }

  void configsAreKongs() {
    // statsd's defaults are Kong's ten metrics.
    const auto made = post("statsd", {});
    QCOMPARE(made.status, 201);
    const QJsonObject config = made.json()["config"].toObject();
    QCOMPARE(config["host"].toString(), QString("localhost"));
    QCOMPARE(config["port"].toInt(), 8125);
    QCOMPARE(config["prefix"].toString(), QString("kong"));
    QCOMPARE(config["metrics"].toArray().size(), 10);
    QVERIFY(bed_.removePlugins());
    const auto metricError = [this](const char* plugin, const QJsonObject& metric) {
      const HttpResponse r = post(plugin, {{"metrics", QJsonArray{metric}}});
      if (r.status != 400) return QJsonObject{{"status", r.status}};
      return r.json()["fields"].toObject()["config"].toObject()["metrics"].toArray().at(0).toObject();
    };
    // Kong's conditional checks of each metric.
    QJsonObject e = metricError("statsd", {{"name", "unique_users"}, {"stat_type", "counter"}, {"sample_rate", 1}, {"consumer_identifier", "username"}});
    QCOMPARE(e["stat_type"].toString(), QString("value must be set"));
    QCOMPARE(e["@entity"].toArray().at(0).toString(), QString("failed conditional validation given value of field 'name'"));
    e = metricError("statsd", {{"name", "request_count"}, {"stat_type", "counter"}});
    QCOMPARE(e["sample_rate"].toString(), QString("required field missing"));
    e = metricError("statsd", {{"name", "request_per_user"}, {"stat_type", "counter"}, {"sample_rate", 1}});
    QCOMPARE(e["consumer_identifier"].toString(), QString("required field missing"));
    e = metricError("statsd", {{"name", "status_count"}, {"stat_type", "timer"}});
    QCOMPARE(e["stat_type"].toString(), QString("value must be counter"));
    e = metricError("statsd", {{"name", "latency"}, {"stat_type", "timer"}, {"sample_rate", 0}});
    QCOMPARE(e["sample_rate"].toString(), QString("value must be greater than 0"));
    e = metricError("datadog", {{"name", "unique_users"}, {"stat_type", "set"}});
    QVERIFY(e["name"].toString().startsWith("expected one of:"));
    e = metricError("datadog", {{"name", "latency"}, {"stat_type", "timer"}, {"tags", QJsonArray{"team:"}}});
    QCOMPARE(e["tags"].toArray().at(0).toString(), QString("invalid value: team:"));
    e = metricError("datadog", {{"name", "latency"}, {"stat_type", "gauge"}, {"sample_rate", 2}});
    QCOMPARE(e["sample_rate"].toString(), QString("value should be between 0 and 1"));
    // The schema shows the checks, as Kong's /schemas does.
    const QJsonObject schema = bed_.admin().get("/schemas/plugins/statsd").json();
    const QJsonArray fields = schema["fields"].toArray();
    QJsonObject metricsField;
    for (const auto& f : fields)
      if (f.toObject().contains("config"))
        for (const auto& c : f.toObject()["config"].toObject()["fields"].toArray())
          if (c.toObject().contains("metrics")) metricsField = c.toObject()["metrics"].toObject();
    QCOMPARE(metricsField["elements"].toObject()["entity_checks"].toArray().size(), 4);
  }
};

QTEST_GUILESS_MAIN(TestPluginsMetricShippers)
#include "test_plugins_metric_shippers.moc"
