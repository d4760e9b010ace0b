#pragma once
// The response half of an exchange: the upstream's head (interim responses dropped), the route's
// header filters, then the body to the client in one of three ways (mode()): passed on as it
// arrives (Content-Length, chunked passed through or de-chunked for HTTP/1.0, until close),
// collected whole for the body filters and sent with its new length, or an upgrade's tunnel.
// Each step says what happened (step.h); the session decides what comes next.
#include "proxy/downstream.h"
#include "proxy/exchange.h"
#include "proxy/step.h"
#include "proxy/upstream_leg.h"

namespace sluice::proxy {

class ProxyWorker;

class ResponseRelay {
 public:
  enum class Mode : uint8_t { Pass, Collect, Tunnel };

  ResponseRelay(ProxyWorker& worker, Downstream& client, UpstreamLeg& leg) : worker_(worker), client_(client), leg_(leg) {}

  // Done: the head is in and filtered, and mode() says how its body goes; for Pass and Tunnel the
  // downstream head is written (keepAlive turns false when the body's end ends the connection).
  Step readHead(Exchange& x, bool& keepAlive);
  Mode mode() const { return mode_; }
  // Pass. Done: the whole response reached the client.
  Step pass(Exchange& x);
  // Collect. Done: the body filters ran and the new response waits in the client's buffer and
  // x.localBody, to be sent as a local answer.
  Step collect(Exchange& x, bool& keepAlive);
  // Tunnel: bytes both ways until either side closes (which ends the connection).
  Step tunnel(Exchange& x);

 private:
  Mode startBody(Exchange& x, bool& keepAlive, bool& failed);
  // Into the client's buffer (a large one when it does not fit a small one); false if it does not
  // fit at all. wholeBody: the body was collected and goes with its (new) length.
  bool writeHead(Exchange& x, bool& keepAlive, bool wholeBody);
  bool writeHeadInto(Exchange& x, bool& keepAlive, bool wholeBody);
  Step finishCollected(Exchange& x, bool& keepAlive);
  // More body from the upstream: some arrived (the read timeout re-armed), none yet, the upstream
  // closed, or an error.
  enum class BodyRead { More, Wait, Closed, Error };
  BodyRead readBody(Exchange& x);

  ProxyWorker& worker_;
  Downstream& client_;
  UpstreamLeg& leg_;
  Mode mode_ = Mode::Pass;
};

}  // namespace sluice::proxy
