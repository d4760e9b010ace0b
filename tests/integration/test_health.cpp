// Upstream health: passive checks take failing targets out, active probes take dead ones out within
// an interval and bring them back, manual overrides, and Kong's /upstreams/{u}/health shapes.
#include "sluice_process.h"
#include "upstream_process.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

namespace {

QJsonObject passiveChecks() {
  return {{"passive", QJsonObject{{"unhealthy", QJsonObject{{"tcp_failures", 2}, {"http_failures", 2}}}}}};
}

QJsonObject activeChecks() {
  return {{"active", QJsonObject{{"http_path", "/status/200"}, {"timeout", 0.5},
                                 {"healthy", QJsonObject{{"interval", 0.2}, {"successes", 1}}},
                                 {"unhealthy", QJsonObject{{"interval", 0.2}, {"tcp_failures", 1}, {"http_failures", 1}, {"timeouts", 1}}}}}};
}

}  // namespace

class TestHealth : public QObject {
  Q_OBJECT

  UpstreamProcess a_, b_;
  SluiceProcess sluice_;
  HttpClient admin_{0}, proxy_{0};

  QString healthOf(const QByteArray& upstream, const QString& target) {
    for (const auto& t : admin_.get("/upstreams/" + upstream + "/health").json()["data"].toArray())
      if (t.toObject()["target"].toString() == target) return t.toObject()["health"].toString();
    return "missing";
  }

  QSet<int> portsServing(const QByteArray& path, int requests = 12) {
    QSet<int> ports;
    for (int i = 0; i < requests; ++i) {
      const auto r = proxy_.get(path);
      if (r.status == 200) ports.insert(r.json()["server_port"].toInt());
    }
    return ports;
  }

  void makeUpstream(const QByteArray& name, const QJsonObject& checks, const QList<QString>& targets) {
    QCOMPARE(admin_.sendJson("POST", "/upstreams", {{"name", QString(name)}, {"healthchecks", checks}}).status, 201);
    for (const auto& t : targets)
      QCOMPARE(admin_.sendJson("POST", "/upstreams/" + name + "/targets", {{"target", t}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/services", {{"name", QString(name)}, {"host", QString(name)}, {"retries", 3}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/services/" + name + "/routes", {{"paths", QJsonArray{"/" + QString(name)}}}).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(proxy_.get("/" + name).status != 404, 5000);
  }

  QString target(const UpstreamProcess& p) { return QString("127.0.0.1:%1").arg(p.port()); }

  // GET /upstreams/{u}/health/history as "target HEALTH source: reason" lines, oldest first.
  QStringList historyOf(const QByteArray& upstream, const QByteArray& query = {}) {
    QStringList out;
    for (const auto& e : admin_.get("/upstreams/" + upstream + "/health/history" + query).json()["data"].toArray()) {
      const auto o = e.toObject();
      out << o["target"].toString() + " " + o["health"].toString() + " " + o["source"].toString() + ": " + o["reason"].toString();
    }
    return out;
  }

 private slots:
  void initTestCase() {
    QVERIFY(a_.start());
    QVERIFY(b_.start());
    QVERIFY(sluice_.start());
    admin_ = sluice_.admin();
    proxy_ = sluice_.proxy();
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void withoutChecksTargetsReportChecksOff() {
    makeUpstream("plain", {}, {target(a_)});
    QCOMPARE(healthOf("plain", target(a_)), QString("HEALTHCHECKS_OFF"));
    const auto all = admin_.get("/upstreams/plain/health?balancer_health=1").json();
    QCOMPARE(all["data"].toObject()["health"].toString(), QString("HEALTHCHECKS_OFF"));
    QCOMPARE(admin_.get("/upstreams/nothing/health").status, 404);
  }

  void passiveChecksTakeAFailingTargetOut() {
    const QString dead = QString("127.0.0.1:%1").arg(SluiceProcess::freePort());
    makeUpstream("passive", passiveChecks(), {target(a_), dead});
    for (int i = 0; i < 10; ++i) QCOMPARE(proxy_.get("/passive").status, 200);  // retries hide the dead target
    QCOMPARE(healthOf("passive", dead), QString("UNHEALTHY"));
    QCOMPARE(healthOf("passive", target(a_)), QString("HEALTHY"));
    QCOMPARE(historyOf("passive"), QStringList{dead + " UNHEALTHY passive: unhealthy after 2 TCP failures (proxied requests)"});
  }

  void activeChecksFollowATargetDownAndUp() {
    makeUpstream("active", activeChecks(), {target(a_), target(b_)});
    QTRY_COMPARE_WITH_TIMEOUT(portsServing("/active"), QSet<int>({a_.port(), b_.port()}), 5000);
    const quint16 port = b_.port();
    b_.stop();
    QTRY_COMPARE_WITH_TIMEOUT(healthOf("active", target(b_)), QString("UNHEALTHY"), 3000);
    QCOMPARE(portsServing("/active"), QSet<int>({a_.port()}));
    QVERIFY(b_.start(port));
    QTRY_COMPARE_WITH_TIMEOUT(healthOf("active", target(b_)), QString("HEALTHY"), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(portsServing("/active"), QSet<int>({a_.port(), b_.port()}), 3000);
    // The history: down on a failed probe, up again on a good one, each with its time.
    const QStringList history = historyOf("active");
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0], target(b_) + " UNHEALTHY active: unhealthy after 1 TCP failures (active probe)");
    QCOMPARE(history[1], target(b_) + " HEALTHY active: healthy after 1 successes (active probe: last HTTP 200)");
    const auto rows = admin_.get("/upstreams/active/health/history").json()["data"].toArray();
    const qint64 down = rows[0].toObject()["at"].toInteger(), up = rows[1].toObject()["at"].toInteger();
    QVERIFY(down > 1700000000000 && up >= down);
    QVERIFY(!rows[0].toObject()["target_id"].toString().isEmpty());
    QCOMPARE(historyOf("active", "?since=" + QByteArray::number(up)).size(), 1);
    QCOMPARE(historyOf("active", "?target=" + target(a_).toUtf8()), QStringList{});
    QCOMPARE(admin_.get("/upstreams/active/health/history?since=yesterday").status, 400);
  }

  void targetsCanBeSetByHand() {
    makeUpstream("manual", passiveChecks(), {target(a_), target(b_)});
    QCOMPARE(admin_.request("POST", "/upstreams/manual/targets/" + target(b_).toUtf8() + "/unhealthy").status, 204);
    QCOMPARE(healthOf("manual", target(b_)), QString("UNHEALTHY"));
    QCOMPARE(portsServing("/manual"), QSet<int>({a_.port()}));
    QCOMPARE(admin_.request("POST", "/upstreams/manual/targets/" + target(a_).toUtf8() + "/unhealthy").status, 204);
    const auto none = proxy_.get("/manual");
    QCOMPARE(none.status, 503);
    QCOMPARE(none.json()["message"].toString(), QString("failure to get a peer from the ring-balancer"));
    QCOMPARE(admin_.request("POST", "/upstreams/manual/targets/" + target(b_).toUtf8() + "/healthy").status, 204);
    QCOMPARE(portsServing("/manual"), QSet<int>({b_.port()}));
    QCOMPARE(admin_.request("POST", "/upstreams/manual/targets/10.1.1.1:1/healthy").status, 404);
    const QStringList history = historyOf("manual");
    QCOMPARE(history.size(), 3);
    QVERIFY2(history[0].startsWith(target(b_) + " UNHEALTHY manual: "), qPrintable(history[0]));
    QVERIFY(history[2].startsWith(target(b_) + " HEALTHY manual: "));
  }

  void unresolvableTargetsAreDnsErrors() {
    makeUpstream("dns", passiveChecks(), {target(a_), "no-such-host.invalid:80"});
    QCOMPARE(healthOf("dns", "no-such-host.invalid:80"), QString("DNS_ERROR"));
    QCOMPARE(portsServing("/dns"), QSet<int>({a_.port()}));
  }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "test_health.moc"
