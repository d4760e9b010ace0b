#pragma once
// A route's plugins, compiled into the snapshot: one entry per plugin name that applies, in
// descending priority, each holding the instance that wins by Kong's precedence when no consumer
// is known and the consumer-scoped instances that may override it once authentication has named
// a consumer (consumer+route+service > consumer+route > consumer+service > route+service >
// consumer > route > service > global). Running a chain needs no lookup but that one.
#include "plugins/plugin.h"

#include <string>
#include <vector>

namespace sluice::plugins {

struct PluginInstance {
  std::string id;
  std::string name;
  int priority = 0;
  uint8_t protocols = 0;  // router::Protocol bits (http, https, grpc, grpcs) of the requests the instance runs for
  PluginConstSharedPtr plugin;
  uint8_t phases = 0;
  bool readsRequestBody = false;
  uint32_t metricsId = 0;  // observe::MetricNames id of the plugin's name
};

// Precedence ranks, best first.
enum Rank : uint8_t {
  kConsumerRouteService,
  kConsumerRoute,
  kConsumerService,
  kRouteService,
  kConsumerOnly,
  kRouteOnly,
  kServiceOnly,
  kGlobal,
  kNone = 255
};

struct ChainEntry {
  const PluginInstance* general = nullptr;  // best instance without a consumer (may be null)
  uint8_t generalRank = kNone;
  struct Override {
    size_t consumer;
    uint8_t rank;
    const PluginInstance* instance;
  };
  std::vector<Override> overrides;  // sorted by consumer
  uint8_t phases = 0;               // union over every instance of the entry
  bool readsRequestBody = false;    // some instance of the entry needs the request body
  const PluginInstance* resolve(const size_t* consumer) const;
};

struct PluginChain {
  std::vector<ChainEntry> entries;
  uint8_t phases = 0;
  bool readsRequestBody = false;  // some instance of the chain needs the request body
  bool empty() const { return entries.empty(); }
};

// Per-request record of what ran: the resolved instance of each entry, and the time each phase of
// each instance took (reported into the figures).
using observe::PhaseTiming;

// Where the request phases stand: the phase, the entry, and when the current plugin started (a
// suspended plugin's time runs until its continuation returns).
struct ChainCursor {
  Phase phase = Phase::Rewrite;
  size_t index = 0;
  uint64_t clock = 0;
};

// Runs rewrite then access. Respond: ctx.local holds the answer (a failing plugin gives a 500).
// Suspend: a plugin waits (see Suspension); `cursor` remembers it for resumeRequestPhases.
// `nowUs`: the monotonic time the caller has just read, if it has (0: read here).
PhaseResult runRequestPhases(const PluginChain& chain, RequestContext& ctx, std::vector<const PluginInstance*>& resolved,
                             std::vector<PhaseTiming>& timings, uint8_t protocol, ChainCursor& cursor, uint64_t nowUs = 0);
// The suspended plugin was woken: its continuation (ctx.resume) runs, then the plugins after it.
PhaseResult resumeRequestPhases(const PluginChain& chain, RequestContext& ctx, std::vector<const PluginInstance*>& resolved,
                                std::vector<PhaseTiming>& timings, uint8_t protocol, ChainCursor& cursor);
void runHeaderFilter(const PluginChain& chain, RequestContext& ctx, const std::vector<const PluginInstance*>& resolved,
                     std::vector<PhaseTiming>& timings);
void runBodyFilter(const PluginChain& chain, RequestContext& ctx, const std::vector<const PluginInstance*>& resolved,
                   std::vector<PhaseTiming>& timings, std::string& body);
void runLog(const PluginChain& chain, const RequestContext& ctx, const std::vector<const PluginInstance*>& resolved,
            std::vector<PhaseTiming>& timings, uint64_t nowUs = 0);

}  // namespace sluice::plugins
