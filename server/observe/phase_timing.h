#pragma once
// The plugin phases as the figures record them: the chain runs them (plugins/plugin_chain) and
// reports, per phase a plugin ran, which plugin it was and how long it took.
#include <cstdint>

namespace sluice::observe {

enum class Phase : uint8_t { Rewrite, Access, HeaderFilter, BodyFilter, Log };
constexpr int kPhaseCount = 5;
const char* phaseName(Phase p);

struct PhaseTiming {
  uint32_t plugin;  // MetricNames id of the plugin that ran
  Phase phase;
  uint32_t micros;
};

}  // namespace sluice::observe
