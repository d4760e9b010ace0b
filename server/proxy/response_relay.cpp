#include "proxy/response_relay.h"

#include "http/response_head_writer.h"
#include "proxy/exchange_start.h"
#include "proxy/proxy_worker.h"
#include "proxy/response_start.h"

#include <cerrno>

namespace sluice::proxy {

Step ResponseRelay::readHead(Exchange& x, bool& keepAlive) {
  net::IoBuffer& in = leg_.in();
  if (in.readable() > 0) {
    const auto result = x.responseParser.parse(in.view(), x.response, x.isHead);
    if (result == http::ParseResult::Error) return Step::failed(UpstreamLeg::Failure::Protocol);
    if (result == http::ParseResult::Done) {
      if (x.response.status >= 100 && x.response.status < 200 && x.response.status != 101) {
        in.consume(x.response.headBytes);  // interim responses (100 Continue) are dropped
        x.responseParser.reset();
        return Step::progress();
      }
      bool failed = x.switchingProtocols() && !x.head.upgrade;  // an upgrade nobody asked for
      if (!failed) mode_ = startBody(x, keepAlive, failed);
      if (failed) return Step::failed(UpstreamLeg::Failure::Protocol);  // (or a head too large)
      if (x.ctx.local.status != 0) return Step::pluginAnswer();
      in.consume(x.response.headBytes);
      return Step::done();
    }
  }
  const ssize_t n = leg_.read();
  if (n < 0 || (n == 0 && leg_.eof()))
    return Step::failed(in.readable() == 0 ? UpstreamLeg::Failure::Reset : UpstreamLeg::Failure::Protocol);
  if (n == 0) return Step::wait();
  leg_.armRead(x);
  return Step::progress();
}

ResponseRelay::Mode ResponseRelay::startBody(Exchange& x, bool& keepAlive, bool& failed) {
  if (acceptResponseHead(worker_, leg_, x)) return Mode::Pass;  // a plugin answers instead: nothing of this response is sent
  switch (chooseResponseBody(worker_, x, std::string_view(leg_.in().readPos(), x.response.headBytes))) {
    case ResponseBody::Collect: return Mode::Collect;  // the head goes out once the body filters have run
    case ResponseBody::Invalid: failed = true; return Mode::Collect;
    case ResponseBody::Pass: break;
  }
  failed = !writeHead(x, keepAlive, false);
  return x.switchingProtocols() ? Mode::Tunnel : Mode::Pass;
}

bool ResponseRelay::writeHead(Exchange& x, bool& keepAlive, bool wholeBody) {
  net::IoBuffer& out = client_.out();
  const size_t keep = out.allocated() ? out.readable() : 0;  // an interim 100 Continue not yet sent
  if (writeHeadInto(x, keepAlive, wholeBody)) return true;
  const std::string pending(out.readPos(), keep);
  out.clear();
  if (!worker_.growToLarge(out)) return false;
  return out.append(pending) && writeHeadInto(x, keepAlive, wholeBody);
}

bool ResponseRelay::writeHeadInto(Exchange& x, bool& keepAlive, bool wholeBody) {
  worker_.clientBuffers().acquire(client_.out());
  x.responseBodyDecoder.start(x.response.framing, x.response.contentLength);
  http::PassedResponse passed = passedResponse(worker_, x, worker_.via(), wholeBody);
  passed.clientMinor = x.httpMinor;
  passed.upgrade = x.switchingProtocols();
  passed.keepAlive = keepAlive;
  const bool written = x.codec.writeResponseHead(client_.out(), x.response, passed);
  keepAlive = passed.keepAlive;  // false when the body's end will be the connection's end
  return written;
}

Step ResponseRelay::pass(Exchange& x) {
  net::IoBuffer& in = leg_.in();
  net::IoBuffer& out = client_.out();
  http::BodyDecoder& decoder = x.responseBodyDecoder;
  // How much of the upstream buffer is body we may forward as it is.
  const std::string_view body = x.codec.responseBody(decoder, in, out);
  if (decoder.failed()) return Step::close();
  if (out.readable() > 0 || !body.empty()) {
    const ssize_t sent = client_.write(x, body);
    if (sent < 0) return Step::close();
    in.consume(static_cast<size_t>(sent));
    x.codec.responseBodySent(decoder, body.substr(0, static_cast<size_t>(sent)));
    if (!client_.connection().writable()) return Step::waitForClient();  // a slow reader
    if (decoder.done() && out.readable() == 0) return Step::done();
    return Step::clientMoved();
  }
  if (decoder.done()) return Step::done();
  switch (readBody(x)) {
    case BodyRead::More: return Step::progress();
    case BodyRead::Wait: return Step::wait();
    case BodyRead::Error: return Step::close();
    case BodyRead::Closed:
      if (in.readable() > 0) return Step::progress();  // what arrived before the close goes out first
      if (x.response.framing == http::BodyFraming::UntilClose) return Step::done();
      return Step::close();  // a truncated response: the client must see the connection end
  }
  return Step::close();
}

ResponseRelay::BodyRead ResponseRelay::readBody(Exchange& x) {
  const ssize_t n = leg_.read();
  if (n < 0) return BodyRead::Error;
  if (n == 0) return leg_.eof() ? BodyRead::Closed : BodyRead::Wait;
  leg_.armRead(x);
  return BodyRead::More;
}

Step ResponseRelay::collect(Exchange& x, bool& keepAlive) {
  net::IoBuffer& in = leg_.in();
  for (;;) {
    if (in.readable() > 0) {
      switch (collectResponseBody(worker_, x, in)) {
        case Collected::Invalid: return Step::failed(UpstreamLeg::Failure::Protocol);
        case Collected::TooLarge: return Step::respond(502, false);
        case Collected::Whole: return finishCollected(x, keepAlive);
        case Collected::More: break;
      }
    }
    switch (readBody(x)) {
      case BodyRead::More: continue;
      case BodyRead::Wait: return Step::wait();
      case BodyRead::Error: return Step::close();
      case BodyRead::Closed:
        if (x.response.framing == http::BodyFraming::UntilClose) return finishCollected(x, keepAlive);
        return Step::failed(UpstreamLeg::Failure::Protocol);  // truncated: nothing was sent, so the client gets a 502
    }
  }
}

Step ResponseRelay::finishCollected(Exchange& x, bool& keepAlive) {
  if (x.chain) plugins::runBodyFilter(*x.chain, x.ctx, x.resolved, x.timings, x.responseBody);
  leg_.release(x, leg_.reusableAfter(x));
  x.response.framing = http::BodyFraming::ContentLength;
  x.response.contentLength = x.responseBody.size();
  if (!writeHead(x, keepAlive, true)) return Step::close();
  x.localBody = std::make_shared<const std::string>(std::move(x.responseBody));
  x.localBodySent = 0;
  return Step::done();
}

Step ResponseRelay::tunnel(Exchange& x) {
  bool progressed = false;
  // The 101 head first, then whatever the upstream sends.
  net::IoBuffer& in = leg_.in();
  net::IoBuffer& out = client_.out();
  ClientConnection& client = client_.connection();
  if (out.readable() > 0 || in.readable() > 0) {
    const bool headPending = out.readable() > 0;
    const ssize_t sent = client_.write(x, headPending ? std::string_view() : in.view());
    if (sent < 0) return Step::close();
    in.consume(static_cast<size_t>(sent));
    progressed = sent > 0 || out.readable() == 0;
  } else if (leg_.readable()) {
    const ssize_t n = leg_.read();
    if (n < 0 || (n == 0 && leg_.eof())) return Step::close();
    progressed = n > 0;
  }
  // And the client's bytes to the upstream.
  net::IoBuffer& up = client_.in();
  if (up.readable() > 0 && leg_.writable()) {
    const ssize_t n = leg_.sendRaw(up.readPos(), up.readable());
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return Step::close();
    if (n >= 0) {
      up.consume(static_cast<size_t>(n));
      progressed = true;
    }
  } else if (up.readable() == 0 && client.readable()) {
    const Downstream::Read read = client_.read();
    if (read == Downstream::Read::Gone) return Step::close();
    progressed = progressed || read == Downstream::Read::Some;
  }
  if (!progressed) return Step::wait();
  leg_.armRead(x);  // an idle tunnel times out
  return Step::progress();
}

}  // namespace sluice::proxy
