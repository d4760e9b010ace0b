#pragma once
// One read from a non-blocking socket, plain or TLS, into a buffer's free room, keeping the
// readiness that edge-triggered events reported: a read shorter than the room drained the socket
// (the next edge brings more, so no read() is spent on EAGAIN), unless a hang-up was seen — then
// reading goes on until EOF.
#include "net/io_buffer.h"
#include "net/tls_stream.h"

#include <sys/types.h>

namespace sluice::net {

struct Readiness {
  bool readable = false, writable = false, eof = false, hangup = false;
};

// Bytes read; 0 when it would block (readiness updated) or at EOF (ready.eof); < 0 on error.
ssize_t readSocket(int fd, TlsStream* tls, IoBuffer& in, Readiness& ready);

}  // namespace sluice::net
