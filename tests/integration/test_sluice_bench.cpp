// sluice-bench as a user runs it: against the test upstream, with its JSON and CSV outputs, the
// exit codes of thresholds and mistakes, a mix file, and the progress line.
#include "upstream_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace sluice::test;

class TestSluiceBench : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;
  QTemporaryDir dir_;

  struct Run {
    int code = -1;
    QByteArray out, err;
  };
  Run bench(const QStringList& args) {
    QProcess p;
    p.start(SLUICE_BENCH, args);
    Run r;
    if (!p.waitForFinished(60000)) {
      p.kill();
      p.waitForFinished();
      return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
  }
  QString url(const QString& path = "/") const { return QString("http://127.0.0.1:%1%2").arg(upstream_.port()).arg(path); }

 private slots:
  void initTestCase() { QVERIFY(upstream_.start()); }

  void printsAWrkStyleSummary() {
    const Run r = bench({"-t", "1", "-c", "4", "-n", "200", url()});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("200 requests in"), r.out);
    QVERIFY(r.out.contains("Requests/sec:"));
    QVERIFY(r.out.contains("p99.9"));
  }

  void writesJsonAndCsv() {
    const QString csv = dir_.filePath("timeline.csv");
    const Run r = bench({"-c", "4", "-d", "2s", "-m", "POST", "-b", "{\"a\":1}", "-H", "Content-Type: application/json",
                         "--json", "-", "--csv", csv, url("/anything")});
    QCOMPARE(r.code, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(!j.isEmpty(), r.out);
    QVERIFY(j["requests"].toInteger() > 0);
    QCOMPARE(j["errors"].toInt(), 0);
    QVERIFY(j["duration_s"].toDouble() >= 1.9 && j["duration_s"].toDouble() <= 2.1);
    QVERIFY(j["rps"].toDouble() > 0);
    for (const char* p : {"p50", "p90", "p99", "p99.9", "max"}) QVERIFY2(j["latency_ms"].toObject().contains(p), p);
    QCOMPARE(j["status"].toObject()["200"].toInteger(), j["requests"].toInteger());
    QVERIFY(r.err.contains("Running 2s test"));  // the text moved to standard error
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QVERIFY(lines.first().startsWith("second,requests,errors,rps,p50_ms"));
    QVERIFY(lines.size() >= 3);  // a header and two seconds
  }

  void thresholdsSetTheExitCode() {
    Run r = bench({"-c", "2", "-n", "100", "--threshold", "p99<10s", "--threshold", "errors<1%", url()});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("✓ p99<10s"));
    r = bench({"-c", "2", "-n", "100", "--threshold", "p50<1us", url()});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.contains("✗ p50<1us"));
    r = bench({"-c", "2", "-n", "100", "--threshold", "errors<1%", url("/status/500")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.contains("Non-2xx or 3xx responses: 100 (500: 100)"));
  }

  void mistakesExitWithTwo() {
    for (const QStringList& args : {QStringList{"--bogus", url()}, QStringList{"-c", "x", url()}, QStringList{"ftp://x/"},
                                    QStringList{"-d", "soon", url()}, QStringList{"--threshold", "p99<<1", url()},
                                    QStringList{"-t", "4", "-c", "2", url()}, QStringList{}}) {
      const Run r = bench(args);
      QCOMPARE(r.code, 2);
      QVERIFY2(r.err.startsWith("sluice-bench: "), r.err);
    }
    QCOMPARE(bench({"--help"}).code, 0);
  }

  void findsTheCapacity() {
    // 2 connections to 20 ms answers: the knee is below 100 requests a second.
    const QString json = dir_.filePath("capacity.json");
    const Run r = bench({"--find-capacity", "--start-rate", "40", "--rate-step", "40", "--step-duration", "2s", "--max-steps", "5",
                         "-c", "2", "-t", "1", "--json", json, url("/delay/20")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("step 1: offered 40/s") && r.out.contains("Knee: "), r.out);
    QVERIFY(r.out.contains("MISSED: throughput"));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject j = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(j["knee_rps"].toDouble() >= 40 && j["knee_rps"].toDouble() <= 80);
    QVERIFY(j["steps"].toArray().size() >= 2);
    // Its mistakes are the command line's.
    for (const QStringList& args : {QStringList{"--find-capacity", "--rate-step", "0", url()},
                                    QStringList{"--find-capacity", "--error-limit", "lots", url()}}) {
      const Run bad = bench(args);
      QCOMPARE(bad.code, 2);
      QVERIFY2(bad.err.startsWith("sluice-bench: "), bad.err);
    }
  }

  void sendsAMixInProportion() {
    QFile mix(dir_.filePath("mix.json"));
    QVERIFY(mix.open(QIODevice::WriteOnly));
    const QJsonArray requests{QJsonObject{{"name", "reads"}, {"path", "/status/200"}, {"weight", 3}},
                              QJsonObject{{"name", "writes"}, {"method", "POST"}, {"url", url("/status/201")}, {"body", "x"}, {"weight", 1}}};
    mix.write(QJsonDocument(requests).toJson());
    mix.close();
    const Run r = bench({"-c", "4", "-n", "400", "--mix", mix.fileName(), "--json", "-", url()});
    QCOMPARE(r.code, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["status"].toObject()["200"].toInt(), 300);
    QCOMPARE(j["status"].toObject()["201"].toInt(), 100);
    QCOMPARE(j["requests_by_template"].toArray()[1].toObject()["name"].toString(), QString("writes"));
    QFile other(dir_.filePath("other.json"));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write(QJsonDocument(QJsonArray{QJsonObject{{"url", "http://127.0.0.1:1/elsewhere"}}}).toJson());
    other.close();
    QCOMPARE(bench({"--mix", other.fileName(), url()}).code, 2);
  }

  void holdsARateAndShowsProgress() {
    const Run r = bench({"-c", "4", "-R", "100", "-d", "2s", "--progress", "--json", "-", url()});
    QCOMPARE(r.code, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["mode"].toString(), QString("constant-rate"));
    QVERIFY2(std::abs(j["requests"].toInt() - 200) <= 2, r.out);
    QVERIFY(j.contains("latency_uncorrected_ms"));
    QVERIFY2(r.err.contains("req/s  p50"), r.err);  // a progress line per second
  }
};

QTEST_GUILESS_MAIN(TestSluiceBench)
#include "test_sluice_bench.moc"
