#include "proxy/http_session.h"

#include "proxy/exchange_recorder.h"
#include "proxy/http2_session.h"
#include "proxy/local_answer.h"

#include <algorithm>

namespace sluice::proxy {

HttpSession::HttpSession(ProxyWorker& worker, int fd, std::string clientIp, const ListenerTraits& listener)
    : worker_(worker),
      client_(worker, fd, listener.tls),
      leg_(worker, *this),
      request_(worker, client_, leg_),
      response_(worker, client_, leg_),
      clientIp_(std::move(clientIp)) {
  facts_.clientIp = clientIp_;
  facts_.serverPort = listener.port;
  facts_.https = client_.connection().tls();
  http2Allowed_ = listener.http2;
  if (http2Allowed_ && facts_.https) net::offerHttp2(client_.connection().tlsStream()->ssl());
  if (!worker.settings().observe) return;
  facts_.acceptedUs = worker.nowMicros();
  facts_.traceAllowed = net::inRanges(worker.settings().traceClients, clientIp_);
}

bool HttpSession::start() {
  if (!worker_.reactor().add(client_.connection().fd(), this)) return false;
  worker_.reactor().arm(*this, worker_.settings().clientHeaderTimeoutMs);
  return true;
}

void HttpSession::onEvents(uint32_t events) {
  client_.connection().noteEvents(events);
  drive();
}

void HttpSession::onUpstreamEvents(uint32_t events) {
  leg_.noteEvents(events);
  drive();
}

void HttpSession::drain(bool lingerIdle) {
  keepAlive_ = false;
  if (state_ != State::ReadingHead || client_.in().readable() > 0) return;  // closes after this exchange
  if (!lingerIdle) return close();
  // A request may be on its way: answer it (with Connection: close) rather than close under it.
  worker_.reactor().arm(*this, std::min<uint64_t>(worker_.settings().keepaliveTimeoutMs, kDrainLingerMs));
}

void HttpSession::drive() {
  const auto disarmThen = [this](auto next) { return [this, next] { net::TimerQueue::disarm(*this), next(); }; };
  const auto moveTo = [this](State next) { return [this, next] { state_ = next; }; };
  for (;;) {
    bool more = false;
    Exchange* x = exchange_.get();  // (null only when idle or closed)
    switch (state_) {
      case State::ReadingHead: more = stepReadHead(); break;
      case State::ReadingBody: more = follow(request_.readBody(*x), disarmThen([this] { forwardExchange(); })); break;
      case State::AwaitingPlugin: return;  // (the client's bytes wait: the head's views point into them)
      case State::SendingRequest: more = follow(request_.send(*x), disarmThen(moveTo(State::AwaitingResponse))); break;
      case State::AwaitingResponse: more = follow(response_.readHead(*x, keepAlive_), [this] { state_ = relayState(); }); break;
      case State::PassingResponse: more = follow(response_.pass(*x), [this, x] { completeExchange(x->response.status); }); break;
      case State::CollectingResponse: more = follow(response_.collect(*x, keepAlive_), moveTo(State::SendingLocal)); break;
      case State::Tunnel: more = follow(response_.tunnel(*x), [] {}); break;  // (ends with a close)
      case State::SendingLocal: more = follow(sendLocalAnswer(client_, *x), [this, x] { completeExchange(x->ctx.status); }); break;
      case State::Closed: return;
    }
    if (!more) return;
  }
}

template <class OnDone>
bool HttpSession::follow(const Step& step, OnDone onDone) {
  switch (step.kind) {
    case Step::Kind::Progress: return true;
    case Step::Kind::ClientMoved: net::TimerQueue::disarm(*this); return true;
    case Step::Kind::Wait: return false;
    case Step::Kind::WaitForClient: worker_.reactor().arm(*this, worker_.settings().clientBodyTimeoutMs); return false;
    case Step::Kind::Done: onDone(); break;
    case Step::Kind::Respond: respondLocal({step.status, step.message, {}, step.unreadBody, false}); break;
    case Step::Kind::PluginAnswer:
      respondLocal(pluginAnswer(exchange_->ctx, worker_.scratch(1), !exchange_->requestBodyDone()), exchange_->ctx.local.sharedBody);
      break;
    case Step::Kind::UpstreamFailed: upstreamFailed(step.failure); break;
    case Step::Kind::Close: close(); return false;
  }
  return state_ != State::Closed;
}

bool HttpSession::stepReadHead() {
  using Read = Downstream::Read;
  if (client_.in().readable() == 0) {
    const Read read = client_.read();
    if (read == Read::Gone) return close(), false;
    if (read == Read::None) return goIdle(), false;
    worker_.reactor().arm(*this, worker_.settings().clientHeaderTimeoutMs);
  }
  if (http2Allowed_ && requestsServed_ == 0 && !exchange_) {
    switch (protocolOfConnection()) {
      case Protocol::Http2: return handOverToHttp2(), false;
      case Protocol::NeedMore: {
        const Read read = client_.read();
        if (read == Read::Gone) close();
        return read == Read::Some;
      }
      case Protocol::Http1: break;
    }
  }
  if (!exchange_) exchange_ = worker_.exchanges().take(worker_.settings().limits);  // borrowed while a request is in progress
  switch (exchange_->codec.readHead(client_.in().view(), exchange_->head)) {
    case http::Http1ServerCodec::Head::Error: return respondLocal({exchange_->codec.errorStatus(), {}, {}, true, false}), true;
    case http::Http1ServerCodec::Head::NeedMore: {
      const Read read = client_.read();
      if (read == Read::Gone) close();
      return read == Read::Some;
    }
    default: beginExchange(); return state_ != State::Closed;
  }
}

HttpSession::Protocol HttpSession::protocolOfConnection() const {
  if (facts_.https) return net::negotiatedHttp2(client_.connection().tlsStream()->ssl()) ? Protocol::Http2 : Protocol::Http1;
  const std::string_view preface = Http2Session::kPreface;
  const std::string_view in = client_.in().view();
  if (in.size() >= preface.size()) return in.substr(0, preface.size()) == preface ? Protocol::Http2 : Protocol::Http1;
  return preface.substr(0, in.size()) == in ? Protocol::NeedMore : Protocol::Http1;
}

void HttpSession::handOverToHttp2() {
  net::TimerQueue::disarm(*this);
  auto next = std::make_unique<Http2Session>(worker_, client_.connection().release(), clientIp_, facts_);
  Http2Session* h2 = next.get();
  const std::string bytes(client_.in().view());  // (the first bytes: the preface and a few frames)
  state_ = State::Closed;
  client_.close();  // (buffers only: the socket went to the new session)
  worker_.sessionReplaced(this, std::move(next));
  h2->start(bytes);
}

void HttpSession::beginExchange() {
  // The head's bytes leave the buffer now; they stay in memory (views into them remain valid)
  // until the next read, and nothing reads the client before the upstream head is built.
  const char* headStart = client_.in().readPos();
  client_.in().consume(exchange_->head.headBytes);
  net::TimerQueue::disarm(*this);
  keepAlive_ = keepAlive_ && exchange_->head.keepAlive && !worker_.draining() && requestsServed_ + 1 < worker_.settings().keepaliveRequests;
  facts_.sni = client_.connection().serverName();  // (known once the handshake is done)
  facts_.firstRequest = requestsServed_ == 0;
  openExchange(worker_, *exchange_, facts_);
  http::GatewayResponse answer;
  switch (routeExchange(worker_, *exchange_, facts_, answer)) {
    case Routed::Respond: return respondLocal(answer);
    case Routed::Forward: return forwardExchange();
    case Routed::ReadBodyFirst:  // (the body timeout runs from now)
      worker_.reactor().arm(*this, worker_.settings().clientBodyTimeoutMs);
      follow(request_.startReadingBody(*exchange_, headStart), [this] { state_ = State::ReadingBody; });
  }
}

void HttpSession::forwardExchange() { afterRequestPlugins(runRequestPlugins(worker_, *exchange_, facts_, *this)); }

plugins::Suspension::Waker HttpSession::suspend() { return makeWaker(*exchange_, *this, worker_.reactor()); }

void HttpSession::resumeExchange() {
  if (state_ != State::AwaitingPlugin) return;
  forgetWaker(*exchange_);  // (woken once)
  afterRequestPlugins(resumeRequestPlugins(*exchange_, facts_));
  drive();
}

void HttpSession::afterRequestPlugins(plugins::PhaseResult result) {
  Exchange& x = *exchange_;
  if (result == plugins::PhaseResult::Suspend) {
    state_ = State::AwaitingPlugin;
    return;
  }
  const bool unreadBody = x.head.framing != http::BodyFraming::None && !x.bodyBuffered;
  if (result == plugins::PhaseResult::Respond)
    return respondLocal(pluginAnswer(x.ctx, worker_.scratch(1), unreadBody), x.ctx.local.sharedBody);
  if (!x.service) return respondLocal({503, "no Service found with those values", {}, unreadBody, false});
  if (!writeUpstreamRequest(worker_, x, facts_, leg_.requestHead())) return respondLocal({431, {}, {}, true, false});
  // From here on the head's views are dead: it has been copied into the request head. A body
  // already read goes out of memory after the head; any other streams from the client.
  if (!x.bodyBuffered && x.head.expectContinue && !x.requestBodyDone()) request_.sendContinue(x);
  startUpstream();
}

void HttpSession::startUpstream() {
  switch (leg_.start(*exchange_)) {
    case UpstreamLeg::Start::Connected:
    case UpstreamLeg::Start::Connecting: state_ = State::SendingRequest; return;
    case UpstreamLeg::Start::NoPeer: return respondLocal({503, leg_.noPeerMessage(), {}, !exchange_->requestBodyDone(), false});
    case UpstreamLeg::Start::Failed: return upstreamFailed(UpstreamLeg::Failure::Connect);
  }
}

void HttpSession::upstreamFailed(UpstreamLeg::Failure failure) {
  switch (leg_.failed(*exchange_, failure)) {
    case UpstreamLeg::AfterFailure::Retry: return startUpstream();
    case UpstreamLeg::AfterFailure::Close: return close();
    case UpstreamLeg::AfterFailure::Respond:
      return respondLocal({UpstreamLeg::statusFor(failure), {}, {}, !exchange_->requestBodyDone(), false});
  }
}

void HttpSession::onUpstreamTimeout() {
  upstreamFailed(leg_.connecting() ? UpstreamLeg::Failure::ConnectTimeout : UpstreamLeg::Failure::Timeout);
  drive();
}

void HttpSession::onTimer() {
  // A request that is slow to arrive gets a 408; an idle connection or a slow reader is closed.
  const bool slowRequest = (state_ == State::ReadingHead && client_.in().readable() > 0) || state_ == State::ReadingBody ||
                           (state_ == State::SendingRequest && !exchange_->requestBodyDone() && !exchange_->anyResponseByte);
  if (!slowRequest) return close();
  respondLocal({408, {}, {}, true, false});
  drive();
}

void HttpSession::respondLocal(http::GatewayResponse r, std::shared_ptr<const std::string> body) {
  leg_.release(*exchange_, false);  // (the snapshot stays pinned until the exchange is recorded)
  exchange_->ctx.status = r.status;
  r.close = r.close || !keepAlive_;
  if (!writeLocalAnswer(worker_, client_, *exchange_, r, std::move(body))) return close();
  keepAlive_ = !r.close;
  state_ = State::SendingLocal;
}

void HttpSession::endExchange(bool reusable, int status) {
  forgetWaker(*exchange_);  // a late waker finds nobody
  leg_.release(*exchange_, reusable);
  ExchangeRecorder(worker_.settings(), worker_.metrics()).record(*exchange_, clientIp_, status);
  if (exchange_->pin) worker_.unpinSnapshot(exchange_->pin);  // (pinned until the exchange is recorded)
  exchange_->pin = nullptr;
  exchange_->service = nullptr;
  exchange_->localBody.reset();
}

void HttpSession::completeExchange(int status) {
  endExchange(leg_.reusableAfter(*exchange_), status);  // (a local answer released the upstream already)
  ++requestsServed_;
  leg_.releaseRequestHead();  // kept for a retry, which is past now
  client_.releaseOut();
  if (!keepAlive_ || client_.connection().eof()) {
    client_.connection().shutdownWrite();  // the client reads the response before the close
    return close();
  }
  state_ = State::ReadingHead;
  exchange_->codec.reset();
  if (client_.in().readable() > 0) return worker_.reactor().arm(*this, worker_.settings().clientHeaderTimeoutMs);  // pipelined
  goIdle();
  worker_.reactor().arm(*this, worker_.settings().keepaliveTimeoutMs);
}

void HttpSession::close() {
  if (state_ == State::Closed) return;
  state_ = State::Closed;
  net::TimerQueue::disarm(*this);
  if (exchange_) endExchange(false, exchange_->ctx.status ? exchange_->ctx.status : 499);  // 499: the client left first
  client_.close();  // (off epoll with the socket; events of this batch find the session Closed)
  leg_.releaseRequestHead();
  worker_.exchanges().giveBack(std::move(exchange_));
  worker_.sessionClosed(this);
}

void HttpSession::goIdle() {
  client_.releaseIn();
  worker_.exchanges().giveBack(std::move(exchange_));
}

}  // namespace sluice::proxy
