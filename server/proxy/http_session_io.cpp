// The session's client I/O over its ClientConnection: reads into the connection's buffer, and
// writes that account for what went out (a response byte, the bytes sent, a body a plugin keeps).
#include "proxy/http_session.h"

#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sluice::proxy {

ssize_t HttpSession::readClient() {
  if (!client_.readable() || client_.eof()) return 0;
  worker_.clientBuffers().acquire(cin_);
  if (cin_.writable() == 0) cin_.compact();
  if (cin_.writable() == 0 && !worker_.growToLarge(cin_)) return 0;  // a large head, or a body waiting
  return client_.read(cin_);
}

void HttpSession::captureBody(std::string_view sent) {
  if (!x_->ctx.capture.active) return;
  plugins::BodyCapture& c = x_->ctx.capture;
  if (c.body.size() + sent.size() > c.limit) c.active = false;
  else c.body.append(sent);
}

bool HttpSession::flushClient(std::string_view body) {
  while (cout_.readable() > 0 || !body.empty()) {
    if (!client_.writable()) return true;
    iovec iov[2];
    int count = 0;
    if (cout_.readable() > 0) iov[count++] = {cout_.readPos(), cout_.readable()};
    if (!body.empty()) iov[count++] = {const_cast<char*>(body.data()), body.size()};
    const ssize_t n = client_.write(iov, count);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return true;  // (no longer writable)
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
