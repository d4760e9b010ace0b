#pragma once
// The client's socket, plain or TLS: reads into a buffer and writes a head and a body in one call,
// with the readiness edge-triggered events reported (a hang-up means "read until EOF").
#include "net/io_buffer.h"
#include "net/socket_read.h"
#include "net/tls_stream.h"

#include <sys/types.h>
#include <sys/uio.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

namespace sluice::proxy {

class ClientConnection {
 public:
  ClientConnection(int fd, std::unique_ptr<net::TlsStream> tls) : fd_(fd), tls_(std::move(tls)) {}
  // The socket and its TLS state, taken over by another session (a protocol change); this one is left closed.
  struct Parts {
    int fd = -1;
    std::unique_ptr<net::TlsStream> tls;
  };
  explicit ClientConnection(Parts parts) : fd_(parts.fd), tls_(std::move(parts.tls)) {}
  Parts release() { return Parts{std::exchange(fd_, -1), std::move(tls_)}; }
  ~ClientConnection() { close(); }
  ClientConnection(const ClientConnection&) = delete;
  ClientConnection& operator=(const ClientConnection&) = delete;

  int fd() const { return fd_; }
  bool tls() const { return tls_ != nullptr; }
  std::string_view serverName() const { return tls_ ? tls_->serverName() : std::string_view(); }
  net::TlsStream* tlsStream() { return tls_.get(); }
  const net::TlsStream* tlsStream() const { return tls_.get(); }

  void noteEvents(uint32_t events);
  bool readable() const { return ready_.readable; }
  bool writable() const { return ready_.writable; }
  bool eof() const { return ready_.eof; }

  // Reads into `in`'s free room: bytes read; 0 when it would block or at EOF (eof()); < 0 on error.
  ssize_t read(net::IoBuffer& in);
  // Writes: bytes written, or -1 with errno (EAGAIN when it would block: writable() turns false).
  ssize_t write(const iovec* iov, int count);
  // Half-closes, so that the client reads what was sent before the close.
  void shutdownWrite();
  // Closing the socket takes it off epoll (it is never duplicated): no EPOLL_CTL_DEL needed.
  // (The TLS state stays until the connection is destroyed: a late SNI callback may ask for it.)
  void close();

 private:
  ssize_t writeTls(const iovec* iov, int count);

  int fd_;
  std::unique_ptr<net::TlsStream> tls_;
  net::Readiness ready_{false, true, false, false};  // writable until a write would block
};

}  // namespace sluice::proxy
