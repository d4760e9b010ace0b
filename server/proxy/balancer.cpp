#include "proxy/balancer.h"

#include <algorithm>

namespace sluice::proxy {

int RoundRobin::pick(const snapshot::UpstreamRuntime& upstream, const std::vector<int>& exclude) {
  const auto& targets = upstream.targets;
  if (scores_.size() != targets.size()) scores_.assign(targets.size(), 0);
  int64_t total = 0;
  int best = -1;
  for (size_t i = 0; i < targets.size(); ++i) {
    const auto& t = targets[i];
    if (t.weight <= 0 || t.addresses.empty() ||
        std::find(exclude.begin(), exclude.end(), static_cast<int>(i)) != exclude.end())
      continue;
    scores_[i] += t.weight;
    total += t.weight;
    if (best < 0 || scores_[i] > scores_[static_cast<size_t>(best)]) best = static_cast<int>(i);
  }
  if (best >= 0) scores_[static_cast<size_t>(best)] -= total;
  return best;
}

}  // namespace sluice::proxy
