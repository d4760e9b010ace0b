// The exchange recorder alone: what one ended exchange leaves in the reactor's figures, the trace
// store, the access log and the plugins' log phase.
#include "core/clock.h"
#include "observe/metric_names.h"
#include "observe/node_metrics.h"
#include "observe/trace_store.h"
#include "proxy/exchange_recorder.h"
#include "proxy/proxy_worker.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <thread>

using namespace sluice;

namespace {

// Counts its log phases and keeps what it saw of the context.
class LogCounter final : public plugins::Plugin {
 public:
  uint8_t phases() const override { return plugins::phaseBit(plugins::Phase::Log); }
  void log(const plugins::RequestContext& ctx) const override {
    ++calls;
    status = ctx.status;
    sawRequest = ctx.request != nullptr;
  }
  mutable int calls = 0, status = 0;
  mutable bool sawRequest = true;
};

}  // namespace

class TestExchangeRecorder : public QObject {
  Q_OBJECT

  std::shared_ptr<observe::MetricNames> names_;
  snapshot::RouteRuntime route_;
  proxy::SnapshotPin pin_;

  const std::string head_ = "POST /orders?id=1 HTTP/1.1\r\nHost: example.com\r\nContent-Length: 20\r\n\r\n";

  // An exchange of route r1 that began 5 ms ago: its head, a 20-byte body, 300 bytes sent.
  void prepare(proxy::Exchange& x) {
    x.pin = &pin_;
    x.route = &route_;
    QVERIFY(x.codec.readHead(head_, x.head) == http::Http1ServerCodec::Head::Ready);
    QCOMPARE(x.codec.readBody(std::string(20, 'b')), size_t{20});
    x.ctx.bytesSent = 300;
    x.startUs = core::monotonicMicros() - 5000;
    x.method = "GET";
    x.target = "/orders?id=1";
    x.httpMinor = 1;
  }

 private slots:
  void init() {
    names_ = std::make_shared<observe::MetricNames>();
    route_ = {};
    route_.id = "r1";
    route_.metricsId = names_->route("r1", "orders", "s1", "orders-service");
  }

  void figuresAndTraceReachTheNode() {
    proxy::ProxySettings settings;
    observe::ReactorMetrics reactor;
    proxy::Exchange x;
    prepare(x);
    x.forceTrace = true;
    proxy::ExchangeRecorder(settings, reactor).record(x, "10.0.0.7", 201);

    observe::NodeMetrics node(names_);
    observe::TraceStore traces(10, 5);
    reactor.flush(node, traces);
    const auto routes = node.routesTable();
    QCOMPARE(routes.size(), size_t{1});
    QCOMPARE(routes[0]["name"].get<std::string>(), std::string("orders"));
    QCOMPARE(routes[0]["requests"].get<uint64_t>(), uint64_t{1});
    QCOMPARE(routes[0]["bytes_in"].get<uint64_t>(), uint64_t{head_.size() + 20});
    QCOMPARE(routes[0]["bytes_out"].get<uint64_t>(), uint64_t{300});
    const auto kept = traces.query({});
    QCOMPARE(kept.size(), size_t{1});
    const std::string text = kept.dump();
    QVERIFY2(text.find("10.0.0.7") != std::string::npos, text.c_str());
    QVERIFY2(text.find("/orders?id=1") != std::string::npos, text.c_str());
    QVERIFY(kept[0]["total_ms"].get<double>() >= 5.0);
  }

  void anExchangeWithoutSnapshotLeavesNothing() {
    proxy::ProxySettings settings;
    observe::ReactorMetrics reactor;
    proxy::Exchange x;
    prepare(x);
    x.pin = nullptr;  // a head that never parsed, or an exchange already recorded
    proxy::ExchangeRecorder(settings, reactor).record(x, "10.0.0.7", 400);
    observe::NodeMetrics node(names_);
    observe::TraceStore traces(10, 5);
    reactor.flush(node, traces);
    QCOMPARE(node.routesTable().size(), size_t{0});
  }

  void theLogPhaseRunsOnceWithoutTheRequestHead() {
    proxy::ProxySettings settings;
    settings.observe = false;
    observe::ReactorMetrics reactor;
    auto counter = std::make_shared<LogCounter>();
    plugins::PluginInstance instance;
    instance.name = "counter";
    instance.plugin = counter;
    instance.phases = counter->phases();
    plugins::PluginChain chain;
    chain.entries.push_back({});
    chain.entries[0].general = &instance;
    chain.phases = instance.phases;
    proxy::Exchange x;
    prepare(x);
    x.chain = &chain;
    x.resolved = {&instance};
    x.ctx.request = &x.head;
    proxy::ExchangeRecorder recorder(settings, reactor);
    recorder.record(x, "10.0.0.7", 502);
    recorder.record(x, "10.0.0.7", 502);  // still pinned: the figures would count twice, the log phase not
    QCOMPARE(counter->calls, 1);
    QCOMPARE(counter->status, 502);
    QVERIFY(!counter->sawRequest);
  }

  void theAccessLogGetsOneLine() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("access.log").toStdString();
    proxy::ProxySettings settings;
    settings.observe = false;
    settings.accessLog = std::make_shared<observe::AccessLog>(path, observe::AccessLog::Format::Json, 16);
    observe::ReactorMetrics reactor;
    proxy::Exchange x;
    prepare(x);
    proxy::ExchangeRecorder(settings, reactor).record(x, "10.0.0.7", 204);
    QTRY_COMPARE_WITH_TIMEOUT(settings.accessLog->written(), uint64_t{1}, 5000);
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    const auto entry = nlohmann::json::parse(line);
    QCOMPARE(entry["client_ip"].get<std::string>(), std::string("10.0.0.7"));
    QCOMPARE(entry["status"].get<int>(), 204);
    QCOMPARE(entry["route"].get<std::string>(), std::string("r1"));
  }
};

QTEST_GUILESS_MAIN(TestExchangeRecorder)
#include "test_exchange_recorder.moc"
