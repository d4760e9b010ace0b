// The embedded store's disk fills up: the running gateway's file size limit (RLIMIT_FSIZE, set from
// outside with prlimit, as a full file system would stop it) is lowered to a little past the
// SQLite files' size. Admin writes are answered 503 with the reason, reads and the proxy go on, nothing written
// before is lost, and once the limit is lifted writes succeed again without a restart; the
// database passes SQLite's integrity check and opens again after a restart.
#include "sluice_process.h"
#include "upstream_process.h"

#include <sys/resource.h>

#include <algorithm>

#include <QFileInfo>
#include <QProcess>
#include <QtTest>

using namespace sluice::test;

namespace {

bool setFileSizeLimit(qint64 pid, rlim_t bytes) {
  rlimit limit{};
  if (prlimit(static_cast<pid_t>(pid), RLIMIT_FSIZE, nullptr, &limit) != 0) return false;
  limit.rlim_cur = std::min(bytes, limit.rlim_max);
  return prlimit(static_cast<pid_t>(pid), RLIMIT_FSIZE, &limit, nullptr) == 0;
}

}  // namespace

class TestDiskFull : public QObject {
  Q_OBJECT

 private slots:
  void writesAre503UntilSpaceReturns() {
    UpstreamProcess upstream;
    QVERIFY(upstream.start());
    SluiceProcess sluice;
    QVERIFY(sluice.start());
    HttpClient api = sluice.admin();
    QVERIFY(sluice.routeTo(upstream.port(), "/kept", "kept"));

    // A little room past the larger of the database file and its write-ahead log: some writes fit.
    const qint64 largest = std::max(QFileInfo(sluice.prefix() + "/sluice.db").size(), QFileInfo(sluice.prefix() + "/sluice.db-wal").size());
    QVERIFY(setFileSizeLimit(sluice.pidFromFile(), static_cast<rlim_t>(largest + 128 * 1024)));
    QList<int> acknowledged;
    QJsonObject refusal;
    int i = 0;
    for (; i < 2000 && refusal.isEmpty(); ++i) {
      const auto r = api.sendJson("POST", "/consumers", {{"username", QString("c%1").arg(i)}, {"custom_id", QString(200, 'x') + QString::number(i)}});
      if (r.status == 201) {
        acknowledged << i;
        continue;
      }
      QCOMPARE(r.status, 503);
      refusal = r.json();
    }
    QVERIFY2(!refusal.isEmpty(), "no write was refused under the file size limit");
    QVERIFY2(!acknowledged.isEmpty(), "no write fitted before the limit");
    qInfo("%d writes fitted, write %d was refused: %s", int(acknowledged.size()), i - 1, qPrintable(refusal["message"].toString()));
    QVERIFY2(refusal["message"].toString().contains("SQLite") && refusal["message"].toString().contains("disk full"),
             qPrintable(refusal["message"].toString()));
    QCOMPARE(api.sendJson("POST", "/consumers", {{"username", "while-full"}}).status, 503);
    QCOMPARE(api.get("/consumers/c" + QByteArray::number(acknowledged.first())).status, 200);  // reads go on
    QCOMPARE(sluice.proxy().get("/kept").status, 200);  // and so does the proxy

    QVERIFY(setFileSizeLimit(sluice.pidFromFile(), RLIM_INFINITY));
    QCOMPARE(api.sendJson("POST", "/consumers", {{"username", "after"}}).status, 201);
    for (const int n : acknowledged) QCOMPARE(api.get("/consumers/c" + QByteArray::number(n)).status, 200);
    QCOMPARE(api.get("/consumers/while-full").status, 404);
    QVERIFY(sluice.stop());

    QProcess check;  // SQLite's own verdict on the file (Python's sqlite3 module)
    check.start("python3", {"-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma integrity_check').fetchone()[0])",
                            sluice.prefix() + "/sluice.db"});
    QVERIFY(check.waitForFinished(10000));
    QCOMPARE(check.readAllStandardOutput().trimmed(), QByteArray("ok"));
    QVERIFY(sluice.start());
    QCOMPARE(sluice.admin().get("/consumers/after").status, 200);
    QCOMPARE(sluice.admin().get("/consumers/c" + QByteArray::number(acknowledged.last())).status, 200);
    QVERIFY(sluice.stop());
  }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "test_disk_full.moc"
