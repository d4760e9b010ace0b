// The load generator's pieces on their own: URL, duration and stage parsing, thresholds, the
// response parser over every framing and split, and the open-loop schedule's exact counts.
#include "loadgen/consumer_credential.h"
#include "loadgen/load_engine.h"
#include "loadgen/load_plan.h"
#include "loadgen/load_result.h"
#include "loadgen/rate_schedule.h"
#include "loadgen/response_parser.h"
#include "loadgen/threshold.h"

#include <QtTest>

using namespace sluice::loadgen;

class TestLoadgenUnits : public QObject {
  Q_OBJECT

 private:
  // Feeds `bytes` in pieces of `step` and reports whether one response completed, and where.
  static std::pair<bool, size_t> parse(const std::string& bytes, size_t step, bool head = false, ResponseParser* out = nullptr) {
    ResponseParser p;
    p.reset(head);
    size_t used = 0;
    while (used < bytes.size() && !p.done() && !p.failed()) {
      const size_t n = std::min(step, bytes.size() - used);
      used += p.feed(bytes.data() + used, n);
    }
    if (out) *out = p;
    return {p.done(), used};
  }

 private slots:
  void parsesUrls() {
    std::string error;
    auto u = parseUrl("http://127.0.0.1:8000/orders?x=1", error);
    QVERIFY(u);
    QCOMPARE(u->first.host, std::string("127.0.0.1"));
    QCOMPARE(u->first.port, uint16_t{8000});
    QCOMPARE(u->second, std::string("/orders?x=1"));
    QCOMPARE(u->first.hostHeader, std::string("127.0.0.1:8000"));
    u = parseUrl("https://[::1]/", error);
    QVERIFY(u);
    QVERIFY(u->first.tls);
    QCOMPARE(u->first.host, std::string("::1"));
    QCOMPARE(u->first.port, uint16_t{443});
    u = parseUrl("http://example.test?q", error);
    QVERIFY(u);
    QCOMPARE(u->second, std::string("/?q"));
    QVERIFY(!parseUrl("ftp://x/", error));
    QVERIFY(!parseUrl("http://:80/", error));
    QVERIFY(!parseUrl("http://host:99999/", error));
    QVERIFY(!parseUrl("http://user:pw@host/", error));
  }

  void parsesDurationsAndStages() {
    QCOMPARE(*parseDuration("250ms"), 0.25);
    QCOMPARE(*parseDuration("2m"), 120.0);
    QCOMPARE(*parseDuration("1.5"), 1.5);
    QVERIFY(!parseDuration("-1s"));
    QVERIFY(!parseDuration("ten"));
    bool rates = false;
    std::string error;
    auto stages = parseStages("10s:100, 30s:100,5s:0", rates, error);
    QVERIFY(stages);
    QVERIFY(!rates);
    QCOMPARE(stages->size(), size_t{3});
    stages = parseStages("5s:200/s,5s:50rps", rates, error);
    QVERIFY(stages);
    QVERIFY(rates);
    QCOMPARE(stages->back().target, 50.0);
    rates = false;
    QVERIFY(!parseStages("5s:200/s,5s:10", rates, error));
    QVERIFY(error.find("mix") != std::string::npos);
    QVERIFY(!parseStages("5s", rates, error));
  }

  void validatesPlans() {
    LoadPlan plan;
    QVERIFY(!validate(plan).empty());  // no target, no request
    std::string error;
    plan.target = parseUrl("http://127.0.0.1:1/", error)->first;
    plan.requests.push_back({});
    QVERIFY(validate(plan).empty());
    plan.threads = 4;
    plan.connections = 2;
    QCOMPARE(validate(plan).size(), size_t{1});
    plan.connections = 8;
    plan.requests.front().headers.push_back({"Bad Name", "x"});
    plan.thresholds.push_back("p99<<3");
    QCOMPARE(validate(plan).size(), size_t{2});
  }

  void writesRequests() {
    std::string error;
    const Target t = parseUrl("http://127.0.0.1:8000/", error)->first;
    RequestTemplate r;
    r.method = "POST";
    r.path = "/orders";
    r.headers = {{"Content-Type", "application/json"}};
    r.body = "{}";
    QCOMPARE(requestBytes(t, r), std::string("POST /orders HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nContent-Type: application/json\r\n"
                                             "Content-Length: 2\r\n\r\n{}"));
    r = RequestTemplate{};
    r.headers = {{"host", "api.test"}};
    QCOMPARE(requestBytes(t, r), std::string("GET / HTTP/1.1\r\nhost: api.test\r\n\r\n"));
  }

  void parsesThresholds() {
    std::string error;
    auto t = parseThreshold("p99 < 50ms", error);
    QVERIFY(t);
    QCOMPARE(t->percentile, 99.0);
    QCOMPARE(t->limit, 50.0);
    t = parseThreshold("p(99.9)<=0.2s", error);
    QVERIFY(t);
    QCOMPARE(t->percentile, 99.9);
    QCOMPARE(t->limit, 200.0);
    QVERIFY(t->op == Threshold::Op::LessEqual);
    t = parseThreshold("errors<0.1%", error);
    QVERIFY(t);
    QCOMPARE(t->limit, 0.001);
    t = parseThreshold("rps>1000", error);
    QVERIFY(t && t->op == Threshold::Op::Greater);
    QVERIFY(!parseThreshold("p0<1", error));
    QVERIFY(!parseThreshold("latency<1", error));
    QVERIFY(!parseThreshold("p99<fast", error));

    LoadResult r;
    for (int i = 1; i <= 100; ++i) r.latency.record(static_cast<uint64_t>(i) * 1000);  // 1..100 ms
    r.requests = 1000;
    r.statuses[200] = 998;
    r.statuses[503] = 2;
    r.durationSeconds = 2;
    QVERIFY(parseThreshold("p50<60ms", error)->holds(parseThreshold("p50<60ms", error)->valueOf(r)));
    QVERIFY(!parseThreshold("p99<50ms", error)->holds(parseThreshold("p99<50ms", error)->valueOf(r)));
    QCOMPARE(parseThreshold("errors<1%", error)->valueOf(r), 0.002);
    QCOMPARE(parseThreshold("rps>400", error)->valueOf(r), 500.0);
  }

  void parsesEveryFraming_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << 200 << true;
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n")
                             << 201 << true;
    QTest::newRow("close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok") << 200 << false;
    QTest::newRow("http/1.0") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << 200 << false;
    QTest::newRow("http/1.0 keep-alive") << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok") << 200 << true;
    QTest::newRow("no body") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n") << 204 << true;
    QTest::newRow("interim") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Busy\r\ncontent-length: 1\r\n\r\nx") << 503 << true;
  }
  void parsesEveryFraming() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(bool, keepAlive);
    const std::string wire = bytes.toStdString();
    for (const size_t step : {size_t{1}, size_t{3}, size_t{7}, wire.size()}) {
      ResponseParser p;
      const auto [done, used] = parse(wire + "HTTP/1.1 200 OK\r\n", step, false, &p);
      QVERIFY2(done, qPrintable(QString("step %1").arg(step)));
      QCOMPARE(used, wire.size());  // the next response's bytes are left alone
      QCOMPARE(p.status(), status);
      QCOMPARE(p.keepAlive(), keepAlive);
    }
  }

  void parsesBodiesUntilCloseAndHeadAnswers() {
    ResponseParser p;
    p.reset(false);
    const std::string wire = "HTTP/1.1 200 OK\r\n\r\nsome body";
    p.feed(wire.data(), wire.size());
    QVERIFY(!p.done());
    p.closed();
    QVERIFY(p.done());
    QVERIFY(!p.keepAlive());
    QVERIFY(parse("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", 4, true).first);  // HEAD
  }

  void rejectsWhatIsNotHttp() {
    ResponseParser p;
    QVERIFY((parse("SSH-2.0-OpenSSH\r\n\r\n", 64, false, &p), p.failed()));
    QVERIFY((parse("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", 64, false, &p), p.failed()));
    QVERIFY((parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 64, false, &p), p.failed()));
  }

  void schedulesExactCounts() {
    LoadPlan plan;
    plan.rate = 200;
    plan.durationSeconds = 3;
    RateSchedule constant(plan);
    int due = 0;
    for (uint64_t j = 0; constant.timeOf(j) != RateSchedule::kNever; ++j) ++due;
    QCOMPARE(due, 600);
    // A ramp 0 → 100/s over 10 s, then 100/s for 5 s: 500 + 500 requests, split over 3 threads.
    plan.rate = 0;
    plan.rateStages = true;
    plan.stages = {{10, 100}, {5, 100}};
    RateSchedule ramp(plan);
    QCOMPARE(ramp.rateAt(5), 50.0);
    int total = 0;
    double firstHalf = 0;
    for (int w = 0; w < 3; ++w)
      for (uint64_t j = static_cast<uint64_t>(w); ramp.timeOf(j) != RateSchedule::kNever; j += 3) {
        ++total;
        if (ramp.timeOf(j) < 10) ++firstHalf;
      }
    QCOMPARE(total, 1000);
    QCOMPARE(firstHalf, 500.0);
  }

  void picksTheCredentialTheRouteAsksFor() {
    const nlohmann::json route = {{"id", "r1"}, {"service", {{"id", "s1"}}}};
    ConsumerCredentials alice;
    alice.keyAuths = {{{"key", "alice-key"}}};
    alice.jwts = {{{"key", "alice-iss"}, {"secret", "c2VjcmV0"}, {"algorithm", "HS256"}}};
    std::vector<nlohmann::json> plugins = {
        {{"name", "key-auth"}, {"service", {{"id", "s1"}}}, {"config", {{"key_names", {"x-svc-key"}}}}},
        {{"name", "key-auth"}, {"route", {{"id", "other"}}}, {"config", {{"key_names", {"x-other"}}}}}};
    auto h = credentialHeader(alice, plugins, route, 1000, 60);
    QVERIFY(h);
    QCOMPARE(h->first, std::string("x-svc-key"));  // the service's plugin: the other route's does not apply
    QCOMPARE(h->second, std::string("alice-key"));
    // Only a jwt plugin: a token signed with the consumer's secret, in the plugin's key claim.
    plugins = {{{"name", "jwt"}, {"route", {{"id", "r1"}}}, {"config", {{"key_claim_name", "kid"}, {"maximum_expiration", 30}}}}};
    h = credentialHeader(alice, plugins, route, 1000, 600);
    QVERIFY(h);
    QCOMPARE(h->first, std::string("authorization"));
    QVERIFY(h->second.rfind("Bearer ", 0) == 0);
    const std::string token = h->second.substr(7);
    QCOMPARE(std::count(token.begin(), token.end(), '.'), 2L);
    const QByteArray payload = QByteArray::fromBase64(QByteArray::fromStdString(token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1)),
                                                      QByteArray::Base64UrlEncoding);
    const auto claims = nlohmann::json::parse(payload.toStdString());
    QCOMPARE(claims["kid"].get<std::string>(), std::string("alice-iss"));
    QCOMPARE(claims["exp"].get<int64_t>(), int64_t{1030});  // capped by maximum_expiration
    // The same secret given base64-encoded signs the same token.
    QCOMPARE(*signJwt("HS256", "c2VjcmV0", true, {{"a", 1}}), *signJwt("HS256", "secret", false, {{"a", 1}}));
    QVERIFY(!signJwt("RS256", "x", false, {{"a", 1}}));
    QVERIFY(!signJwt("HS256", "not base64!", true, {{"a", 1}}));
    ConsumerCredentials nobody;
    QVERIFY(!credentialHeader(nobody, plugins, route, 1000, 60));
  }

  void connectionStagesRampLinearly() {
    LoadPlan plan;
    plan.stages = {{10, 21}, {10, 21}, {5, 0}};
    QCOMPARE(plan.stageValueAt(0), 1.0);
    QCOMPARE(plan.stageValueAt(5), 11.0);
    QCOMPARE(plan.stageValueAt(15), 21.0);
    QCOMPARE(plan.stageValueAt(30), 0.0);
    QCOMPARE(plan.peakConnections(), 21);
    QCOMPARE(plan.issueSeconds(), 25.0);
  }
};

QTEST_GUILESS_MAIN(TestLoadgenUnits)
#include "test_loadgen_units.moc"
