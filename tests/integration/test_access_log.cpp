// The access log through a real sluice and a real upstream: nginx's combined format and JSON,
// reopening after rotation (SIGUSR1), and lines dropped (and counted) rather than waited for.
#include "sluice_process.h"
#include "upstream_process.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <tuple>

using namespace sluice::test;

namespace {

QList<QByteArray> lines(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QList<QByteArray> out;
  for (const QByteArray& l : f.readAll().split('\n'))
    if (!l.isEmpty()) out << l;
  return out;
}

double metric(const QByteArray& page, const QByteArray& name) {
  for (const QByteArray& line : page.split('\n'))
    if (line.startsWith(name + " ")) return line.mid(name.size() + 1).toDouble();
  return -1;
}

}  // namespace

class TestAccessLog : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;
  QTemporaryDir dir_;

  bool routeTo(SluiceProcess& sluice) {
    sluice.admin().sendJson("POST", "/services", {{"name", "echo"}, {"url", QString("http://127.0.0.1:%1").arg(upstream_.port())}});
    sluice.admin().sendJson("POST", "/services/echo/routes", {{"name", "main"}, {"paths", QJsonArray{"/"}}});
    for (int i = 0; i < 100; ++i) {
      if (sluice.proxy().get("/ready").status == 200) return true;
      QTest::qWait(50);
    }
    return false;
  }

 private slots:
  void initTestCase() { QVERIFY(upstream_.start()); }

  void combinedFormatAndRotation() {
    const QString path = dir_.path() + "/access.log";
    SluiceProcess sluice;
    sluice.setEnv("ACCESS_LOG", path);
    QVERIFY(sluice.start());
    QVERIFY(routeTo(sluice));
    const HttpResponse r = sluice.proxy().request("GET", "/logged?q=1", {}, {{"User-Agent", "tester \"quoted\""}, {"Referer", "http://ref.test/"}});
    QCOMPARE(r.status, 200);
    // (the requests that waited for the route are logged too: wait for this one's line)
    QTRY_VERIFY_WITH_TIMEOUT(lines(path).size() >= 2 && lines(path).last().contains("/logged"), 5000);
    const QString line = QString::fromUtf8(lines(path).last());
    static const QRegularExpression combined(
        "^127\\.0\\.0\\.1 - - \\[\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000\\] \"GET /logged\\?q=1 HTTP/1\\.1\" 200 (\\d+) "
        "\"http://ref\\.test/\" \"tester \\\\x22quoted\\\\x22\"$");
    const auto m = combined.match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line));
    QVERIFY(m.captured(1).toInt() >= r.body.size());
    // logrotate moves the file away, then SIGUSR1: the next lines go to a new file.
    QVERIFY(QFile::rename(path, path + ".1"));
    sluice.signal(SIGUSR1);
    QTRY_VERIFY_WITH_TIMEOUT((sluice.proxy().get("/after-rotation"), lines(path).size() >= 1), 5000);
    QVERIFY(lines(path).last().contains("GET /after-rotation HTTP/1.1"));
    QVERIFY(!lines(path + ".1").last().contains("after-rotation"));
  }

  void jsonFormatAndDropsCounted() {
    const QString path = dir_.path() + "/access.json";
    SluiceProcess sluice;
    sluice.setEnv("ACCESS_LOG", path);
    sluice.setEnv("ACCESS_LOG_FORMAT", "json");
    sluice.setEnv("ACCESS_LOG_QUEUE", "4");  // tiny: a burst overflows it
    QVERIFY(sluice.start());
    QVERIFY(routeTo(sluice));
    QCOMPARE(sluice.proxy().get("/status/503").status, 503);
    // (the requests that waited for the route are logged too, as 404s: wait for this one's line)
    QTRY_VERIFY_WITH_TIMEOUT(lines(path).size() >= 2 && lines(path).last().contains("/status/503"), 5000);
    const QJsonObject j = QJsonDocument::fromJson(lines(path).last()).object();
    QCOMPARE(j["status"].toInt(), 503);
    QCOMPARE(j["uri"].toString(), QString("/status/503"));
    QCOMPARE(j["method"].toString(), QString("GET"));
    QCOMPARE(j["route"].toString(), QString("main"));
    QCOMPARE(j["service"].toString(), QString("echo"));
    QCOMPARE(j["client_ip"].toString(), QString("127.0.0.1"));
    QVERIFY(j["latency_ms"].toDouble() > 0);
    QVERIFY(j["upstream_ms"].isDouble());
    QVERIFY(!j["request_id"].toString().isEmpty());
    // A burst through keep-alive connections: every request is written or counted as dropped.
    const auto accounted = [&] {
      const QByteArray page = sluice.admin().get("/metrics").body;
      return std::pair{metric(page, "sluice_access_log_lines_total"), metric(page, "sluice_access_log_dropped_total")};
    };
    auto settled = accounted();
    for (int i = 0; i < 20; ++i) {  // the lines before the burst, all handled
      QTest::qWait(150);
      const auto again = accounted();
      if (again == settled) break;
      settled = again;
    }
    QByteArray burst;
    for (int i = 0; i < 300; ++i) burst += "GET /burst HTTP/1.1\r\nHost: t\r\n\r\n";
    burst += "GET /last HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    QCOMPARE(sluice.proxy().raw(burst).status, 200);
    double written = 0, dropped = 0;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                               std::tie(written, dropped) = accounted();
                               return written + dropped >= settled.first + settled.second + 301;
                             }()),
                             5000);
    QCOMPARE(written + dropped, settled.first + settled.second + 301);
    QCOMPARE(double(lines(path).size()), written);
  }

  void badSettingsStopTheStart() {
    QTemporaryDir prefix;
    SluiceProcess sluice;
    sluice.setEnv("ADMIN_LISTEN", QString("127.0.0.1:%1").arg(SluiceProcess::freePort()));
    sluice.setEnv("PROXY_LISTEN", QString("127.0.0.1:%1").arg(SluiceProcess::freePort()));
    sluice.setEnv("ACCESS_LOG", "/nonexistent-dir/access.log");
    QByteArray out;
    QVERIFY(sluice.run({"start", "-p", prefix.path()}, &out) != 0);
    QVERIFY2(out.contains("access_log: cannot open '/nonexistent-dir/access.log'"), out.constData());
    sluice.setEnv("ACCESS_LOG", "stdout");
    sluice.setEnv("ACCESS_LOG_FORMAT", "xml");
    QVERIFY(sluice.run({"check", "-p", prefix.path()}, &out) != 0);
    QVERIFY2(out.contains("access_log_format must be combined or json"), out.constData());
  }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "test_access_log.moc"
