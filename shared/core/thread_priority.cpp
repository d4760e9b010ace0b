#include "core/thread_priority.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>

namespace sluice::core {

namespace {
std::atomic<int> backgroundNiceness{0};
}

void setBackgroundNiceness(int niceness) { backgroundNiceness = niceness; }

void enterBackground() {
  thread_local bool entered = false;
  if (entered) return;
  entered = true;
  const int niceness = backgroundNiceness.load();
  if (niceness == 0) return;
  // PRIO_PROCESS with a thread id applies to that thread alone on Linux. Raising one's own
  // niceness needs no privilege; a failure leaves the thread as it was.
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), niceness);
}

}  // namespace sluice::core
