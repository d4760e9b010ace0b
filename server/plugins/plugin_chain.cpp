#include "plugins/plugin_chain.h"

#include "core/clock.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <ctime>
#include <exception>

namespace sluice::plugins {
namespace {

void logFailure(const PluginInstance& p, Phase phase, const char* what) {
  Poco::Logger::get("sluice.plugins")
      .error("plugin %s (%s) failed in %s: %s", p.name, p.id, std::string(phaseName(phase)), std::string(what));
}

// Runs one phase method of one instance; a throw becomes a 500 (request phases) or a log line.
// `clock` is the time the previous plugin finished: one clock read per plugin, not two.
template <class Call>
bool guarded(const PluginInstance& p, Phase phase, std::vector<PhaseTiming>& timings, uint64_t& clock,
             Call&& call) {
  bool ok = true;
  try {
    call();
  } catch (const std::exception& e) {
    logFailure(p, phase, e.what());
    ok = false;
  } catch (...) {
    logFailure(p, phase, "unknown exception");
    ok = false;
  }
  const uint64_t now = core::monotonicMicros();
  timings.push_back(PhaseTiming{p.metricsId, phase, static_cast<uint32_t>(now - clock)});
  clock = now;
  return ok;
}

}  // namespace

const PluginInstance* ChainEntry::resolve(const size_t* consumer) const {
  if (consumer && !overrides.empty()) {
    const auto it = std::lower_bound(overrides.begin(), overrides.end(), *consumer,
                                     [](const Override& o, size_t c) { return o.consumer < c; });
    if (it != overrides.end() && it->consumer == *consumer && it->rank < generalRank) return it->instance;
  }
  return general;
}

namespace {

// After a plugin's rewrite or access returned: a failure becomes a 500; an answer stops the chain.
PhaseResult settle(const PluginChain& chain, RequestContext& ctx, std::vector<const PluginInstance*>& resolved,
                   uint8_t protocol, size_t i, bool ok, PhaseResult result) {
  if (!ok) {
    ctx.local.clear();
    ctx.respond(500, "An unexpected error occurred");
    result = PhaseResult::Respond;
  }
  if (result == PhaseResult::Suspend && (!ok || !ctx.resume)) result = PhaseResult::Respond;  // (a plugin's bug)
  if (result == PhaseResult::Respond) {
    if (ctx.local.status == 0) ctx.respond(500, "An unexpected error occurred");
    // The plugins after this one do not run, but their log phase will (Kong logs refused
    // requests too): resolve them, and let every log plugin see the request while its bytes exist.
    for (size_t j = i + 1; j < chain.entries.size(); ++j) {
      const PluginInstance* later = chain.entries[j].resolve(ctx.consumer ? &ctx.consumerIndex : nullptr);
      resolved[j] = later && (later->protocols & protocol) ? later : nullptr;
    }
    for (const PluginInstance* r : resolved)
      if (r && (r->phases & phaseBit(Phase::Log))) r->plugin->requestAnswered(ctx);
  }
  return result;
}

// Runs the request phases from `cursor` on.
PhaseResult continueRequestPhases(const PluginChain& chain, RequestContext& ctx,
                                  std::vector<const PluginInstance*>& resolved, std::vector<PhaseTiming>& timings,
                                  uint8_t protocol, ChainCursor& cursor) {
  for (; cursor.phase == Phase::Rewrite || cursor.phase == Phase::Access;
       cursor.phase = cursor.phase == Phase::Rewrite ? Phase::Access : Phase::Log, cursor.index = 0) {
    const Phase phase = cursor.phase;
    // The access pass always walks the chain: it resolves the instances the later phases use.
    if (phase == Phase::Rewrite && !(chain.phases & phaseBit(phase))) continue;
    for (; cursor.index < chain.entries.size(); ++cursor.index) {
      const size_t i = cursor.index;
      // Resolved when first needed, so that an access-phase consumer selects later plugins.
      const PluginInstance* p = chain.entries[i].resolve(ctx.consumer ? &ctx.consumerIndex : nullptr);
      if (!p || !(p->protocols & protocol)) {
        resolved[i] = nullptr;
        continue;
      }
      resolved[i] = p;
      if (!(p->phases & phaseBit(phase))) continue;
      PhaseResult result = PhaseResult::Continue;
      const uint64_t started = cursor.clock;
      const bool ok = guarded(*p, phase, timings, cursor.clock, [&] {
        result = phase == Phase::Rewrite ? p->plugin->rewrite(ctx) : p->plugin->access(ctx);
      });
      if (ok && result == PhaseResult::Suspend && ctx.resume) {
        timings.pop_back();  // its time is counted when its continuation returns
        cursor.clock = started;
        return result;
      }
      result = settle(chain, ctx, resolved, protocol, i, ok, result);
      if (result != PhaseResult::Continue) return result;
    }
  }
  return PhaseResult::Continue;
}

}  // namespace

PhaseResult runRequestPhases(const PluginChain& chain, RequestContext& ctx, std::vector<const PluginInstance*>& resolved,
                             std::vector<PhaseTiming>& timings, uint8_t protocol, ChainCursor& cursor, uint64_t nowUs) {
  resolved.assign(chain.entries.size(), nullptr);
  cursor = ChainCursor{Phase::Rewrite, 0, nowUs ? nowUs : core::monotonicMicros()};
  return continueRequestPhases(chain, ctx, resolved, timings, protocol, cursor);
}

PhaseResult resumeRequestPhases(const PluginChain& chain, RequestContext& ctx, std::vector<const PluginInstance*>& resolved,
                                std::vector<PhaseTiming>& timings, uint8_t protocol, ChainCursor& cursor) {
  const size_t i = cursor.index;
  const PluginInstance* p = resolved[i];
  auto resume = std::move(ctx.resume);
  ctx.resume = nullptr;
  PhaseResult result = PhaseResult::Continue;
  const uint64_t started = cursor.clock;
  const bool ok = guarded(*p, cursor.phase, timings, cursor.clock, [&] { result = resume(ctx); });
  if (ok && result == PhaseResult::Suspend && ctx.resume) {
    timings.pop_back();
    cursor.clock = started;
    return result;
  }
  result = settle(chain, ctx, resolved, protocol, i, ok, result);
  if (result != PhaseResult::Continue) return result;
  ++cursor.index;
  return continueRequestPhases(chain, ctx, resolved, timings, protocol, cursor);
}

void runHeaderFilter(const PluginChain& chain, RequestContext& ctx, const std::vector<const PluginInstance*>& resolved,
                     std::vector<PhaseTiming>& timings) {
  if (!(chain.phases & phaseBit(Phase::HeaderFilter))) return;
  uint64_t clock = core::monotonicMicros();
  for (size_t i = 0; i < resolved.size(); ++i) {
    const PluginInstance* p = resolved[i];
    if (p && (p->phases & phaseBit(Phase::HeaderFilter)))
      guarded(*p, Phase::HeaderFilter, timings, clock, [&] { p->plugin->headerFilter(ctx); });
    if (ctx.local.status != 0) return;  // it answered instead of the upstream: the filters after it do not run
  }
}

void runBodyFilter(const PluginChain& chain, RequestContext& ctx, const std::vector<const PluginInstance*>& resolved,
                   std::vector<PhaseTiming>& timings, std::string& body) {
  if (!(chain.phases & phaseBit(Phase::BodyFilter))) return;
  uint64_t clock = core::monotonicMicros();
  for (size_t i = 0; i < resolved.size(); ++i) {
    const PluginInstance* p = resolved[i];
    if (p && (p->phases & phaseBit(Phase::BodyFilter)))
      guarded(*p, Phase::BodyFilter, timings, clock, [&] { p->plugin->bodyFilter(ctx, body); });
  }
}

void runLog(const PluginChain& chain, const RequestContext& ctx, const std::vector<const PluginInstance*>& resolved,
            std::vector<PhaseTiming>& timings, uint64_t nowUs) {
  if (!(chain.phases & phaseBit(Phase::Log))) return;
  uint64_t clock = nowUs ? nowUs : core::monotonicMicros();
  for (size_t i = 0; i < resolved.size(); ++i) {
    const PluginInstance* p = resolved[i];
    if (p && (p->phases & phaseBit(Phase::Log)))
      guarded(*p, Phase::Log, timings, clock, [&] { p->plugin->log(ctx); });
  }
}

}  // namespace sluice::plugins
