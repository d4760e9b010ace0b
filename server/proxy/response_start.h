#pragma once
// The start of an exchange's response half, whatever the client's protocol: the upstream's head
// is in (x.response). Both conductors (an HTTP/1.x session's response relay, an HTTP/2 stream) go
// through it before the head goes to the client.
#include "proxy/exchange.h"
#include "proxy/upstream_leg.h"

#include <string_view>

namespace sluice::proxy {

class ProxyWorker;

// The head counts for passive health checks and the timings, and the route's header filters run.
// True: a plugin answers instead (x.ctx.local), and nothing of this response goes to the client.
bool acceptResponseHead(ProxyWorker& worker, UpstreamLeg& leg, Exchange& x);

// Whether the body is collected whole for the body filters (a plugin asked, and it fits
// body_buffer_size): then the head is parsed again from a copy of `headBytes` (its views pointed
// into the upstream buffer, which the body will refill) and the body decoder starts.
enum class ResponseBody { Pass, Collect, Invalid };
ResponseBody chooseResponseBody(ProxyWorker& worker, Exchange& x, std::string_view headBytes);

// A collected body takes the upstream bytes at the front of `in`: more is needed, it is whole,
// its framing is broken, or it grew past body_buffer_size (logged: the plugins cannot do their
// work, and the client gets a 502 since nothing of the response has reached it).
enum class Collected { More, Whole, Invalid, TooLarge };
Collected collectResponseBody(ProxyWorker& worker, Exchange& x, net::IoBuffer& in);

}  // namespace sluice::proxy
