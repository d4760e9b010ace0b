#pragma once
// What a worker knows of each client connection it serves, whatever the protocol: it is on the
// worker's list (no node allocated per connection) and can be told to drain. An HTTP/1.x session
// (http_session.h) hands its connection over to an HTTP/2 one (http2_session.h) when the client
// negotiates h2 in TLS or opens with the HTTP/2 preface.
#include "net/reactor.h"

namespace sluice::proxy {

class ClientSession : public net::EventHandler {
 public:
  // Closes now if idle (or, lingering, once idle a moment), else after what is in progress.
  virtual void drain(bool lingerIdle) = 0;

  // Work a session put off until the reactor's batch of events is done (ProxyWorker::atBatchEnd):
  // an HTTP/2 connection writes the frames of all the streams the batch moved in one write.
  virtual void onBatchEnd() {}

  ClientSession *prevInWorker = nullptr, *nextInWorker = nullptr;  // the worker's list of its sessions
  bool batchEndQueued = false;
};

// Where a connection was accepted: what its sessions need to know of the listener.
struct ListenerTraits {
  uint16_t port = 0;
  bool tls = false;
  bool http2 = false;  // h2 offered in ALPN (TLS), or prior-knowledge h2c accepted (plain)
};

}  // namespace sluice::proxy
