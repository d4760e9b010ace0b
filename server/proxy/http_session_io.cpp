// The session's I/O primitives: reads and writes on the client and upstream sockets, plain or
// TLS, with edge-triggered readiness bookkeeping (see http_session.h).
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

ssize_t HttpSession::readUpstream() {
  if (!upReadable_ || upEof_) return 0;
  worker_.upstreamBuffers().acquire(upstream_->in);
  net::IoBuffer& in = upstream_->in;
  if (in.writable() == 0) in.compact();
  if (in.writable() == 0) return 0;
  const size_t room = in.writable();
  if (upstream_->tls) {
    const net::IoResult r = upstream_->tls->read(in.writePos(), room);
    switch (r.status) {
      case net::IoStatus::Ok:
        in.produced(r.bytes);
        return static_cast<ssize_t>(r.bytes);
      case net::IoStatus::WantRead:
      case net::IoStatus::WantWrite: upReadable_ = false; return 0;
      case net::IoStatus::Eof: upEof_ = true; return 0;
      case net::IoStatus::Error: return -1;
    }
  }
  const ssize_t n = ::read(upstream_->fd(), in.writePos(), room);
  if (n > 0) {
    in.produced(static_cast<size_t>(n));
    if (static_cast<size_t>(n) < room && !upHangup_) upReadable_ = false;  // drained (see readClient)
    return n;
  }
  if (n == 0) {
    upEof_ = true;
    return 0;
  }
  if (errno == EAGAIN || errno == EWOULDBLOCK) {
    upReadable_ = false;
    return 0;
  }
  return errno == EINTR ? 0 : -1;
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

ssize_t HttpSession::upstreamSend(const char* data, size_t size) {
  if (!upstream_->tls) return ::send(upstream_->fd(), data, size, MSG_NOSIGNAL);
  const net::IoResult r = upstream_->tls->write(data, size);
  if (r.status == net::IoStatus::Ok) return static_cast<ssize_t>(r.bytes);
  errno = (r.status == net::IoStatus::WantRead || r.status == net::IoStatus::WantWrite) ? EAGAIN : EPIPE;
  return -1;
}

bool HttpSession::startUpstreamTls() {
  upstream_->tls = std::make_unique<net::TlsStream>(worker_.settings().clientTls.get(), upstream_->fd(), false);
  SSL* ssl = upstream_->tls->ssl();
  if (!x_->service->sni.empty()) {
    SSL_set_tlsext_host_name(ssl, x_->service->sni.c_str());
    if (x_->service->tlsVerify) SSL_set1_host(ssl, x_->service->sni.c_str());
  }
  if (x_->service->tlsVerify) {
    SSL_set_verify(ssl, SSL_VERIFY_PEER, nullptr);
    SSL_set_verify_depth(ssl, x_->service->tlsVerifyDepth);
    if (x_->service->caStore) SSL_set1_verify_cert_store(ssl, x_->service->caStore.get());
  } else {
    SSL_set_verify(ssl, SSL_VERIFY_NONE, nullptr);
  }
  if (x_->service->clientCertificate) net::usePair(ssl, *x_->service->clientCertificate);
  return true;
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
    if (written > 0 && upstream_) {
      // Body bytes written straight from the upstream buffer (a copy kept if a plugin asked).
      captureBody(std::string_view(body.data(), written));
      upstream_->in.consume(written);
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
