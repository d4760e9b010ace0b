#pragma once
// The proxy's listening sockets, one per reactor and address: SO_REUSEPORT lets each reactor own
// one and the kernel spread connections over them. A socket handed over by a predecessor (see
// app/takeover.h) is recognised by the address it is bound to.
#include "net/listen_address.h"

namespace sluice::net {

// Binds and listens (SO_REUSEADDR, SO_REUSEPORT, TCP_NODELAY for the accepted sockets, deferred
// accept, a deep backlog); non-blocking and close-on-exec. Throws std::runtime_error.
int openListenSocket(const ListenAddress& address);

// True if `fd` is a listening TCP socket bound to `address` (its host resolved as for binding).
bool listensOn(int fd, const ListenAddress& address);

}  // namespace sluice::net
