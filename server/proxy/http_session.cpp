#include "proxy/http_session.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sluice::proxy {

HttpSession::HttpSession(ProxyWorker& worker, int fd, std::string clientIp, uint16_t serverPort, bool tls)
    : worker_(worker),
      client_(fd, tls && worker.settings().serverTls ? std::make_unique<net::TlsStream>(worker.settings().serverTls.get(), fd, true) : nullptr),
      clientIp_(std::move(clientIp)),
      serverPort_(serverPort),
      leg_(worker, *this) {
  if (worker.settings().observe) {
    acceptedUs_ = worker.nowMicros();
    traceAllowed_ = net::inRanges(worker.settings().traceClients, clientIp_);
  }
  if (client_.tls()) SSL_set_app_data(client_.tlsStream()->ssl(), this);
}

bool HttpSession::selectCertificate(SSL* ssl, const std::string& serverName) {
  auto* session = static_cast<HttpSession*>(SSL_get_app_data(ssl));
  if (!session) return false;
  const auto* cert = session->worker_.latestSnapshot().certificateFor(serverName);
  return cert && net::usePair(ssl, cert->pair);
}

HttpSession::~HttpSession() {
  client_.close();
}

bool HttpSession::start() {
  if (!worker_.reactor().add(client_.fd(), this)) return false;
  worker_.reactor().arm(*this, worker_.settings().clientHeaderTimeoutMs);
  return true;
}

void HttpSession::onEvents(uint32_t events) {
  client_.noteEvents(events);
  drive();
}

void HttpSession::onUpstreamEvents(uint32_t events) {
  leg_.noteEvents(events);
  drive();
}

void HttpSession::drain() {
  keepAlive_ = false;
  if (state_ == State::ReadingHead && cin_.readable() == 0) close();
}

void HttpSession::drive() {
  for (;;) {
    bool progressed = false;
    switch (state_) {
      case State::ReadingHead: progressed = stepReadHead(); break;
      case State::ReadingBody: progressed = stepReadBody(); break;
      case State::Connecting: progressed = stepConnect(); break;
      case State::SendingRequest: progressed = stepSendRequest(); break;
      case State::AwaitingResponse: progressed = stepReadResponseHead(); break;
      case State::SendingResponse: progressed = stepSendResponse(); break;
      case State::BufferingResponse: progressed = stepBufferResponse(); break;
      case State::SendingLocal: progressed = stepSendLocal(); break;
      case State::Tunnel: progressed = stepTunnel(); break;
      case State::Closed: return;
    }
    if (!progressed) return;
  }
}

bool HttpSession::stepReadHead() {
  if (cin_.readable() == 0) {
    const ssize_t n = readClient();
    if (n < 0 || (n == 0 && client_.eof())) {
      close();
      return false;
    }
    if (n == 0) {
      goIdle();
      return false;
    }
    worker_.reactor().arm(*this, worker_.settings().clientHeaderTimeoutMs);
  }
  takeExchange();
  const auto head = x_->codec.readHead(cin_.view(), x_->head);
  if (head == http::Http1ServerCodec::Head::Error) {
    respondLocal(http::GatewayResponse{x_->codec.errorStatus(), {}, {}, true, false});
    return true;
  }
  if (head == http::Http1ServerCodec::Head::NeedMore) {
    const ssize_t n = readClient();
    if (n < 0 || (n == 0 && client_.eof())) {
      close();
      return false;
    }
    return n > 0;
  }
  beginExchange();
  return state_ != State::Closed;
}

ClientFacts HttpSession::clientFacts() const {
  ClientFacts c;
  c.clientIp = clientIp_;
  c.serverPort = serverPort_;
  c.https = client_.tls();
  c.sni = client_.serverName();
  c.traceAllowed = traceAllowed_;
  c.acceptedUs = acceptedUs_;
  c.firstRequest = requestsServed_ == 0;
  return c;
}

void HttpSession::beginExchange() {
  // The head's bytes leave the buffer now; they stay in memory (views into them remain valid)
  // until the next read, and nothing reads the client before the upstream head is built.
  const char* headStart = cin_.readPos();
  cin_.consume(x_->head.headBytes);
  net::TimerQueue::disarm(*this);
  keepAlive_ = keepAlive_ && x_->head.keepAlive && !worker_.draining() &&
               requestsServed_ + 1 < worker_.settings().keepaliveRequests;
  const ClientFacts client = clientFacts();
  openExchange(worker_, *x_, client);
  http::GatewayResponse answer;
  switch (routeExchange(worker_, *x_, client, answer)) {
    case Routed::Respond: respondLocal(answer); return;
    case Routed::ReadBodyFirst: startReadingBody(headStart); return;
    case Routed::Forward: forwardExchange(); return;
  }
}

void HttpSession::forwardExchange() {
  Exchange& x = *x_;
  const bool unreadBody = x.head.framing != http::BodyFraming::None && !x.bodyBuffered;
  const ClientFacts client = clientFacts();
  if (runRequestPlugins(worker_, x, client) == plugins::PhaseResult::Respond) {
    respondFromPlugin(unreadBody);
    return;
  }
  if (!x.service) {
    respondLocal(http::GatewayResponse{503, "no Service found with those values", {}, unreadBody, false});
    return;
  }
  if (!writeUpstreamRequest(worker_, x, client, uout_)) {
    respondLocal(http::GatewayResponse{431, {}, {}, true, false});
    return;
  }
  // From here on the head's views are dead: it has been copied into uout_. A body already read
  // goes out of memory after the head; any other streams from the client.
  if (!x.bodyBuffered && x.head.expectContinue && !x.requestBodyDone()) sendContinue();
  startUpstream();
}

void HttpSession::startUpstream() {
  switch (leg_.start(*x_)) {
    case UpstreamLeg::Start::Connected: state_ = State::SendingRequest; return;
    case UpstreamLeg::Start::Connecting: state_ = State::Connecting; return;
    case UpstreamLeg::Start::NoPeer:
      respondLocal(http::GatewayResponse{503, leg_.noPeerMessage(), {}, !x_->requestBodyDone(), false});
      return;
    case UpstreamLeg::Start::Failed: upstreamFailed(Failure::Connect); return;
  }
}

void HttpSession::upstreamFailed(Failure failure) {
  switch (leg_.failed(*x_, failure)) {
    case UpstreamLeg::AfterFailure::Retry: startUpstream(); return;
    case UpstreamLeg::AfterFailure::Close: close(); return;
    case UpstreamLeg::AfterFailure::Respond:
      respondLocal(http::GatewayResponse{failure == Failure::Timeout || failure == Failure::ConnectTimeout ? 504 : 502, {}, {},
                                         !x_->requestBodyDone(), false});
      return;
  }
}

void HttpSession::onUpstreamTimeout() {
  if (state_ == State::Connecting) upstreamFailed(Failure::ConnectTimeout);
  else upstreamFailed(Failure::Timeout);
  drive();
}

void HttpSession::onTimer() {
  // Client-side timeouts: idle keep-alive, slow head (408), slow body, slow reader.
  if (state_ == State::ReadingHead && cin_.readable() > 0) {
    respondLocal(http::GatewayResponse{408, {}, {}, true, false});
    drive();
    return;
  }
  if (state_ == State::ReadingBody) {
    respondLocal(http::GatewayResponse{408, {}, {}, true, false});
    drive();
    return;
  }
  if (state_ == State::SendingRequest && !x_->requestBodyDone() && !x_->anyResponseByte) {
    releaseUpstream(false);
    respondLocal(http::GatewayResponse{408, {}, {}, true, false});
    drive();
    return;
  }
  close();
}

bool HttpSession::stepConnect() {
  if (!leg_.writable()) return false;
  if (!leg_.finishConnect(*x_)) {
    upstreamFailed(Failure::Connect);
    return state_ != State::Closed;
  }
  state_ = State::SendingRequest;
  return true;
}

ssize_t HttpSession::sendToUpstream(const char* data, size_t size) {
  const ssize_t n = leg_.send(*x_, data, size);
  if (n == UpstreamLeg::kFailed) upstreamFailed(Failure::Write);
  return n;
}

bool HttpSession::stepSendRequest() {
  // 1. The request head.
  if (x_->upstreamHeadSent < uout_.readable()) {
    const ssize_t n = sendToUpstream(uout_.readPos() + x_->upstreamHeadSent, uout_.readable() - x_->upstreamHeadSent);
    if (n < 0) return n == UpstreamLeg::kFailed && state_ != State::Closed;
    x_->upstreamHeadSent += static_cast<size_t>(n);
    if (x_->upstreamHeadSent < uout_.readable()) return true;
    x_->sentUs = worker_.nowMicros();
    x_->ctx.sentUpstreamUs = x_->sentUs;
  }
  // 1b. A body read for the plugins goes out of memory.
  if (x_->bodyBuffered && x_->bufferedBodySent < x_->body.size()) {
    const ssize_t n = sendToUpstream(x_->body.data() + x_->bufferedBodySent, x_->body.size() - x_->bufferedBodySent);
    if (n < 0) return n == UpstreamLeg::kFailed && state_ != State::Closed;
    x_->bufferedBodySent += static_cast<size_t>(n);
    leg_.armWrite(*x_);
    return true;
  }
  // 2. The body, straight from the client's buffer.
  if (!x_->requestBodyDone() || x_->requestBodyPending > 0) {
    if (x_->requestBodyPending == 0 && cin_.readable() > 0) {
      // The body's bytes go up as they are (chunks with their framing); the decoder finds its end.
      http::Http1ServerCodec& codec = x_->codec;
      x_->requestBodyPending = codec.readBody(cin_.view());
      if (codec.bodyFailed()) {
        leg_.release(*x_, false);
        respondLocal(http::GatewayResponse{400, {}, {}, true, false});
        return true;
      }
      // A length was checked with the head; a chunked body is checked as it arrives.
      const uint64_t maxBody = worker_.settings().clientMaxBodySize;
      const uint64_t pluginLimit = x_->ctx.bodyLimit;
      const uint64_t seen = codec.bodySeen();
      if ((maxBody && seen > maxBody) || (pluginLimit && seen > pluginLimit)) {
        const bool byPlugin = pluginLimit && seen > pluginLimit && (!maxBody || pluginLimit < maxBody);
        leg_.release(*x_, false);
        respondLocal(http::GatewayResponse{413, byPlugin ? x_->ctx.bodyLimitMessage : std::string_view(), {}, true, false});
        return true;
      }
    }
    if (x_->requestBodyPending > 0) {
      const ssize_t n = sendToUpstream(cin_.readPos(), static_cast<size_t>(x_->requestBodyPending));
      if (n < 0) return n == UpstreamLeg::kFailed && state_ != State::Closed;
      cin_.consume(static_cast<size_t>(n));
      x_->requestBodyPending -= static_cast<uint64_t>(n);
      leg_.armWrite(*x_);
      return true;
    }
    if (!x_->requestBodyDone()) {
      const ssize_t n = readClient();
      if (n < 0 || (n == 0 && client_.eof())) {  // the client went away mid-body
        releaseUpstream(false);
        close();
        return false;
      }
      if (n == 0) {
        worker_.reactor().arm(*this, worker_.settings().clientBodyTimeoutMs);
        return false;
      }
      net::TimerQueue::disarm(*this);
      return true;
    }
  }
  // 3. All sent: wait for the response.
  net::TimerQueue::disarm(*this);
  leg_.armRead(*x_);
  x_->responseParser.reset();
  state_ = State::AwaitingResponse;
  return true;
}

bool HttpSession::stepReadResponseHead() {
  net::IoBuffer& in = leg_.in();
  if (in.readable() > 0) {
    const auto result = x_->responseParser.parse(in.view(), x_->response, x_->isHead);
    if (result == http::ParseResult::Error) {
      upstreamFailed(Failure::Protocol);
      return state_ != State::Closed;
    }
    if (result == http::ParseResult::Done) {
      if (x_->response.status >= 100 && x_->response.status < 200 && x_->response.status != 101) {
        in.consume(x_->response.headBytes);  // interim responses (100 Continue) are dropped
        x_->responseParser.reset();
        return true;
      }
      const Relay relay = x_->switchingProtocols() && !x_->head.upgrade ? Relay::Fail : buildResponseHead();
      if (relay == Relay::Fail) {  // an upgrade nobody asked for, or a head too large
        upstreamFailed(Failure::Protocol);
        return state_ != State::Closed;
      }
      in.consume(x_->response.headBytes);
      state_ = x_->switchingProtocols() ? State::Tunnel : relay == Relay::Collect ? State::BufferingResponse : State::SendingResponse;
      return true;
    }
  }
  const ssize_t n = leg_.read();
  if (n < 0 || (n == 0 && leg_.eof())) {
    upstreamFailed(in.readable() == 0 ? Failure::Reset : Failure::Protocol);
    return state_ != State::Closed;
  }
  if (n == 0) return false;
  leg_.armRead(*x_);
  return true;
}

void HttpSession::finishExchange() {
  const bool reusable = x_->response.keepAlive && x_->response.framing != http::BodyFraming::UntilClose && !leg_.eof() &&
                        leg_.in().readable() == 0;
  releaseUpstream(reusable);
  endExchange(x_->response.status);
  unpin();
  ++requestsServed_;
  uout_.clear();  // sent: its bytes are only kept (x_->upstreamHeadSent) for a retry, which is past now
  worker_.releaseBuffer(uout_);
  if (!keepAlive_ || client_.eof()) {
    close();
    return;
  }
  worker_.releaseBuffer(cout_);
  state_ = State::ReadingHead;
  x_->codec.reset();
  if (cin_.readable() == 0) {
    goIdle();
    worker_.reactor().arm(*this, worker_.settings().keepaliveTimeoutMs);
  }
}

void HttpSession::respondFromPlugin(bool unreadBody) {
  const plugins::LocalResponse& local = x_->ctx.local;
  std::string& headers = worker_.scratch(1);
  headers.clear();
  const auto add = [&headers](const plugins::HeaderEdits& list) {
    for (const auto& h : list) headers.append(h.name).append(": ").append(h.value).append("\r\n");
  };
  add(local.headers);
  add(x_->ctx.responseHeaders);
  http::GatewayResponse r{local.status, local.message, headers, unreadBody, false};
  if (local.sharedBody) {  // the head goes through the buffer, the body straight from memory
    r.rawBody = true;
    r.bodyLength = local.sharedBody->size();
  } else if (!local.body.empty() || local.message.empty()) {
    r.body = local.body;
    r.contentType = local.contentType;
    r.rawBody = true;
  }
  respondLocal(r);
  if (local.sharedBody && state_ == State::SendingLocal) {
    x_->localBody = local.sharedBody;
    x_->localBodySent = 0;
  }
}

void HttpSession::respondLocal(const http::GatewayResponse& response) {
  releaseUpstream(false);  // (the snapshot stays pinned until the log phase has run)
  if (x_) x_->ctx.status = response.status;
  worker_.clientBuffers().acquire(cout_);
  cout_.clear();
  const std::string_view server = worker_.settings().serverTokens ? std::string_view("sluice") : std::string_view();
  http::GatewayResponse r = response;
  r.close = r.close || !keepAlive_;
  if (!x_->codec.writeGatewayResponse(cout_, r, x_->isHead, server, requestId())) {
    close();
    return;
  }
  keepAlive_ = !r.close;  // (r.close already holds !keepAlive_)
  state_ = State::SendingLocal;
}

bool HttpSession::stepSendLocal() {
  for (;;) {
    const std::string_view rest =
        x_->localBody && !x_->isHead ? std::string_view(*x_->localBody).substr(std::min(x_->localBodySent, x_->localBody->size())) : std::string_view();
    if (cout_.readable() == 0 && rest.empty()) break;
    if (!flushClient(rest)) {
      close();
      return false;
    }
    if (!client_.writable()) {
      worker_.reactor().arm(*this, worker_.settings().clientBodyTimeoutMs);
      return false;
    }
  }
  x_->localBody.reset();
  x_->localBodySent = 0;
  ++requestsServed_;
  if (x_) endExchange(x_->ctx.status);
  unpin();
  if (!keepAlive_ || client_.eof()) {
    client_.shutdownWrite();  // let the client read the response before the close
    close();
    return false;
  }
  worker_.releaseBuffer(cout_);
  uout_.clear();
  worker_.releaseBuffer(uout_);
  state_ = State::ReadingHead;
  if (x_) x_->codec.reset();
  if (cin_.readable() == 0) {
    goIdle();
    worker_.reactor().arm(*this, worker_.settings().keepaliveTimeoutMs);
  }
  return true;
}

void HttpSession::unpin() {
  if (!x_ || !x_->pin) return;
  worker_.unpinSnapshot(x_->pin);
  x_->pin = nullptr;
  x_->service = nullptr;
}

void HttpSession::close() {
  if (state_ == State::Closed) return;
  state_ = State::Closed;
  net::TimerQueue::disarm(*this);
  releaseUpstream(false);
  if (x_) endExchange(x_->ctx.status ? x_->ctx.status : 499);  // 499: the client went away first
  unpin();
  // Closing the socket takes it off epoll (it is never duplicated): no EPOLL_CTL_DEL needed.
  // Events of this batch that still name the session find it Closed.
  client_.close();
  cin_.clear();
  cout_.clear();
  uout_.clear();
  worker_.releaseBuffer(cin_);
  worker_.releaseBuffer(cout_);
  worker_.releaseBuffer(uout_);
  if (x_) x_->localBody.reset();
  worker_.exchanges().giveBack(std::move(x_));
  worker_.sessionClosed(this);
}

void HttpSession::takeExchange() {
  if (!x_) x_ = worker_.exchanges().take(worker_.settings().limits);
}

void HttpSession::goIdle() {
  worker_.releaseBuffer(cin_);
  worker_.exchanges().giveBack(std::move(x_));
}

}  // namespace sluice::proxy
