// The response half of an exchange: the downstream head, the body streamed from the upstream's
// buffer (Content-Length, chunked passed through or de-chunked, until close), and upgrade tunnels.
#include "proxy/http_session.h"

#include "http/response_head_writer.h"

#include <Poco/Logger.h>


namespace sluice::proxy {
HttpSession::Relay HttpSession::buildResponseHead() {
  leg_.reportOutcome(*x_, snapshot::Outcome::Success, x_->response.status);
  x_->ctx.status = x_->response.status;
  x_->ctx.firstByteUs = worker_.nowMicros();
  if (x_->chain && !x_->resolved.empty()) {
    x_->ctx.response = &x_->response;
    plugins::runHeaderFilter(*x_->chain, x_->ctx, x_->resolved, x_->timings);
  }
  if (x_->ctx.bufferResponse && !x_->switchingProtocols() && !x_->isHead && x_->response.framing != http::BodyFraming::None) {
    const http::ResponseHead& r = x_->response;
    if (r.framing != http::BodyFraming::ContentLength || r.contentLength <= worker_.settings().bodyBufferSize) {
      // The head's views point into the upstream buffer, which the body will refill: keep a copy.
      x_->responseHeadCopy.assign(leg_.in().readPos(), r.headBytes);
      x_->responseParser.reset();
      if (x_->responseParser.parse(x_->responseHeadCopy, x_->response, x_->isHead) != http::ParseResult::Done) return Relay::Fail;
      x_->responseBody.clear();
      x_->responseBodyDecoder.start(x_->response.framing, x_->response.contentLength);
      return Relay::Collect;  // the head goes out once the body filters have run
    }
  }
  return writeResponseHead(false) ? Relay::Pass : Relay::Fail;
}

bool HttpSession::writeResponseHead(bool wholeBody) {
  const size_t keep = cout_.allocated() ? cout_.readable() : 0;  // an interim 100 Continue not yet sent
  if (writeHeadInto(wholeBody)) return true;
  const std::string pending(cout_.readPos(), keep);
  cout_.clear();
  if (!worker_.growToLarge(cout_)) return false;
  return cout_.append(pending) && writeHeadInto(wholeBody);
}

bool HttpSession::writeHeadInto(bool wholeBody) {
  Exchange& x = *x_;
  worker_.clientBuffers().acquire(cout_);
  x.responseBodyDecoder.start(x.response.framing, x.response.contentLength);
  http::PassedResponse passed;
  passed.clientMinor = x.httpMinor;
  passed.wholeBody = wholeBody;
  passed.upgrade = x.switchingProtocols();
  passed.keepAlive = keepAlive_;
  passed.changes = {&x.ctx.responseHeaders, &x.ctx.removeResponseHeaders};
  passed.via = worker_.via();
  if (worker_.settings().latencyTokens) {
    passed.upstreamLatencyMs = static_cast<int64_t>((worker_.nowMicros() - x.sentUs) / 1000);
    passed.proxyLatencyMs = static_cast<int64_t>((x.sentUs - x.startUs) / 1000);
  }
  passed.requestId = requestId();
  const bool written = x.codec.writeResponseHead(cout_, x.response, passed);
  keepAlive_ = passed.keepAlive;  // false when the body's end will be the connection's end
  return written;
}

bool HttpSession::stepSendResponse() {
  net::IoBuffer& in = leg_.in();
  http::BodyDecoder& decoder = x_->responseBodyDecoder;
  // How much of the upstream buffer is body we may forward as it is.
  const std::string_view body = x_->codec.responseBody(decoder, in, cout_);
  if (decoder.failed()) {
    close();
    return false;
  }
  if (cout_.readable() > 0 || !body.empty()) {
    const size_t before = in.readable();
    if (!flushClient(body)) {
      close();
      return false;
    }
    const size_t sent = before - in.readable();
    x_->codec.responseBodySent(decoder, std::string_view(body.data(), sent));
    if (!client_.writable()) {
      worker_.reactor().arm(*this, worker_.settings().clientBodyTimeoutMs);  // a slow reader
      return false;
    }
    net::TimerQueue::disarm(*this);
    if (sent > 0 || cout_.readable() == 0) {
      if (decoder.done() && cout_.readable() == 0) {
        finishExchange();
        return state_ != State::Closed;
      }
      return true;
    }
  }
  if (decoder.done() && cout_.readable() == 0) {
    finishExchange();
    return state_ != State::Closed;
  }
  switch (readResponseBody()) {
    case BodyRead::More: return true;
    case BodyRead::Wait: return false;
    case BodyRead::Error: close(); return false;
    case BodyRead::Closed:
      if (in.readable() > 0) return true;  // what arrived before the close goes out first
      if (x_->response.framing == http::BodyFraming::UntilClose) {
        finishExchange();
        return state_ != State::Closed;
      }
      close();  // a truncated response: the client must see the connection end
      return false;
  }
  return false;
}

HttpSession::BodyRead HttpSession::readResponseBody() {
  const ssize_t n = leg_.read();
  if (n < 0) return BodyRead::Error;
  if (n == 0) return leg_.eof() ? BodyRead::Closed : BodyRead::Wait;
  leg_.armRead(*x_);
  return BodyRead::More;
}

bool HttpSession::stepBufferResponse() {
  net::IoBuffer& in = leg_.in();
  const uint64_t limit = worker_.settings().bodyBufferSize;
  for (;;) {
    bool done = false;
    if (in.readable() > 0) {
      http::BodyDecoder& decoder = x_->responseBodyDecoder;
      const size_t used = decoder.feed(in.view(), [this](std::string_view d) { x_->responseBody.append(d); });
      in.consume(used);
      if (decoder.failed()) {
        upstreamFailed(Failure::Protocol);
        return state_ != State::Closed;
      }
      done = decoder.done();
      if (x_->responseBody.size() > limit) {
        // Nothing has reached the client yet, but the body cannot be held: the plugins cannot do their work.
        Poco::Logger::get("sluice.proxy")
            .error("a response body larger than body_buffer_size (%Lu bytes) cannot be edited by the plugins of route %s",
                   static_cast<unsigned long long>(limit), x_->route ? x_->route->id : std::string());
        releaseUpstream(false);
        respondLocal(http::GatewayResponse{502, {}, {}, false, false});
        return true;
      }
      if (done) {
        finishBufferedResponse();
        return state_ != State::Closed;
      }
    }
    switch (readResponseBody()) {
      case BodyRead::More: continue;
      case BodyRead::Wait: return false;
      case BodyRead::Error: close(); return false;
      case BodyRead::Closed:
        if (x_->response.framing == http::BodyFraming::UntilClose) finishBufferedResponse();
        else upstreamFailed(Failure::Protocol);  // truncated: nothing was sent, so the client gets a 502
        return state_ != State::Closed;
    }
  }
}

void HttpSession::finishBufferedResponse() {
  Exchange& x = *x_;
  if (x.chain) plugins::runBodyFilter(*x.chain, x.ctx, x.resolved, x.timings, x.responseBody);
  const bool reusable = x.response.keepAlive && x.response.framing != http::BodyFraming::UntilClose && !leg_.eof() &&
                        leg_.in().readable() == 0;
  releaseUpstream(reusable);
  x.response.framing = http::BodyFraming::ContentLength;
  x.response.contentLength = x.responseBody.size();
  if (!writeResponseHead(true)) {
    close();
    return;
  }
  x_->localBody = std::make_shared<const std::string>(std::move(x.responseBody));
  x_->localBodySent = 0;
  state_ = State::SendingLocal;  // (closing after it when keep-alive is off)
}

bool HttpSession::stepTunnel() {
  bool progressed = false;
  // The 101 head first, then whatever the upstream sends.
  net::IoBuffer& in = leg_.in();
  if (cout_.readable() > 0 || in.readable() > 0) {
    const size_t before = in.readable();
    if (!flushClient(cout_.readable() > 0 ? std::string_view() : in.view())) {
      close();
      return false;
    }
    progressed = before != in.readable() || cout_.readable() == 0;
  } else if (leg_.readable()) {
    const ssize_t n = leg_.read();
    if (n < 0 || (n == 0 && leg_.eof())) {
      close();
      return false;
    }
    progressed = n > 0;
  }
  // And the client's bytes to the upstream.
  if (cin_.readable() > 0 && leg_.writable()) {
    const ssize_t n = leg_.sendRaw(cin_.readPos(), cin_.readable());
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      close();
      return false;
    }
    if (n >= 0) {
      cin_.consume(static_cast<size_t>(n));
      progressed = true;
    }
  } else if (cin_.readable() == 0 && client_.readable()) {
    const ssize_t n = readClient();
    if (n < 0 || (n == 0 && client_.eof())) {
      close();
      return false;
    }
    progressed = progressed || n > 0;
  }
  if (progressed) leg_.armRead(*x_);  // an idle tunnel times out
  return progressed;
}

}  // namespace sluice::proxy
