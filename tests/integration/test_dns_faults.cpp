// DNS failing and recovering, with a real name server process (sluice_test_dns, named by
// dns_resolver): a service and an upstream target by host name. When the server goes silent, the
// addresses of the last answer keep serving for dns_stale_ttl past their TTL, then requests get 503
// "name resolution failed" (the target shows DNS_ERROR); a name error (NXDOMAIN) drops them at
// once. Once the server answers again the proxy serves without a restart.
#include "sluice_process.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

#include <csignal>

using namespace sluice::test;

namespace {

constexpr int kStaleTtlSeconds = 6;
constexpr int kNotFoundTtlSeconds = 2;

}  // namespace

class TestDnsFaults : public QObject {
  Q_OBJECT

  SluiceProcess sluice_;
  UpstreamProcess upstream_;
  UpstreamProcess dns_{QStringLiteral(SLUICE_TEST_DNS)};

  // What the proxy answered over a stretch of time, and when the name server first logged `mood`
  // (milliseconds from the start; -1 if it did not).
  struct Timeline {
    QList<QPair<qint64, int>> statuses;
    qint64 moodAt = -1;
    QByteArray lastBody;
    qint64 first(int status) const {
      for (const auto& [at, s] : statuses)
        if (s == status) return at;
      return -1;
    }
    qint64 last(int status) const {
      qint64 found = -1;
      for (const auto& [at, s] : statuses)
        if (s == status) found = at;
      return found;
    }
  };

  // Requests `path` every 100 ms until `until` returns true or `limitMs` pass.
  Timeline watch(const QByteArray& path, const QByteArray& mood, int limitMs, const std::function<bool(const Timeline&)>& until) {
    Timeline t;
    QElapsedTimer timer;
    timer.start();
    QByteArray log;
    while (timer.elapsed() < limitMs) {
      log += dns_.output();
      if (t.moodAt < 0 && log.contains(" " + mood)) t.moodAt = timer.elapsed();
      const HttpResponse r = sluice_.proxy().get(path);
      t.statuses.append({timer.elapsed(), r.status});
      if (r.status != 200) t.lastBody = r.body;
      if (until(t)) break;
      QTest::qWait(100);
    }
    return t;
  }
  static bool only(const Timeline& t, int a, int b) {
    for (const auto& [at, s] : t.statuses)
      if (s != a && s != b) return false;
    return true;
  }
  // The health history's DNS events of the pool's target: "DNS_ERROR no DNS answer for …".
  QStringList dnsEvents() const {
    QStringList out;
    for (const auto& e : sluice_.admin().get("/upstreams/pool/health/history").json()["data"].toArray())
      if (e.toObject()["source"].toString() == "dns") out << e.toObject()["health"].toString() + " " + e.toObject()["reason"].toString();
    return out;
  }
  QString targetHealth() const {
    const QJsonArray data = sluice_.admin().get("/upstreams/pool/health").json()["data"].toArray();
    return data.isEmpty() ? QString() : data[0].toObject()["health"].toString();
  }

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(dns_.start());
    sluice_.setEnv("DNS_RESOLVER", QString("127.0.0.1:%1").arg(dns_.port()));
    sluice_.setEnv("DNS_STALE_TTL", QString::number(kStaleTtlSeconds));
    sluice_.setEnv("DNS_NOT_FOUND_TTL", QString::number(kNotFoundTtlSeconds));
    sluice_.setEnv("DNS_ERROR_TTL", "1");
    QVERIFY(sluice_.start());
    HttpClient admin = sluice_.admin();
    const QString host = "backend.sluice.test";
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "named"}, {"host", host}, {"port", upstream_.port()}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/named/routes", {{"paths", QJsonArray{"/named"}}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/upstreams", {{"name", "pool"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/upstreams/pool/targets", {{"target", QString("%1:%2").arg(host).arg(upstream_.port())}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "pooled"}, {"host", "pool"}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/pooled/routes", {{"paths", QJsonArray{"/pooled"}}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.proxy().get("/named").status, 200, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.proxy().get("/pooled").status, 200, 10000);
    QVERIFY(dns_.output().contains("A backend.sluice.test answered"));
  }
  void cleanupTestCase() { QVERIFY(sluice_.stop()); }

  void silentServerStaleThenFailedThenRecovered() {
    dns_.output();
    dns_.signal(SIGUSR1);
    // The cached answer is due within its TTL (5 s at least); then stale addresses serve for
    // dns_stale_ttl while questions go unanswered, then 503.
    const Timeline down = watch("/named", "dropped", 30000, [](const Timeline& t) { return t.first(503) >= 0 && t.last(503) - t.first(503) > 2000; });
    QVERIFY2(down.moodAt >= 0, "the gateway did not ask again");
    QVERIFY2(down.first(503) >= 0, "no 503 within 30 s of the name server going silent");
    QVERIFY(only(down, 200, 503));
    qInfo("silent name server: first unanswered question at %lld ms, last 200 at %lld ms, first 503 at %lld ms", down.moodAt,
          down.last(200), down.first(503));
    QVERIFY2(down.last(200) < down.first(503), "200 and 503 alternated");
    // Stale serving: requests still succeeded well after the first unanswered question.
    QVERIFY2(down.last(200) - down.moodAt >= 3000, qPrintable(QString("200 only for %1 ms after the first unanswered question")
                                                                  .arg(down.last(200) - down.moodAt)));
    QCOMPARE(QJsonDocument::fromJson(down.lastBody).object()["message"].toString(), QString("name resolution failed"));
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.proxy().get("/pooled").status, 503, 5000);
    QCOMPARE(targetHealth(), QString("DNS_ERROR"));
    QVERIFY2(!dnsEvents().isEmpty() && dnsEvents().last() == "DNS_ERROR no DNS answer for backend.sluice.test", qPrintable(dnsEvents().join('|')));

    dns_.signal(SIGUSR2);
    const Timeline up = watch("/named", "answered", 15000, [](const Timeline& t) { return t.first(200) >= 0; });
    QVERIFY2(up.first(200) >= 0, "not serving again 15 s after the name server recovered");
    qInfo("name server answering again: first 200 after %lld ms", up.first(200));
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.proxy().get("/pooled").status, 200, 5000);
    QVERIFY(targetHealth() != "DNS_ERROR");
    QVERIFY2(dnsEvents().last().startsWith("HEALTHY DNS answers again for backend.sluice.test: 127.0.0.1:"), qPrintable(dnsEvents().join('|')));
  }

  void nameErrorDropsTheAddressesAtOnce() {
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.proxy().get("/named").status, 200, 10000);
    dns_.output();
    dns_.signal(SIGHUP);
    const Timeline gone = watch("/named", "nxdomain", 20000, [](const Timeline& t) { return t.first(503) >= 0; });
    QVERIFY2(gone.moodAt >= 0 && gone.first(503) >= 0, "no 503 within 20 s of the name disappearing");
    QVERIFY(only(gone, 200, 503));
    qInfo("name error: first NXDOMAIN at %lld ms, first 503 at %lld ms", gone.moodAt, gone.first(503));
    // No stale window for a name that does not exist (dns_stale_ttl is 6 s here).
    QVERIFY2(gone.first(503) - gone.moodAt < 3000,
             qPrintable(QString("503 came %1 ms after the name error").arg(gone.first(503) - gone.moodAt)));

    dns_.signal(SIGUSR2);
    QTRY_COMPARE_WITH_TIMEOUT(sluice_.proxy().get("/named").status, 200, 15000);
  }
};

QTEST_GUILESS_MAIN(TestDnsFaults)
#include "test_dns_faults.moc"
