#include "snapshot/config_snapshot.h"

#include "snapshot/target_health.h"

#include <algorithm>
#include <cctype>

namespace sluice::snapshot {

const char* UpstreamRuntime::healthState(const TargetRuntime& t) const {
  if (t.addresses.empty()) return "DNS_ERROR";
  const bool healthy = !t.health || t.health->healthy();
  if (!health.activeEnabled() && !health.passiveEnabled() && healthy) return "HEALTHCHECKS_OFF";
  return healthy ? "HEALTHY" : "UNHEALTHY";
}

const CertificateRuntime* ConfigSnapshot::certificateFor(std::string_view serverName) const {
  std::string name(serverName);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (auto it = sniExact.find(name); it != sniExact.end()) return &certificates[it->second];
  for (const auto& [pattern, index] : sniWildcards) {
    const bool leading = pattern.front() == '.';
    if (name.size() <= pattern.size()) continue;
    if (leading ? name.compare(name.size() - pattern.size(), pattern.size(), pattern) == 0
                : name.compare(0, pattern.size(), pattern) == 0)
      return &certificates[index];
  }
  return nullptr;
}

}  // namespace sluice::snapshot
