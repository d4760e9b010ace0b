#include "proxy/request_relay.h"

#include "proxy/proxy_worker.h"

namespace sluice::proxy {

void RequestRelay::sendContinue(Exchange& x) {
  worker_.clientBuffers().acquire(client_.out());
  (void)x.codec.writeContinue(client_.out());
  (void)client_.write(x, {});
  x.anyResponseByte = false;  // an interim response: a real error may still follow
}

Step RequestRelay::startReadingBody(Exchange& x, const char* headStart) {
  if (x.head.framing == http::BodyFraming::ContentLength && x.head.contentLength > worker_.settings().bodyBufferSize)
    return Step::respond(413, true);
  // Reading the body refills the connection's buffer over the head's bytes: the head moves to
  // the exchange (parsed again there) and so does the normalised path.
  x.requestPath.assign(x.path);
  x.path = x.requestPath;
  x.requestHeadCopy.assign(headStart, x.head.headBytes);
  if (!x.codec.readHeadAgain(x.requestHeadCopy, x.head)) return Step::respond(400, true);  // parsed once already: cannot fail
  if (x.head.expectContinue) sendContinue(x);
  return Step::done();
}

Step RequestRelay::readBody(Exchange& x) {
  const uint64_t limit = worker_.settings().bodyBufferSize;
  const uint64_t maxBody = worker_.settings().clientMaxBodySize;
  net::IoBuffer& in = client_.in();
  for (;;) {
    if (in.readable() > 0) {
      in.consume(x.codec.readBody(in.view(), [&x](std::string_view d) { x.body.append(d); }));
      if (x.codec.bodyFailed()) return Step::respond(400, true);
      if (x.body.size() > limit || (maxBody && x.body.size() > maxBody)) return Step::respond(413, true);
      if (x.codec.bodyDone()) return Step::done();
    }
    switch (client_.read()) {
      case Downstream::Read::Some: continue;
      case Downstream::Read::None: return Step::waitForClient();
      case Downstream::Read::Gone: return Step::close();  // the client went away mid-body
    }
  }
}

Step RequestRelay::sendUp(Exchange& x, const char* data, size_t size, size_t& sent) {
  const ssize_t n = leg_.send(x, data, size);
  if (n == UpstreamLeg::kFailed) return Step::failed(UpstreamLeg::Failure::Write);
  if (n == UpstreamLeg::kWouldBlock) return Step::wait();
  sent += static_cast<size_t>(n);
  return Step::progress();
}

Step RequestRelay::send(Exchange& x) {
  // 0. A connect in progress completes once the socket turns writable.
  if (leg_.connecting()) {
    if (!leg_.writable()) return Step::wait();
    if (!leg_.finishConnect(x)) return Step::failed(UpstreamLeg::Failure::Connect);
  }
  net::IoBuffer& head = leg_.requestHead();
  // 1. The request head.
  if (x.upstreamHeadSent < head.readable()) {
    const Step s = sendUp(x, head.readPos() + x.upstreamHeadSent, head.readable() - x.upstreamHeadSent, x.upstreamHeadSent);
    if (s.kind != Step::Kind::Progress || x.upstreamHeadSent < head.readable()) return s;
    x.sentUs = worker_.nowMicros();
    x.ctx.sentUpstreamUs = x.sentUs;
  }
  // 1b. A body read for the plugins goes out of memory.
  if (x.bodyBuffered && x.bufferedBodySent < x.body.size()) {
    const Step s = sendUp(x, x.body.data() + x.bufferedBodySent, x.body.size() - x.bufferedBodySent, x.bufferedBodySent);
    if (s.kind == Step::Kind::Progress) leg_.armWrite(x);
    return s;
  }
  // 2. The body, straight from the client's buffer: its bytes go up as they are (chunks with
  //    their framing); the decoder finds its end.
  net::IoBuffer& in = client_.in();
  if (!x.requestBodyDone() || x.requestBodyPending > 0) {
    if (x.requestBodyPending == 0 && in.readable() > 0) {
      x.requestBodyPending = x.codec.readBody(in.view());
      const Step checked = checkStreamedBody(x);
      if (checked.kind != Step::Kind::Progress) return checked;
    }
    if (x.requestBodyPending > 0) {
      size_t sent = 0;
      const Step s = sendUp(x, in.readPos(), static_cast<size_t>(x.requestBodyPending), sent);
      in.consume(sent);
      x.requestBodyPending -= sent;
      if (s.kind == Step::Kind::Progress) leg_.armWrite(x);
      return s;
    }
    if (!x.requestBodyDone()) {
      switch (client_.read()) {
        case Downstream::Read::Some: return Step::clientMoved();
        case Downstream::Read::None: return Step::waitForClient();
        case Downstream::Read::Gone: return Step::close();  // the client went away mid-body
      }
    }
  }
  // 3. All sent: the response is awaited.
  leg_.armRead(x);
  x.responseParser.reset();
  return Step::done();
}

Step RequestRelay::checkStreamedBody(Exchange& x) {
  if (x.codec.bodyFailed()) return Step::respond(400, true);
  // A length was checked with the head; a chunked body is checked as it arrives.
  const uint64_t maxBody = worker_.settings().clientMaxBodySize;
  const uint64_t pluginLimit = x.ctx.bodyLimit;
  const uint64_t seen = x.codec.bodySeen();
  if ((maxBody && seen > maxBody) || (pluginLimit && seen > pluginLimit)) {
    const bool byPlugin = pluginLimit && seen > pluginLimit && (!maxBody || pluginLimit < maxBody);
    return Step::respond(413, true, byPlugin ? std::string_view(x.ctx.bodyLimitMessage) : std::string_view());
  }
  return Step::progress();
}

}  // namespace sluice::proxy
