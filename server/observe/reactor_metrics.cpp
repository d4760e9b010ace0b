#include "observe/reactor_metrics.h"

#include "observe/node_metrics.h"

namespace sluice::observe {
namespace {
constexpr uint32_t kIdleFlushesBeforeRelease = 60;
}

void ReactorMetrics::record(const RequestRecord& r) {
  if (r.route >= routes_.size()) routes_.resize(r.route + 1);
  auto& slot = routes_[r.route];
  if (!slot) slot = std::make_unique<Slot>();
  if (!slot->dirty) {
    slot->dirty = true;
    dirtyRoutes_.push_back(r.route);
  }
  slot->figures.record(r);
  for (const plugins::PhaseTiming& t : r.timings) {
    const plugins::PluginInstance* p = t.entry < r.resolved.size() ? r.resolved[t.entry] : nullptr;
    if (!p) continue;
    const uint32_t index = p->metricsId * plugins::kPhaseCount + static_cast<uint32_t>(t.phase);
    if (index >= pluginPhases_.size()) pluginPhases_.resize(index + 1);
    if (pluginPhases_[index].count() == 0) dirtyPhases_.push_back(index);
    pluginPhases_[index].record(t.micros);
  }
}

void ReactorMetrics::flush(NodeMetrics& node) {
  {
    NodeMetrics::Writer writer = node.writer();  // one lock for the whole second
    for (const uint32_t id : dirtyRoutes_) writer.route(id, routes_[id]->figures);
    for (const uint32_t index : dirtyPhases_) writer.pluginPhase(index, pluginPhases_[index]);
  }
  for (const uint32_t id : dirtyRoutes_) {
    Slot& slot = *routes_[id];
    slot.figures.clear();
    slot.dirty = false;
    slot.idleFlushes = 0;
  }
  dirtyRoutes_.clear();
  for (const uint32_t index : dirtyPhases_) pluginPhases_[index].clear();
  dirtyPhases_.clear();
  for (auto& slot : routes_)  // a route quiet for a minute gives its memory back
    if (slot && ++slot->idleFlushes > kIdleFlushesBeforeRelease) slot.reset();
}

}  // namespace sluice::observe
