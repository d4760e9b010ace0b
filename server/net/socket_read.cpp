#include "net/socket_read.h"

#include <unistd.h>

#include <cerrno>

namespace sluice::net {

ssize_t readSocket(int fd, TlsStream* tls, IoBuffer& in, Readiness& ready) {
  const size_t room = in.writable();
  if (tls) {
    const IoResult r = tls->read(in.writePos(), room);
    switch (r.status) {
      case IoStatus::Ok:
        in.produced(r.bytes);
        return static_cast<ssize_t>(r.bytes);
      case IoStatus::WantRead: ready.readable = false; return 0;
      case IoStatus::WantWrite: ready.readable = ready.writable = false; return 0;
      case IoStatus::Eof: ready.eof = true; return 0;
      case IoStatus::Error: return -1;
    }
  }
  const ssize_t n = ::read(fd, in.writePos(), room);
  if (n > 0) {
    in.produced(static_cast<size_t>(n));
    if (static_cast<size_t>(n) < room && !ready.hangup) ready.readable = false;
    return n;
  }
  if (n == 0) {
    ready.eof = true;
    return 0;
  }
  if (errno == EAGAIN || errno == EWOULDBLOCK) {
    ready.readable = false;
    return 0;
  }
  return errno == EINTR ? 0 : -1;
}

}  // namespace sluice::net
