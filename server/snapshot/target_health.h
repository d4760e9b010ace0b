#pragma once
// The health of one target as every worker sees it: a flag read with a relaxed load on the request
// path, and the counters that move it (active probes, passive outcomes, manual overrides).
#include <atomic>
#include <cstdint>

namespace sluice::snapshot {

struct TargetHealth {
  std::atomic<bool> up{true};
  std::atomic<uint32_t> successes{0}, httpFailures{0}, tcpFailures{0}, timeouts{0};
  bool healthy() const { return up.load(std::memory_order_relaxed); }
};

}  // namespace sluice::snapshot
