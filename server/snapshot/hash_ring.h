#pragma once
// The ring of a consistent-hashing upstream, compiled with the snapshot: `slots` points spread
// over the targets by weight, sorted by hash. The balancer looks a request's key up in it.
#include "snapshot/config_snapshot.h"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice::snapshot {

std::vector<std::pair<uint32_t, uint32_t>> buildHashRing(const UpstreamRuntime& upstream);
// The hash of a ring point and of a request's key (FNV-1a with a final mix for a better spread).
uint32_t hash32(std::string_view key);

}  // namespace sluice::snapshot
