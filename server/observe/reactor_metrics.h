#pragma once
// One reactor's figures for the current second, written by that reactor alone (plain adds, no
// atomics, no lock) and handed to the node once a second by flush(), on the same thread, when
// the aggregator asks. A route's slot is allocated on its first request and given back after a
// minute without one.
#include "observe/route_figures.h"

#include <memory>
#include <vector>

namespace sluice::observe {

class NodeMetrics;

class ReactorMetrics {
 public:
  void record(const RequestRecord& r);
  // Adds this second's figures into `node` and starts a new second.
  void flush(NodeMetrics& node);

 private:
  struct Slot {
    RouteFigures figures;
    uint32_t idleFlushes = 0;
    bool dirty = false;
  };
  std::vector<std::unique_ptr<Slot>> routes_;  // by MetricNames route id
  std::vector<uint32_t> dirtyRoutes_;
  std::vector<metrics::LatencyHistogram> pluginPhases_;  // by plugin id * kPhaseCount + phase
  std::vector<uint32_t> dirtyPhases_;
};

}  // namespace sluice::observe
