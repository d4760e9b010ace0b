#include "observe/reactor_metrics.h"

#include "observe/node_metrics.h"

#include <algorithm>

namespace sluice::observe {
namespace {
constexpr uint32_t kIdleFlushesBeforeRelease = 60;
}

ReactorMetrics::Slot& ReactorMetrics::slotIn(std::vector<std::unique_ptr<Slot>>& slots, uint32_t id) {
  if (id >= slots.size()) slots.resize(id + 1);
  auto& s = slots[id];
  if (!s) s = std::make_unique<Slot>();
  return *s;
}

void ReactorMetrics::recordIn(std::vector<std::unique_ptr<Slot>>& slots, std::vector<uint32_t>& dirty, uint32_t id,
                              const RequestRecord& r) {
  Slot& s = slotIn(slots, id);
  if (!s.dirty) {
    s.dirty = true;
    dirty.push_back(id);
  }
  s.figures.record(r);
}

void ReactorMetrics::record(const RequestRecord& r) {
  recordIn(routes_, dirtyRoutes_, r.route, r);
  if (r.consumer) recordIn(consumers_, dirtyConsumers_, r.consumer, r);
  if (r.target) recordIn(targets_, dirtyTargets_, r.target, r);
  for (const PhaseTiming& t : r.timings) {
    const uint32_t index = t.plugin * kPhaseCount + static_cast<uint32_t>(t.phase);
    if (index >= pluginPhases_.size()) pluginPhases_.resize(index + 1);
    if (pluginPhases_[index].count() == 0) dirtyPhases_.push_back(index);
    pluginPhases_[index].record(t.micros);
  }
}

bool ReactorMetrics::slowEnoughToTrace(uint32_t route, uint64_t totalUs, int64_t minute, uint32_t slowest) {
  if (slowest == 0) return false;
  Slot& s = slot(route);
  if (s.traceMinute != minute) {
    s.traceMinute = minute;
    s.slowest.clear();
  }
  if (s.slowest.size() < slowest) {
    s.slowest.push_back(totalUs);
    return true;
  }
  const auto fastest = std::min_element(s.slowest.begin(), s.slowest.end());
  if (totalUs <= *fastest) return false;
  *fastest = totalUs;
  return true;
}

void ReactorMetrics::flush(NodeMetrics& node, TraceStore& traces) {
  if (!traces_.empty()) {
    for (PendingTrace& t : traces_)
      built_.push_back({t.input.route, t.minute, t.input.totalUs, t.input.forced, buildTrace(t.input, node.names())});
    traces.add(built_);
    built_.clear();
    traces_.clear();
  }
  {
    NodeMetrics::Writer writer = node.writer();  // one lock for the whole second
    for (const uint32_t id : dirtyRoutes_) writer.route(id, routes_[id]->figures);
    for (const uint32_t id : dirtyConsumers_) writer.consumer(id, consumers_[id]->figures);
    for (const uint32_t id : dirtyTargets_) writer.target(id, targets_[id]->figures);
    for (const uint32_t index : dirtyPhases_) writer.pluginPhase(index, pluginPhases_[index]);
  }
  const auto restart = [](std::vector<std::unique_ptr<Slot>>& slots, std::vector<uint32_t>& dirty) {
    for (const uint32_t id : dirty) {
      Slot& slot = *slots[id];
      slot.figures.clear();
      slot.dirty = false;
      slot.idleFlushes = 0;
    }
    dirty.clear();
    for (auto& slot : slots)  // quiet for a minute: the memory goes back
      if (slot && ++slot->idleFlushes > kIdleFlushesBeforeRelease) slot.reset();
  };
  restart(routes_, dirtyRoutes_);
  restart(consumers_, dirtyConsumers_);
  restart(targets_, dirtyTargets_);
  for (const uint32_t index : dirtyPhases_) pluginPhases_[index].clear();
  dirtyPhases_.clear();
}

}  // namespace sluice::observe
