#include "proxy/client_connection.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sluice::proxy {

void ClientConnection::noteEvents(uint32_t events) {
  // TLS may need to read to write (and the reverse): any event makes both worth a try.
  if (tls_) readable_ = writable_ = true;
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) readable_ = true;
  if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) hangup_ = true;
  if (events & EPOLLOUT) writable_ = true;
}

ssize_t ClientConnection::read(net::IoBuffer& in) {
  if (!readable_ || eof_) return 0;
  const size_t room = in.writable();
  if (tls_) {
    const net::IoResult r = tls_->read(in.writePos(), room);
    switch (r.status) {
      case net::IoStatus::Ok:
        in.produced(r.bytes);
        return static_cast<ssize_t>(r.bytes);
      case net::IoStatus::WantRead: readable_ = false; return 0;
      case net::IoStatus::WantWrite: writable_ = false; readable_ = false; return 0;
      case net::IoStatus::Eof: eof_ = true; return 0;
      case net::IoStatus::Error: return -1;
    }
  }
  const ssize_t n = ::read(fd_, in.writePos(), room);
  if (n > 0) {
    in.produced(static_cast<size_t>(n));
    // A short read drained the socket: with edge triggering, new bytes bring a new event, so
    // there is no need to spend a read() on EAGAIN.
    if (static_cast<size_t>(n) < room && !hangup_) readable_ = false;
    return n;
  }
  if (n == 0) {
    eof_ = true;
    return 0;
  }
  if (errno == EAGAIN || errno == EWOULDBLOCK) {
    readable_ = false;
    return 0;
  }
  if (errno == EINTR) return 0;
  return -1;
}

ssize_t ClientConnection::write(const iovec* iov, int count) {
  const ssize_t n = tls_ ? writeTls(iov, count) : ::writev(fd_, iov, count);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) writable_ = false;
  return n;
}

ssize_t ClientConnection::writeTls(const iovec* iov, int count) {
  // Head and body in one TLS record when they fit one (16 KiB): one encryption, one send.
  constexpr size_t kRecord = 16384;
  if (count == 2 && iov[0].iov_len + iov[1].iov_len <= kRecord) {
    thread_local char joined[kRecord];
    std::memcpy(joined, iov[0].iov_base, iov[0].iov_len);
    std::memcpy(joined + iov[0].iov_len, iov[1].iov_base, iov[1].iov_len);
    const iovec one{joined, iov[0].iov_len + iov[1].iov_len};
    return writeTls(&one, 1);
  }
  size_t total = 0;
  for (int i = 0; i < count; ++i) {
    size_t done = 0;
    while (done < iov[i].iov_len) {
      const net::IoResult r = tls_->write(static_cast<const char*>(iov[i].iov_base) + done, iov[i].iov_len - done);
      if (r.status == net::IoStatus::Ok) {
        done += r.bytes;
        continue;
      }
      if (r.status == net::IoStatus::WantRead || r.status == net::IoStatus::WantWrite) {
        if (total + done > 0) return static_cast<ssize_t>(total + done);
        errno = EAGAIN;
        return -1;
      }
      errno = EPIPE;
      return -1;
    }
    total += done;
  }
  return static_cast<ssize_t>(total);
}

void ClientConnection::shutdownWrite() {
  if (fd_ >= 0) ::shutdown(fd_, SHUT_WR);
}

void ClientConnection::close() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
}

}  // namespace sluice::proxy
