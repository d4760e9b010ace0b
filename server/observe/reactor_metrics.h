#pragma once
// One reactor's figures for the current second, written by that reactor alone (plain adds, no
// atomics, no lock) and handed to the node once a second by flush(), on the same thread, when
// the aggregator asks. A route's slot is allocated on its first request and given back after a
// minute without one.
#include "observe/route_figures.h"
#include "observe/request_trace.h"
#include "observe/trace_store.h"

#include <memory>
#include <vector>

namespace sluice::observe {

class NodeMetrics;

class ReactorMetrics {
 public:
  void record(const RequestRecord& r);
  // Whether a request of `route` that took `totalUs` is among the `slowest` of its route this
  // minute on this reactor (the node keeps the slowest of all reactors' candidates).
  bool slowEnoughToTrace(uint32_t route, uint64_t totalUs, int64_t minute, uint32_t slowest);
  void addTrace(int64_t minute, TraceInput trace) { traces_.push_back({minute, std::move(trace)}); }
  // Adds this second's figures into `node`, its traces into `traces`, and starts a new second.
  void flush(NodeMetrics& node, TraceStore& traces);

 private:
  struct Slot {
    RouteFigures figures;
    uint32_t idleFlushes = 0;
    bool dirty = false;
    int64_t traceMinute = -1;
    std::vector<uint64_t> slowest;  // totals of this minute's slowest requests here
  };
  Slot& slot(uint32_t route) { return slotIn(routes_, route); }
  static Slot& slotIn(std::vector<std::unique_ptr<Slot>>& slots, uint32_t id);
  static void recordIn(std::vector<std::unique_ptr<Slot>>& slots, std::vector<uint32_t>& dirty, uint32_t id,
                       const RequestRecord& r);
  std::vector<std::unique_ptr<Slot>> routes_;  // by MetricNames route id
  std::vector<uint32_t> dirtyRoutes_;
  std::vector<std::unique_ptr<Slot>> consumers_;  // by MetricNames consumer id (observability_consumers)
  std::vector<uint32_t> dirtyConsumers_;
  std::vector<std::unique_ptr<Slot>> targets_;  // by MetricNames target id
  std::vector<uint32_t> dirtyTargets_;
  std::vector<metrics::LatencyHistogram> pluginPhases_;  // by plugin id * kPhaseCount + phase
  std::vector<uint32_t> dirtyPhases_;
  struct PendingTrace {
    int64_t minute;
    TraceInput input;
  };
  std::vector<PendingTrace> traces_;  // built into JSON at the flush, off the request path
  std::vector<TraceCandidate> built_;
};

}  // namespace sluice::observe
