#include "proxy/client_connection.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sluice::proxy {

void ClientConnection::noteEvents(uint32_t events) {
  // TLS may need to read to write (and the reverse): any event makes both worth a try.
  if (tls_) ready_.readable = ready_.writable = true;
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) ready_.readable = true;
  if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) ready_.hangup = true;
  if (events & EPOLLOUT) ready_.writable = true;
}

ssize_t ClientConnection::read(net::IoBuffer& in) {
  if (!ready_.readable || ready_.eof) return 0;
  return net::readSocket(fd_, tls_.get(), in, ready_);
}

ssize_t ClientConnection::write(const iovec* iov, int count) {
  const ssize_t n = tls_ ? writeTls(iov, count) : ::writev(fd_, iov, count);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) ready_.writable = false;
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
