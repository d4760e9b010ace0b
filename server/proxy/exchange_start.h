#pragma once
// The request half of an exchange, before anything goes upstream: the exchange opened for a parsed
// head, the route on the pinned snapshot (or the gateway's own answer), the route's request
// plugins, and the request head written for the upstream. The session conducts; these decide.
#include "http/gateway_response.h"
#include "http/response_head_writer.h"
#include "net/io_buffer.h"
#include "net/reactor.h"
#include "plugins/plugin.h"
#include "proxy/exchange.h"

#include <cstdint>
#include <string_view>

namespace sluice::proxy {

class ProxyWorker;

// What the client's connection tells its exchanges.
struct ClientFacts {
  std::string_view clientIp;
  uint16_t serverPort = 0;
  bool https = false;
  std::string_view sni;       // TLS: the server name the client sent
  bool traceAllowed = false;  // the client's address is in trace_clients
  uint64_t acceptedUs = 0;    // when the connection was accepted
  bool firstRequest = true;   // the connection's first exchange (its trace shows the accept)
};

// Resets the exchange for the head just parsed: request id, the fields the access log and traces
// keep, and the snapshot it will run on (pinned until the exchange is recorded).
void openExchange(ProxyWorker& worker, Exchange& x, const ClientFacts& client);

enum class Routed {
  Forward,        // run the plugins and go upstream
  ReadBodyFirst,  // a plugin of the route reads the body: all of it arrives first
  Respond,        // the gateway answers (`answer`): no route, a redirect, a body too large, ...
};
Routed routeExchange(ProxyWorker& worker, Exchange& x, const ClientFacts& client, http::GatewayResponse& answer);

// The route's rewrite and access phases. Respond: x.ctx.local holds a plugin's answer. Suspend: a
// plugin waits, and `suspension` wakes the exchange for resumeRequestPlugins.
plugins::PhaseResult runRequestPlugins(ProxyWorker& worker, Exchange& x, const ClientFacts& client,
                                       plugins::Suspension& suspension);
plugins::PhaseResult resumeRequestPlugins(Exchange& x, const ClientFacts& client);

// A plugin of the exchange waits: its waker posts `conductor.resumeExchange()` to `reactor`, once,
// unless forgetWaker() cut the link first (the exchange ended).
plugins::Suspension::Waker makeWaker(Exchange& x, ExchangeConductor& conductor, net::Reactor& reactor);
void forgetWaker(Exchange& x);

// How the upstream's response head goes to the client, whatever the protocol: the plugins' header
// changes, `via`, the latency headers and the request id (framing fields are the caller's).
http::PassedResponse passedResponse(const ProxyWorker& worker, Exchange& x, std::string_view via, bool wholeBody);

// The path (and query) the upstream is asked for: the route's strip_path, the service's path
// (path_handling), a plugin's rewrite. In worker.scratch(1); `strippedPrefix`: what strip_path took.
const std::string& upstreamTarget(ProxyWorker& worker, Exchange& x, std::string_view& strippedPrefix);

// The balancer's hash key for this request, and its slate of tried targets wiped (while the
// client's head is still readable).
void prepareBalancing(Exchange& x, const ClientFacts& client);

// The request head for the upstream, into `out` (and the balancer's hash key, while the client's
// head is still readable). False: it does not fit even a large buffer (431).
bool writeUpstreamRequest(ProxyWorker& worker, Exchange& x, const ClientFacts& client, net::IoBuffer& out);

}  // namespace sluice::proxy
