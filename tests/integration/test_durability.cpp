// Every write the Admin API acknowledged survives SIGKILL of the server, on both backends.
#include "sluice_process.h"

#include <QtTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace sluice::test;

class TestDurability : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase_data() { SluiceProcess::addBackendRows(); }

  void acknowledgedWritesSurviveSigkill() {
    QFETCH_GLOBAL(QString, backend);
    SluiceProcess sluice;
    QVERIFY2(sluice.useBackend(backend), "PostgreSQL fixture missing or failing (run through ctest)");
    QVERIFY(sluice.start());

    // Four writers create consumers as fast as they can; the server is killed while they write.
    std::mutex mutex;
    QStringList acknowledged;
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    const quint16 port = sluice.adminPort();
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&, w] {
        HttpClient client(port);
        for (int i = 0; i < 2000 && !stop; ++i) {
          const QString name = QString("w%1-%2").arg(w).arg(i);
          const auto r = client.sendJson("POST", "/consumers", {{"username", name}});
          if (r.status != 201) break;  // the server is gone
          std::lock_guard lock(mutex);
          acknowledged << name;
        }
      });
    }
    QTRY_VERIFY_WITH_TIMEOUT([&] { std::lock_guard lock(mutex); return acknowledged.size() >= 200; }(), 60000);
    sluice.kill();
    stop = true;
    for (auto& t : writers) t.join();

    QVERIFY(sluice.start());
    HttpClient client = sluice.admin();
    int found = 0;
    for (const QString& name : acknowledged) {
      const auto r = client.get("/consumers/" + name.toUtf8());
      if (r.status == 200) ++found;
      else qWarning("acknowledged consumer %s is missing after SIGKILL", qPrintable(name));
    }
    QCOMPARE(found, acknowledged.size());
    QVERIFY(sluice.stop());
  }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "test_durability.moc"
