// Request bodies a plugin reads: the whole body arrives (de-chunked, after a 100 Continue when the
// client waits for one) before the plugins run, then goes upstream from memory (see plugins/plugin.h).
#include "proxy/http_session.h"

namespace sluice::proxy {

void HttpSession::sendContinue() {
  worker_.clientBuffers().acquire(cout_);
  (void)x_->codec.writeContinue(cout_);
  (void)flushClient({});
  x_->anyResponseByte = false;  // an interim response: a real error may still follow
}

void HttpSession::startReadingBody(const char* headStart) {
  Exchange& x = *x_;
  const uint64_t limit = worker_.settings().bodyBufferSize;
  if (x.head.framing == http::BodyFraming::ContentLength && x.head.contentLength > limit) {
    respondLocal(http::GatewayResponse{413, {}, {}, true, false});
    return;
  }
  // Reading the body refills the connection's buffer over the head's bytes: the head moves to
  // the exchange (parsed again there) and so does the normalised path.
  x.requestPath.assign(x.path);
  x.path = x.requestPath;
  x.requestHeadCopy.assign(headStart, x.head.headBytes);
  if (!x.codec.readHeadAgain(x.requestHeadCopy, x.head)) {  // parsed once already: cannot fail
    respondLocal(http::GatewayResponse{400, {}, {}, true, false});
    return;
  }
  if (x.head.expectContinue) sendContinue();
  state_ = State::ReadingBody;
  worker_.reactor().arm(*this, worker_.settings().clientBodyTimeoutMs);
}

bool HttpSession::stepReadBody() {
  Exchange& x = *x_;
  const uint64_t limit = worker_.settings().bodyBufferSize;
  const uint64_t maxBody = worker_.settings().clientMaxBodySize;
  for (;;) {
    if (cin_.readable() > 0) {
      const size_t used = x.codec.readBody(cin_.view(), [&x](std::string_view d) { x.body.append(d); });
      cin_.consume(used);
      if (x.codec.bodyFailed()) {
        respondLocal(http::GatewayResponse{400, {}, {}, true, false});
        return true;
      }
      const bool done = x.codec.bodyDone();
      if (x.body.size() > limit || (maxBody && x.body.size() > maxBody)) {
        respondLocal(http::GatewayResponse{413, {}, {}, true, false});
        return true;
      }
      if (done) {
        net::TimerQueue::disarm(*this);
        forwardExchange();
        return state_ != State::Closed;
      }
    }
    const ssize_t n = readClient();
    if (n < 0 || (n == 0 && client_.eof())) {  // the client went away mid-body
      close();
      return false;
    }
    if (n == 0) {
      worker_.reactor().arm(*this, worker_.settings().clientBodyTimeoutMs);
      return false;
    }
  }
}

}  // namespace sluice::proxy
