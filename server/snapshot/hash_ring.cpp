#include "snapshot/hash_ring.h"

#include <algorithm>
#include <string>

namespace sluice::snapshot {

uint32_t hash32(std::string_view key) {
  uint32_t h = 2166136261u;
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  return h;
}

std::vector<std::pair<uint32_t, uint32_t>> buildHashRing(const UpstreamRuntime& upstream) {
  std::vector<std::pair<uint32_t, uint32_t>> ring;
  int64_t totalWeight = 0;
  for (const auto& t : upstream.targets) totalWeight += std::max(0, t.weight);
  if (totalWeight == 0) return ring;
  const int64_t slots = std::max<int64_t>(upstream.slots, static_cast<int64_t>(upstream.targets.size()));
  for (size_t i = 0; i < upstream.targets.size(); ++i) {
    const auto& t = upstream.targets[i];
    if (t.weight <= 0) continue;
    const int64_t points = std::max<int64_t>(1, slots * t.weight / totalWeight);
    for (int64_t p = 0; p < points; ++p)
      ring.emplace_back(hash32(t.target + "#" + std::to_string(p)), static_cast<uint32_t>(i));
  }
  std::sort(ring.begin(), ring.end());
  return ring;
}

}  // namespace sluice::snapshot
