// Alerts evaluated on a real gateway: a route whose upstream answers in 120 ms fires its p99 rule
// (and resolves once the traffic stops), a service answering 503 fires its 5xx-share rule (and
// resolves when the rule is disabled), a target on a closed port fires the unhealthy-target rule,
// a certificate valid for two days fires the expiry rule; the events are at GET /sluice/alerts and
// on the live frames, and the webhook — a real HTTP receiver whose first answer is a 500 — gets the
// firing event after a retry. Bad rules are refused with Kong's error shape.
#include "sluice_process.h"
#include "test_certificates.h"
#include "upstream_process.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace sluice::test;

namespace {

// A webhook endpoint on loopback: reads each request whole, answers the first with 500 and the
// rest with 200, keeps the bodies.
class WebhookReceiver : public QObject {
 public:
  WebhookReceiver() {
    connect(&server_, &QTcpServer::newConnection, this, [this] {
      while (auto* socket = server_.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
          *buffer += socket->readAll();
          for (;;) {
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0) return;
            const QByteArray head = buffer->left(end).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const int length = at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toInt();
            if (buffer->size() < end + 4 + length) return;
            const QByteArray body = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            ++attempts;
            const bool fail = attempts == 1;
            if (!fail) bodies << QJsonDocument::fromJson(body).object();
            socket->write(fail ? "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"
                               : "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
          }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
      }
    });
    server_.listen(QHostAddress::LocalHost, 0);
  }
  quint16 port() const { return server_.serverPort(); }
  int attempts = 0;
  QList<QJsonObject> bodies;

 private:
  QTcpServer server_;
};

}  // namespace

class TestAlerts : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;
  SluiceProcess sluice_;
  HttpClient admin_{0}, proxy_{0};

  QJsonObject alerts() { return admin_.get("/sluice/alerts?size=1000").json(); }

  // The events of one rule, oldest first.
  QList<QJsonObject> eventsOf(const QString& rule) {
    QList<QJsonObject> out;
    for (const auto& e : alerts()["events"].toArray())
      if (e.toObject()["rule"].toObject()["name"].toString() == rule) out << e.toObject();
    return out;
  }

  QString lastState(const QString& rule) {
    const auto events = eventsOf(rule);
    return events.isEmpty() ? QString("none") : events.last()["state"].toString();
  }

  QString createRule(const QJsonObject& rule) {
    const auto r = admin_.sendJson("POST", "/sluice_alert_rules", rule);
    if (r.status != 201) qWarning() << r.status << r.body;
    return r.json()["id"].toString();
  }

  QString addService(const QString& name, const QString& upstreamPath) {
    const QString url = QString("http://127.0.0.1:%1%2").arg(upstream_.port()).arg(upstreamPath);
    const QString id = admin_.sendJson("POST", "/services", {{"name", name}, {"url", url}}).json()["id"].toString();
    admin_.sendJson("POST", "/services/" + name.toUtf8() + "/routes", {{"name", name}, {"paths", QJsonArray{"/" + name}}});
    return id;
  }

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
    admin_ = sluice_.admin();
    proxy_ = sluice_.proxy();
  }

  void badRulesAreRefused() {
    const auto noThreshold = admin_.sendJson("POST", "/sluice_alert_rules", {{"name", "x"}, {"kind", "latency_p99"}});
    QCOMPARE(noThreshold.status, 400);
    QCOMPARE(noThreshold.json()["fields"].toObject()["threshold"].toString(), QString("required field missing"));
    const auto badKind = admin_.sendJson("POST", "/sluice_alert_rules", {{"name", "x"}, {"kind", "cpu"}, {"threshold", 1}});
    QCOMPARE(badKind.status, 400);
    QVERIFY(badKind.json()["fields"].toObject().contains("kind"));
    const auto percent = admin_.sendJson("POST", "/sluice_alert_rules", {{"name", "x"}, {"kind", "error_rate"}, {"threshold", 150}});
    QCOMPARE(percent.status, 400);
    const auto wrongScope = admin_.sendJson("POST", "/sluice_alert_rules",
                                            {{"name", "x"}, {"kind", "certificate_expiry"}, {"threshold", 3},
                                             {"route", QJsonObject{{"id", "9b8f6d1e-1b7a-4c1e-9f39-5d0e8a1b2c3d"}}}});
    QCOMPARE(wrongScope.status, 400);
    QCOMPARE(admin_.get("/sluice/alerts?since=x").status, 400);
    // Defaults a Kong user leaves out.
    const auto ok = admin_.sendJson("POST", "/sluice_alert_rules", {{"name", "defaults"}, {"kind", "target_unhealthy"}});
    QCOMPARE(ok.status, 201);
    QCOMPARE(ok.json()["for_seconds"].toInt(), 10);
    QCOMPARE(ok.json()["enabled"].toBool(), true);
    QCOMPARE(admin_.del("/sluice_alert_rules/defaults").status, 204);
  }

  void slowRouteFiresAndResolves() {
    WebhookReceiver receiver;
    const QString service = addService("slow", "/delay/120");
    const QString route = admin_.get("/routes/slow").json()["id"].toString();
    createRule({{"name", "slow-route"},
                {"kind", "latency_p99"},
                {"route", QJsonObject{{"id", route}}},
                {"threshold", 50},
                {"for_seconds", 2},
                {"webhook_url", QString("http://127.0.0.1:%1/hook").arg(receiver.port())},
                {"webhook_retries", 3}});
    Q_UNUSED(service);
    // Traffic until it fires (each request takes 120 ms; bounded).
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000 && lastState("slow-route") != "firing") QCOMPARE(proxy_.get("/slow").status, 200);
    QCOMPARE(lastState("slow-route"), QString("firing"));
    const QJsonObject fired = eventsOf("slow-route").last();
    QVERIFY2(fired["value"].toDouble() > 50, qPrintable(QString::number(fired["value"].toDouble())));
    QCOMPARE(fired["subject"].toString(), QString("route slow"));
    QVERIFY2(fired["message"].toString().contains("p99 of route slow"), qPrintable(fired["message"].toString()));
    const QJsonArray active = alerts()["active"].toArray();
    QCOMPARE(active.size(), 1);
    QCOMPARE(active.at(0).toObject()["rule"].toObject()["name"].toString(), QString("slow-route"));
    // The live frames carry the event and the count.
    bool framed = false;
    for (const auto& f : admin_.get("/sluice/live?since=0").json()["frames"].toArray())
      for (const auto& e : f.toObject()["alerts"].toObject()["events"].toArray())
        framed = framed || e.toObject()["rule"].toObject()["name"].toString() == "slow-route";
    QVERIFY(framed);
    // The webhook: refused once, then delivered.
    QTRY_VERIFY_WITH_TIMEOUT(!receiver.bodies.isEmpty(), 10000);
    QVERIFY(receiver.attempts >= 2);
    QCOMPARE(receiver.bodies.first()["alert"].toObject()["state"].toString(), QString("firing"));
    QCOMPARE(receiver.bodies.first()["alert"].toObject()["rule"].toObject()["name"].toString(), QString("slow-route"));
    // No traffic: resolved after two seconds, and told to the webhook too.
    QTRY_COMPARE_WITH_TIMEOUT(lastState("slow-route"), QString("resolved"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.bodies.size(), 2, 10000);
    QCOMPARE(receiver.bodies.last()["alert"].toObject()["state"].toString(), QString("resolved"));
    QVERIFY(alerts()["active"].toArray().isEmpty());
  }

  void serviceErrorsFireUntilTheRuleIsDisabled() {
    const QString service = addService("failing", "/status/503");
    createRule({{"name", "failing-5xx"}, {"kind", "error_rate"}, {"service", QJsonObject{{"id", service}}},
                {"threshold", 50}, {"for_seconds", 1}, {"min_requests", 2}});
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000 && lastState("failing-5xx") != "firing") QCOMPARE(proxy_.get("/failing").status, 503);
    QCOMPARE(lastState("failing-5xx"), QString("firing"));
    QCOMPARE(eventsOf("failing-5xx").last()["value"].toDouble(), 100.0);
    QCOMPARE(admin_.sendJson("PATCH", "/sluice_alert_rules/failing-5xx", {{"enabled", false}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(lastState("failing-5xx"), QString("resolved"), 5000);
    QVERIFY(eventsOf("failing-5xx").last()["message"].toString().contains("disabled or deleted"));
  }

  void unhealthyTargetFires() {
    const quint16 closed = SluiceProcess::freePort();
    QJsonObject checks{{"active", QJsonObject{{"http_path", "/status/200"}, {"timeout", 0.5},
                                              {"healthy", QJsonObject{{"interval", 0.2}, {"successes", 1}}},
                                              {"unhealthy", QJsonObject{{"interval", 0.2}, {"tcp_failures", 1}}}}}};
    QCOMPARE(admin_.sendJson("POST", "/upstreams", {{"name", "pool"}, {"healthchecks", checks}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/upstreams/pool/targets", {{"target", QString("127.0.0.1:%1").arg(closed)}}).status, 201);
    QCOMPARE(admin_.sendJson("POST", "/upstreams/pool/targets", {{"target", QString("127.0.0.1:%1").arg(upstream_.port())}}).status, 201);
    const QString pool = admin_.get("/upstreams/pool").json()["id"].toString();
    createRule({{"name", "pool-down"}, {"kind", "target_unhealthy"}, {"upstream", QJsonObject{{"id", pool}}}, {"for_seconds", 1}});
    QTRY_COMPARE_WITH_TIMEOUT(lastState("pool-down"), QString("firing"), 10000);
    const auto events = eventsOf("pool-down");
    QCOMPARE(events.size(), 1);  // the healthy target does not fire
    QCOMPARE(events.last()["subject"].toString(), QString("target 127.0.0.1:%1 of upstream pool").arg(closed));
  }

  void expiringCertificateFires() {
    const PemPair pem = selfSigned("alert.test");  // valid for two days
    QCOMPARE(admin_.sendJson("POST", "/certificates", {{"cert", QString(pem.cert)}, {"key", QString(pem.key)},
                                                        {"snis", QJsonArray{"alert.test"}}}).status, 201);
    createRule({{"name", "expiry-far"}, {"kind", "certificate_expiry"}, {"threshold", 1}, {"for_seconds", 1}});
    createRule({{"name", "expiry-30d"}, {"kind", "certificate_expiry"}, {"threshold", 30}, {"for_seconds", 1}});
    QTRY_COMPARE_WITH_TIMEOUT(lastState("expiry-30d"), QString("firing"), 10000);
    const QJsonObject fired = eventsOf("expiry-30d").last();
    QCOMPARE(fired["subject"].toString(), QString("certificate alert.test"));
    QVERIFY(fired["value"].toDouble() > 1.5 && fired["value"].toDouble() <= 2.0);
    QVERIFY2(fired["message"].toString().contains("expires in"), qPrintable(fired["message"].toString()));
    QCOMPARE(lastState("expiry-far"), QString("none"));  // two days left is not within one
  }

  void cleanupTestCase() {
    QVERIFY(sluice_.stop());
    upstream_.stop();
  }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "test_alerts.moc"
