#pragma once
// The request half of an exchange once it is routed: a body the plugins read arrives whole first
// (after a 100 Continue when the client waits for one), then the request goes up: its head, a
// body from memory, or the body streamed from the client's buffer as it arrives (its size checked
// against client_max_body_size and a plugin's limit). Each step says what happened (step.h).
#include "proxy/downstream.h"
#include "proxy/exchange.h"
#include "proxy/step.h"
#include "proxy/upstream_leg.h"

namespace sluice::proxy {

class ProxyWorker;

class RequestRelay {
 public:
  RequestRelay(ProxyWorker& worker, Downstream& client, UpstreamLeg& leg) : worker_(worker), client_(client), leg_(leg) {}

  // A plugin reads the body: the head (at `headStart` in the client's buffer, which the body will
  // refill) moves into the exchange. Done: read the body (readBody) before the plugins run.
  Step startReadingBody(Exchange& x, const char* headStart);
  // Done: the whole body is in x.body.
  Step readBody(Exchange& x);
  // "100 Continue", to a client that waits for it before it sends its body.
  void sendContinue(Exchange& x);
  // Done: head and body are with the upstream (once its connection is made), whose response is awaited.
  Step send(Exchange& x);

 private:
  Step sendUp(Exchange& x, const char* data, size_t size, size_t& sent);
  Step checkStreamedBody(Exchange& x);

  ProxyWorker& worker_;
  Downstream& client_;
  UpstreamLeg& leg_;
};

}  // namespace sluice::proxy
