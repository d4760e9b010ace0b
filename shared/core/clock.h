#pragma once
#include <cstdint>

namespace sluice::core {

// Wall-clock time as entities record it: whole unix seconds (most entities) or seconds with
// milliseconds (targets, as Kong and go-kong expect).
int64_t unixSeconds();
double unixSecondsWithMillis();
// Milliseconds since the epoch (logs, traces, live frames); a vDSO call, cheap on the request path.
int64_t unixMillis();

}  // namespace sluice::core
