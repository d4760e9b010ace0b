#pragma once
#include <time.h>

#include <cstdint>

namespace sluice::core {

// Monotonic time for durations and timers, read through the vDSO (no system call). Inline: the
// proxy reads it several times per request.
inline uint64_t monotonicNanos() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000 + static_cast<uint64_t>(ts.tv_nsec);
}
inline uint64_t monotonicMicros() { return monotonicNanos() / 1000; }
// The coarse clock (the last tick, ~1-4 ms resolution), cheaper still: the reactors' timer wheel.
inline uint64_t coarseMonotonicMillis() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000 + static_cast<uint64_t>(ts.tv_nsec) / 1000000;
}

// Wall-clock time as entities record it: whole unix seconds (most entities) or seconds with
// milliseconds (targets, as Kong and go-kong expect).
int64_t unixSeconds();
double unixSecondsWithMillis();
// Milliseconds since the epoch (logs, traces, live frames); a vDSO call, cheap on the request path.
int64_t unixMillis();

}  // namespace sluice::core
