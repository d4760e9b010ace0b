// Background work and the scheduler: a piece of IdleTimeWork runs at SCHED_IDLE, one that outlasts
// its patience is moved to the background niceness before it ends, and every piece leaves its
// thread at that niceness under the normal policy. Asked of the kernel (sched_getscheduler,
// getpriority) on a real thread.
#include "core/thread_priority.h"

#include <QtTest>

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace sluice;
using namespace std::chrono_literals;

namespace {
int policy() { return ::sched_getscheduler(0); }
int niceness() { return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid))); }

// Whether this process may leave SCHED_IDLE for nice 10 (root, or RLIMIT_NICE ≥ 10).
bool mayLeaveIdle() {
  rlimit limit{};
  return ::geteuid() == 0 || (::getrlimit(RLIMIT_NICE, &limit) == 0 && limit.rlim_cur >= 10);
}
}  // namespace

class TestThreadPriority : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { core::setBackgroundNiceness(10); }

  void aPieceRunsInIdleTimeAndLeavesTheThreadAtTheNiceness() {
    if (!mayLeaveIdle()) QSKIP("this user may not leave SCHED_IDLE (RLIMIT_NICE): the work runs at the niceness");
    core::IdleTimeWork work(10s);
    int during = -1, after = -1, niceAfter = -100;
    std::thread([&] {
      core::enterBackground();
      work.begin();
      during = policy();
      work.end();
      after = policy();
      niceAfter = niceness();
    }).join();
    QCOMPARE(during, SCHED_IDLE);
    QCOMPARE(after, SCHED_OTHER);
    QCOMPARE(niceAfter, 10);
    QCOMPARE(work.hurried(), uint64_t(0));
  }

  void aPieceThatOutlastsItsPatienceGoesOnAtTheNiceness() {
    if (!mayLeaveIdle()) QSKIP("this user may not leave SCHED_IDLE (RLIMIT_NICE): the work runs at the niceness");
    core::IdleTimeWork work(50ms);
    int first = -1, later = -1, niceLater = -100;
    std::thread([&] {
      core::enterBackground();
      work.begin();
      first = policy();
      // Waits (bounded) for the watcher to move this thread, as a long build would be moved.
      const auto deadline = std::chrono::steady_clock::now() + 5s;
      while (policy() == SCHED_IDLE && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
      later = policy();
      niceLater = niceness();
      work.end();
    }).join();
    QCOMPARE(first, SCHED_IDLE);
    QCOMPARE(later, SCHED_OTHER);
    QCOMPARE(niceLater, 10);
    QCOMPARE(work.hurried(), uint64_t(1));
    // The next piece starts in idle time again.
    int again = -1;
    std::thread([&] {
      work.begin();
      again = policy();
      work.end();
    }).join();
    QCOMPARE(again, SCHED_IDLE);
  }

  void noPatienceMeansTheNicenessFromTheStart() {
    core::IdleTimeWork work(0ms);
    int during = -1, niceDuring = -100;
    std::thread([&] {
      core::enterBackground();
      work.begin();
      during = policy();
      niceDuring = niceness();
      work.end();
    }).join();
    QCOMPARE(during, SCHED_OTHER);
    QCOMPARE(niceDuring, 10);
  }
};

QTEST_APPLESS_MAIN(TestThreadPriority)
#include "test_thread_priority.moc"
