#include "proxy/downstream.h"

#include "proxy/proxy_worker.h"

#include <sys/uio.h>

#include <cerrno>

namespace sluice::proxy {

Downstream::Downstream(ProxyWorker& worker, int fd, bool tls)
    : worker_(worker),
      conn_(fd, tls && worker.settings().serverTls
                     ? std::make_unique<net::TlsStream>(worker.settings().serverTls.get(), fd, true)
                     : nullptr) {
  if (conn_.tls()) SSL_set_app_data(conn_.tlsStream()->ssl(), this);
}

Downstream::Read Downstream::read() {
  if (conn_.eof()) return Read::Gone;
  if (!conn_.readable()) return Read::None;
  worker_.clientBuffers().acquire(in_);
  if (in_.writable() == 0) in_.compact();
  if (in_.writable() == 0 && !worker_.growToLarge(in_)) return Read::None;  // a large head, or a body waiting
  const ssize_t n = conn_.read(in_);
  return n > 0 ? Read::Some : n < 0 || conn_.eof() ? Read::Gone : Read::None;
}

bool Downstream::selectCertificate(SSL* ssl, const std::string& serverName) {
  auto* client = static_cast<Downstream*>(SSL_get_app_data(ssl));
  if (!client) return false;
  const auto* cert = client->worker_.latestSnapshot().certificateFor(serverName);
  return cert && net::usePair(ssl, cert->pair);
}

static void capture(plugins::BodyCapture& c, std::string_view sent) {
  if (!c.active) return;
  if (c.body.size() + sent.size() > c.limit) c.active = false;
  else c.body.append(sent);
}

ssize_t Downstream::write(Exchange& x, std::string_view body) {
  while (out_.readable() > 0 || !body.empty()) {
    if (!conn_.writable()) return 0;
    iovec iov[2];
    int count = 0;
    if (out_.readable() > 0) iov[count++] = {out_.readPos(), out_.readable()};
    if (!body.empty()) iov[count++] = {const_cast<char*>(body.data()), body.size()};
    const ssize_t n = conn_.write(iov, count);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;  // (no longer writable)
      if (errno == EINTR) continue;
      return -1;
    }
    x.anyResponseByte = true;
    x.ctx.bytesSent += static_cast<uint64_t>(n);
    const size_t fromHead = std::min(static_cast<size_t>(n), out_.readable());
    out_.consume(fromHead);
    const size_t fromBody = static_cast<size_t>(n) - fromHead;
    if (fromBody > 0) {
      capture(x.ctx.capture, body.substr(0, fromBody));
      return static_cast<ssize_t>(fromBody);  // the caller drops them and asks again
    }
  }
  return 0;
}

void Downstream::releaseIn() {
  in_.clear();
  worker_.releaseBuffer(in_);
}

void Downstream::releaseOut() {
  out_.clear();
  worker_.releaseBuffer(out_);
}

void Downstream::close() {
  conn_.close();
  releaseIn();
  releaseOut();
}

}  // namespace sluice::proxy
