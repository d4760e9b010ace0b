#pragma once
// Smooth weighted round-robin (nginx's): every pick adds each target's weight to its running score,
// takes the highest and subtracts the total from it, so weights 5:1:1 give a a b a c a a, not a run
// of five. The scores are per worker: no shared state, no lock.
#include "snapshot/config_snapshot.h"

#include <vector>

namespace sluice::proxy {

class RoundRobin {
 public:
  // The index of the chosen target among `upstream.targets`, or -1 when none is eligible
  // (weight 0, no address, or listed in `exclude`).
  int pick(const snapshot::UpstreamRuntime& upstream, const std::vector<int>& exclude = {});

 private:
  std::vector<int64_t> scores_;
};

}  // namespace sluice::proxy
