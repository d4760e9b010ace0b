// The session's client I/O: reads and writes on the client's socket, plain or TLS, with
// edge-triggered readiness bookkeeping (see http_session.h; the upstream's are upstream_leg's).
#include "proxy/http_session.h"

#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sluice::proxy {

ssize_t HttpSession::readClient() {
  if (!clientReadable_ || clientEof_) return 0;
  worker_.clientBuffers().acquire(cin_);
  if (cin_.writable() == 0) cin_.compact();
  if (cin_.writable() == 0 && !worker_.growToLarge(cin_)) return 0;  // a large head, or a body waiting
  const size_t room = cin_.writable();
  if (tls_) {
    const net::IoResult r = tls_->read(cin_.writePos(), room);
    switch (r.status) {
      case net::IoStatus::Ok:
        cin_.produced(r.bytes);
        return static_cast<ssize_t>(r.bytes);
      case net::IoStatus::WantRead: clientReadable_ = false; return 0;
      case net::IoStatus::WantWrite: clientWritable_ = false; clientReadable_ = false; return 0;
      case net::IoStatus::Eof: clientEof_ = true; return 0;
      case net::IoStatus::Error: return -1;
    }
  }
  const ssize_t n = ::read(fd_, cin_.writePos(), room);
  if (n > 0) {
    cin_.produced(static_cast<size_t>(n));
    // A short read drained the socket: with edge triggering, new bytes bring a new event, so
    // there is no need to spend a read() on EAGAIN.
    if (static_cast<size_t>(n) < room && !clientHangup_) clientReadable_ = false;
    return n;
  }
  if (n == 0) {
    clientEof_ = true;
    return 0;
  }
  if (errno == EAGAIN || errno == EWOULDBLOCK) {
    clientReadable_ = false;
    return 0;
  }
  if (errno == EINTR) return 0;
  return -1;
}

ssize_t HttpSession::clientWritev(const iovec* iov, int count) {
  if (!tls_) return ::writev(fd_, iov, count);
  // Head and body in one TLS record when they fit one (16 KiB): one encryption, one send.
  constexpr size_t kRecord = 16384;
  if (count == 2 && iov[0].iov_len + iov[1].iov_len <= kRecord) {
    thread_local char joined[kRecord];
    std::memcpy(joined, iov[0].iov_base, iov[0].iov_len);
    std::memcpy(joined + iov[0].iov_len, iov[1].iov_base, iov[1].iov_len);
    const iovec one{joined, iov[0].iov_len + iov[1].iov_len};
    return clientWritev(&one, 1);
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

void HttpSession::captureBody(std::string_view sent) {
  if (!x_->ctx.capture.active) return;
  plugins::BodyCapture& c = x_->ctx.capture;
  if (c.body.size() + sent.size() > c.limit) c.active = false;
  else c.body.append(sent);
}

bool HttpSession::flushClient(std::string_view body) {
  while (cout_.readable() > 0 || !body.empty()) {
    if (!clientWritable_) return true;
    iovec iov[2];
    int count = 0;
    if (cout_.readable() > 0) iov[count++] = {cout_.readPos(), cout_.readable()};
    if (!body.empty()) iov[count++] = {const_cast<char*>(body.data()), body.size()};
    const ssize_t n = clientWritev(iov, count);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        clientWritable_ = false;
        return true;
      }
      if (errno == EINTR) continue;
      return false;
    }
    x_->anyResponseByte = true;
    x_->ctx.bytesSent += static_cast<uint64_t>(n);
    size_t written = static_cast<size_t>(n);
    const size_t fromHead = std::min(written, cout_.readable());
    cout_.consume(fromHead);
    written -= fromHead;
    if (written > 0 && leg_.active()) {
      // Body bytes written straight from the upstream buffer (a copy kept if a plugin asked).
      captureBody(std::string_view(body.data(), written));
      leg_.in().consume(written);
      body.remove_prefix(written);
      return true;  // the caller recomputes what remains
    }
    if (written > 0 && x_->localBody) {  // a local body sent from memory
      captureBody(std::string_view(body.data(), written));
      x_->localBodySent += written;
      return true;
    }
  }
  return true;
}

}  // namespace sluice::proxy
