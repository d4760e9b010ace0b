// Sluice under systemd (Type=notify), with a real notify socket made here as systemd makes it:
// READY once it serves, RELOADING then READY around SIGHUP, the watchdog heartbeat while the
// reactors answer, STOPPING when draining; and log lines that carry their syslog level when
// stderr is the journal's stream.
#include "sluice_process.h"
#include "upstream_process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>

using namespace sluice::test;

namespace {

// A datagram socket in a temporary folder, as systemd's NOTIFY_SOCKET.
class NotifySocket {
 public:
  NotifySocket() {
    path_ = dir_.path() + "/notify";
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray p = path_.toLocal8Bit();
    std::memcpy(addr.sun_path, p.constData(), static_cast<size_t>(p.size()));
    bound_ = fd_ >= 0 && ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~NotifySocket() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool bound() const { return bound_; }
  QString path() const { return path_; }
  // Every message received so far, in order.
  QStringList messages() {
    char buf[4096];
    for (;;) {
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      received_ << QString::fromUtf8(buf, static_cast<int>(n));
    }
    return received_;
  }
  // Waits up to `ms` for a message that contains `text` after the first `from` messages; its index or -1.
  int waitFor(const QString& text, int ms, int from = 0) {
    QElapsedTimer t;
    t.start();
    do {
      const QStringList all = messages();
      for (int i = from; i < all.size(); ++i)
        if (all[i].contains(text)) return i;
      QThread::msleep(20);
    } while (t.elapsed() < ms);
    return -1;
  }

 private:
  QTemporaryDir dir_;
  QString path_;
  int fd_ = -1;
  bool bound_ = false;
  QStringList received_;
};

}  // namespace

class TestSystemd : public QObject {
  Q_OBJECT

  UpstreamProcess upstream_;

 private slots:
  void initTestCase() { QVERIFY(upstream_.start()); }

  void notifiesReadyReloadingStopping() {
    NotifySocket notify;
    QVERIFY(notify.bound());
    SluiceProcess sluice;
    sluice.setProcessEnv("NOTIFY_SOCKET", notify.path());
    QVERIFY(sluice.start());
    const int ready = notify.waitFor("READY=1", 5000);
    QVERIFY2(ready >= 0, qPrintable(notify.messages().join(" | ")));
    QVERIFY(notify.messages()[ready].contains("STATUS=proxy on 127.0.0.1:" + QString::number(sluice.proxyPort())));
    QVERIFY(sluice.routeTo(upstream_.port()));

    // SIGHUP: RELOADING=1 (with the monotonic time systemd wants), then READY=1 again; requests go on.
    sluice.signal(SIGHUP);
    const int reloading = notify.waitFor("RELOADING=1", 5000, ready + 1);
    QVERIFY2(reloading > ready, qPrintable(notify.messages().join(" | ")));
    QVERIFY(notify.messages()[reloading].contains("MONOTONIC_USEC="));
    QVERIFY(notify.waitFor("READY=1", 5000, reloading + 1) > reloading);
    QCOMPARE(sluice.proxy().get("/").status, 200);

    QVERIFY(sluice.stop());
    const int stopping = notify.waitFor("STOPPING=1", 5000, reloading + 1);
    QVERIFY2(stopping > reloading, qPrintable(notify.messages().join(" | ")));
    // No heartbeat was asked for.
    QVERIFY(!notify.messages().join("\n").contains("WATCHDOG=1"));
  }

  void watchdogHeartbeatWhileReactorsAnswer() {
    NotifySocket notify;
    QVERIFY(notify.bound());
    SluiceProcess sluice;
    sluice.setProcessEnv("NOTIFY_SOCKET", notify.path());
    sluice.setProcessEnv("WATCHDOG_USEC", "400000");  // a heartbeat every 200 ms
    sluice.setEnv("WORKER_PROCESSES", "2");
    QVERIFY(sluice.start());
    QVERIFY(notify.waitFor("READY=1", 5000) >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(notify.messages().filter("WATCHDOG=1").size() >= 4, 5000);
    // Still beating after a second: the heartbeat follows the period, not a burst at start.
    const auto before = notify.messages().filter("WATCHDOG=1").size();
    QThread::msleep(1000);
    const auto after = notify.messages().filter("WATCHDOG=1").size();
    QVERIFY2(after >= before + 3 && after <= before + 7, qPrintable(QString("%1 -> %2").arg(before).arg(after)));
    QVERIFY(sluice.stop());
  }

  void withoutNotifySocketNothingIsSent() {
    // The same binary started by hand or by another supervisor: it serves and logs as usual.
    SluiceProcess sluice;
    sluice.setProcessEnv("WATCHDOG_USEC", "400000");
    QVERIFY(sluice.start());
    QVERIFY(sluice.stop());
    QVERIFY(!sluice.logs().contains("cannot notify systemd"));
  }

  void logLinesCarryTheirLevelForTheJournal() {
    QTemporaryDir dir;
    const QString path = dir.path() + "/stderr";
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.close();
    struct stat st {};
    QCOMPARE(::stat(path.toLocal8Bit().constData(), &st), 0);
    SluiceProcess sluice;
    sluice.setProcessEnv("JOURNAL_STREAM", QString("%1:%2").arg(st.st_dev).arg(st.st_ino));
    sluice.setOutputFile(path);
    QVERIFY(sluice.start());
    QVERIFY(sluice.stop());
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray log = out.readAll();
    // notice is syslog's 5; the journal adds the time, so the line has none.
    QVERIFY2(log.contains("\n<5>sluice 0.1.0 started: proxy on ") || log.startsWith("<5>sluice 0.1.0 started"), log.constData());
    QVERIFY2(log.contains("<5>stopped"), log.constData());
    QVERIFY(!log.contains("[Notice]"));
  }
};

QTEST_GUILESS_MAIN(TestSystemd)
#include "test_systemd.moc"
