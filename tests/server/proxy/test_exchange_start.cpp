// The request half of an exchange alone: how a parsed head is routed on a snapshot — forwarded,
// read first for a plugin, or answered by the gateway as Kong answers it.
#include "proxy/exchange_start.h"
#include "proxy/proxy_worker.h"
#include "snapshot/snapshot_publisher.h"

#include <QtTest>

using namespace sluice;

class TestExchangeStart : public QObject {
  Q_OBJECT

  snapshot::SnapshotPublisher publisher_;
  std::unique_ptr<proxy::ProxyWorker> worker_;
  std::string head_;

  // Routes: /api (https only, redirect 301), /orders (enabled service), /off (disabled service),
  // /read (a chain that reads the request body), /bare (no service).
  void setUpSnapshot(uint64_t maxBody) {
    auto snap = std::make_shared<snapshot::ConfigSnapshot>();
    snap->services.resize(2);
    snap->services[0].name = "orders";
    snap->services[1].name = "off";
    snap->services[1].enabled = false;
    snap->chains.resize(2);
    snap->chains[1].readsRequestBody = true;
    std::vector<router::RouteSpec> specs;
    const auto add = [&](const char* path, int service, size_t chain, uint8_t protocols, int redirect) {
      snapshot::RouteRuntime r;
      r.id = path;
      r.service = service;
      r.chain = chain;
      r.protocols = protocols;
      r.httpsRedirectStatus = redirect;
      router::RouteSpec spec;
      spec.index = snap->routes.size();
      spec.paths = {path};
      spec.protocols = protocols;
      specs.push_back(spec);
      snap->routes.push_back(r);
    };
    add("/api", 0, 0, router::kHttps, 301);
    add("/orders", 0, 0, router::kHttp | router::kHttps, 426);
    add("/off", 1, 0, router::kHttp | router::kHttps, 426);
    add("/read", 0, 1, router::kHttp | router::kHttps, 426);
    add("/bare", -1, 0, router::kHttp | router::kHttps, 426);
    snap->router = router::Router::build(std::move(specs));
    publisher_.publish(snap);
    auto settings = std::make_shared<proxy::ProxySettings>();
    settings->clientMaxBodySize = maxBody;
    worker_ = std::make_unique<proxy::ProxyWorker>(0, settings, publisher_);
  }

  // Parses `request` into `x`, opens the exchange and routes it.
  proxy::Routed route(proxy::Exchange& x, const std::string& request, http::GatewayResponse& answer) {
    head_ = request;
    if (x.codec.readHead(head_, x.head) != http::Http1ServerCodec::Head::Ready) qFatal("test request did not parse");
    proxy::ClientFacts client;
    client.clientIp = "10.0.0.7";
    client.serverPort = 8000;
    proxy::openExchange(*worker_, x, client);
    return proxy::routeExchange(*worker_, x, client, answer);
  }

 private slots:
  void init() { setUpSnapshot(0); }
  void cleanup() { worker_.reset(); }

  void aMatchGoesOnWithItsRouteAndService() {
    proxy::Exchange x;
    http::GatewayResponse answer;
    QCOMPARE(route(x, "GET /orders/1 HTTP/1.1\r\nHost: a\r\n\r\n", answer), proxy::Routed::Forward);
    QCOMPARE(x.route->id, std::string("/orders"));
    QCOMPARE(x.service->name, std::string("orders"));
    QVERIFY(x.pin);
    QCOMPARE(x.requestIdLength, uint8_t{32});  // request ids on by default
    worker_->unpinSnapshot(x.pin);
  }

  void theGatewaysOwnAnswers() {
    http::GatewayResponse answer;
    proxy::Exchange none;
    QCOMPARE(route(none, "GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n", answer), proxy::Routed::Respond);
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.message, std::string_view("no Route matched with those values"));
    worker_->unpinSnapshot(none.pin);
    proxy::Exchange disabled;  // Kong's router leaves a disabled service's routes out
    QCOMPARE(route(disabled, "GET /off HTTP/1.1\r\nHost: a\r\n\r\n", answer), proxy::Routed::Respond);
    QCOMPARE(answer.status, 404);
    worker_->unpinSnapshot(disabled.pin);
    proxy::Exchange plain;  // an https-only route asked over http: its redirect
    QCOMPARE(route(plain, "GET /api/x?y=1 HTTP/1.1\r\nHost: example.com:8000\r\n\r\n", answer), proxy::Routed::Respond);
    QCOMPARE(answer.status, 301);
    QCOMPARE(answer.extraHeaders, std::string_view("Location: https://example.com/api/x?y=1\r\n"));
    worker_->unpinSnapshot(plain.pin);
    proxy::Exchange dots;  // a path that cannot be normalised (invalid percent-encoding)
    QCOMPARE(route(dots, "GET /orders%zz HTTP/1.1\r\nHost: a\r\n\r\n", answer), proxy::Routed::Respond);
    QCOMPARE(answer.status, 400);
    worker_->unpinSnapshot(dots.pin);
  }

  void aRouteWithoutServiceStillRunsItsPlugins() {
    proxy::Exchange x;
    http::GatewayResponse answer;
    QCOMPARE(route(x, "GET /bare HTTP/1.1\r\nHost: a\r\n\r\n", answer), proxy::Routed::Forward);
    QVERIFY(!x.service);  // answered 503 after the plugins
    worker_->unpinSnapshot(x.pin);
  }

  void bodiesForPluginsAndLimits() {
    proxy::Exchange read;
    http::GatewayResponse answer;
    QCOMPARE(route(read, "POST /read HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n", answer), proxy::Routed::ReadBodyFirst);
    QVERIFY(read.bodyBuffered);
    worker_->unpinSnapshot(read.pin);
    proxy::Exchange empty;  // no body to read: the plugins get an empty one at once
    QCOMPARE(route(empty, "GET /read HTTP/1.1\r\nHost: a\r\n\r\n", answer), proxy::Routed::Forward);
    QVERIFY(empty.bodyBuffered);
    worker_->unpinSnapshot(empty.pin);
    setUpSnapshot(10);  // client_max_body_size = 10
    proxy::Exchange big;
    QCOMPARE(route(big, "POST /orders HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", answer), proxy::Routed::Respond);
    QCOMPARE(answer.status, 413);
    worker_->unpinSnapshot(big.pin);
  }
};

QTEST_GUILESS_MAIN(TestExchangeStart)
#include "test_exchange_start.moc"
