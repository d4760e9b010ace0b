#pragma once
// The plugin interface. A plugin instance is one configured row of the plugins entity, built once
// per snapshot from its validated config and shared, immutable, by every reactor: phase methods
// are const and keep per-request state in the RequestContext. Phases run in Kong's order
// (rewrite, access, header_filter, body_filter, log), plugins within a phase by descending
// priority. Nothing may throw out of a phase: the chain catches, logs and answers 500.
//
// Bodies stream through the gateway untouched unless a plugin asks for them: readsRequestBody()
// makes the exchange read the whole request body (up to body_buffer_size) before rewrite, into
// ctx.requestBody; a header_filter that sets ctx.bufferResponse makes it collect the response body
// and hand it to body_filter before anything is sent to the client.
#include "observe/phase_timing.h"
#include "plugins/request_context.h"

#include <cstdint>
#include <memory>

namespace sluice::plugins {

// The phases are observe's: the chain reports each one it runs into the figures.
using observe::kPhaseCount;
using observe::Phase;
using observe::phaseName;
constexpr uint8_t phaseBit(Phase p) { return static_cast<uint8_t>(1u << static_cast<unsigned>(p)); }

class Plugin {
 public:
  virtual ~Plugin() = default;
  // Which phases this plugin implements (phaseBit mask): the chain calls no other.
  virtual uint8_t phases() const = 0;
  virtual PhaseResult rewrite(RequestContext&) const { return PhaseResult::Continue; }
  virtual PhaseResult access(RequestContext&) const { return PhaseResult::Continue; }
  // The upstream's response head is in ctx.response; edits go to ctx.responseHeaders and
  // ctx.removeResponseHeaders. Setting ctx.local.status answers instead of the upstream (Kong's
  // kong.response.exit in header_filter): its body is dropped, the later header filters do not run.
  virtual void headerFilter(RequestContext&) const {}
  // The whole response body, when a header_filter asked for it (ctx.bufferResponse); edit in place.
  virtual void bodyFilter(RequestContext&, std::string& /*body*/) const {}
  // True if this instance needs the request body in rewrite/access (fixed by its configuration).
  virtual bool readsRequestBody() const { return false; }
  // After the response (proxied or local) is complete, or the connection failed.
  virtual void log(const RequestContext&) const {}
  // A plugin answered the request in rewrite or access, so this one's access may not have run; its
  // log will (Kong logs refused requests too). Called, for plugins with a log phase, while the
  // request's bytes still exist.
  virtual void requestAnswered(RequestContext&) const {}
};

using PluginConstSharedPtr = std::shared_ptr<const Plugin>;

}  // namespace sluice::plugins
