#include "proxy/http2_stream.h"

#include "http/grpc_status.h"
#include "http/request_head_writer.h"
#include "http/response_head_writer.h"
#include "proxy/exchange_recorder.h"
#include "proxy/http2_session.h"
#include "proxy/local_answer.h"
#include "proxy/proxy_worker.h"
#include "proxy/response_start.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace sluice::proxy {
namespace {

constexpr size_t kDownHigh = 65536;  // response body held for a client that reads slowly; past it the upstream waits

void addField(std::vector<std::pair<std::string, std::string>>& fields, std::string_view name, std::string_view value) {
  fields.emplace_back(http::toLower(name), std::string(value));
}

}  // namespace

Http2Stream::Http2Stream(Http2Session& session, int32_t id)
    : session_(session), worker_(session.worker()), id_(id), facts_(session.facts()), leg_(session.worker(), *this) {}

Http2Stream::~Http2Stream() { onClosed(); }

void Http2Stream::buildRequestHead() {
  http::RequestHead& h = exchange_->head;
  h.method = request_.method;
  h.target = request_.path;
  const std::string_view target = request_.path;
  const size_t question = target.find('?');
  h.path = target.substr(0, question);
  h.query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  h.versionMinor = 1;
  h.versionMajor = 2;
  h.headers.clear();
  cookie_.clear();
  // RFC 9113 8.3.1: :authority names the host (a Host field only stands in for it); cookie
  // crumbs are joined again for HTTP/1.1 (8.2.3).
  std::string_view host = request_.authority;
  for (const auto& [name, value] : request_.fields) {
    if (name == "cookie") {
      if (!cookie_.empty()) cookie_.append("; ");
      cookie_.append(value);
    } else if (name == "host") {
      if (host.empty()) host = value;
    } else {
      h.headers.push_back({name, value});
    }
  }
  if (!host.empty()) h.headers.push_back({"host", host});
  if (!cookie_.empty()) h.headers.push_back({"cookie", cookie_});
  h.host = host;
  h.contentLength = 0;
  const std::string_view length = http::findHeader(h.headers, "content-length");
  if (!length.empty()) {
    std::from_chars(length.data(), length.data() + length.size(), h.contentLength);  // (nghttp2 checked its syntax)
    h.framing = http::BodyFraming::ContentLength;
  } else {
    h.framing = request_.endStream ? http::BodyFraming::None : http::BodyFraming::Chunked;  // chunked upstream
  }
  h.keepAlive = true;
  h.expectContinue = h.upgrade = false;
  h.connection = {};
  h.headBytes = request_.listSize;
}

void Http2Stream::onHead() {
  exchange_ = worker_.exchanges().take(worker_.settings().limits);
  Exchange& x = *exchange_;
  x.streamBody.http2 = true;
  x.streamBody.done = request_.endStream;
  buildRequestHead();
  facts_.firstRequest = session_.codec().streamsOpened() == 1;
  openExchange(worker_, x, facts_);
  if (request_.tooLarge) return respondLocal({431, {}, {}, false, false});
  http::GatewayResponse answer;
  switch (routeExchange(worker_, x, facts_, answer)) {
    case Routed::Respond: return respondLocal(answer);
    case Routed::ReadBodyFirst:
      if (x.head.framing == http::BodyFraming::ContentLength && x.head.contentLength > worker_.settings().bodyBufferSize)
        return respondLocal({413, {}, {}, false, false});
      x.requestPath.assign(x.path);  // (the views stay valid: the stream's head is its own)
      x.path = x.requestPath;
      state_ = State::ReadingBody;
      return;
    case Routed::Forward: forward(); break;
  }
  drive();
}

void Http2Stream::onData(std::string_view data) {
  const bool taking = exchange_ && state_ != State::Answered && state_ != State::Finished;
  if (!taking) return session_.codec().consumed(id_, data.size());  // an answered stream's body is dropped
  Exchange& x = *exchange_;
  x.streamBody.seen += data.size();
  const uint64_t maxBody = worker_.settings().clientMaxBodySize;
  const uint64_t pluginLimit = x.ctx.bodyLimit;
  const uint64_t seen = x.streamBody.seen;
  if ((maxBody && seen > maxBody) || (pluginLimit && seen > pluginLimit)) {
    session_.codec().consumed(id_, data.size());
    const bool byPlugin = pluginLimit && seen > pluginLimit && (!maxBody || pluginLimit < maxBody);
    return respondLocal({413, byPlugin ? std::string_view(x.ctx.bodyLimitMessage) : std::string_view(), {}, false, false});
  }
  if (state_ == State::ReadingBody) {
    x.body.append(data);
    session_.codec().consumed(id_, data.size());
    if (x.body.size() > worker_.settings().bodyBufferSize) return respondLocal({413, {}, {}, false, false});
    return;
  }
  appendRequestBody(data);
  if (state_ == State::SendingRequest) drive();
  if (grpcUp_) grpcUp_->resumeBody(grpcStream_);
}

void Http2Stream::appendRequestBody(std::string_view data) {
  const bool grpcCall = exchange_->service && exchange_->service->grpc;
  if (exchange_->head.framing == http::BodyFraming::Chunked && !grpcCall) {
    char size[20];
    const auto r = std::to_chars(size, size + sizeof size, data.size(), 16);
    up_.append(size, static_cast<size_t>(r.ptr - size)).append("\r\n").append(data).append("\r\n");
  } else {
    up_.append(data);
  }
  upWindow_ += data.size();
}

void Http2Stream::onEnd() {
  if (!exchange_ || state_ == State::Answered || state_ == State::Finished) return;
  Exchange& x = *exchange_;
  x.streamBody.done = true;
  if (state_ == State::ReadingBody) {
    forward();
    return drive();
  }
  if (x.service && x.service->grpc) {
    if (grpcUp_) grpcUp_->resumeBody(grpcStream_);
    return;
  }
  if (x.head.framing == http::BodyFraming::Chunked && !x.bodyBuffered) up_.append("0\r\n\r\n");
  if (state_ == State::SendingRequest) drive();
}

void Http2Stream::forward() { afterRequestPlugins(runRequestPlugins(worker_, *exchange_, facts_, *this)); }

plugins::Suspension::Waker Http2Stream::suspend() { return makeWaker(*exchange_, *this, worker_.reactor()); }

void Http2Stream::resumeExchange() {
  if (state_ != State::AwaitingPlugin) return;
  forgetWaker(*exchange_);  // (woken once)
  afterRequestPlugins(resumeRequestPlugins(*exchange_, facts_));
  drive();
  session_.streamMoved();
}

void Http2Stream::afterRequestPlugins(plugins::PhaseResult result) {
  Exchange& x = *exchange_;
  if (result == plugins::PhaseResult::Suspend) {
    state_ = State::AwaitingPlugin;
    return;
  }
  if (result == plugins::PhaseResult::Respond) return respondPluginAnswer();
  if (!x.service) return respondLocal({503, "no Service found with those values", {}, false, false});
  if (x.service->grpc) return startGrpcCall();
  if (!writeUpstreamRequest(worker_, x, facts_, leg_.requestHead())) return respondLocal({431, {}, {}, false, false});
  startUpstream();
}

void Http2Stream::startUpstream() {
  switch (leg_.start(*exchange_)) {
    case UpstreamLeg::Start::Connected:
    case UpstreamLeg::Start::Connecting: state_ = State::SendingRequest; return;
    case UpstreamLeg::Start::NoPeer: return respondLocal({503, leg_.noPeerMessage(), {}, false, false});
    case UpstreamLeg::Start::Failed: return upstreamFailed(UpstreamLeg::Failure::Connect);
  }
}

void Http2Stream::upstreamFailed(UpstreamLeg::Failure failure) {
  switch (leg_.failed(*exchange_, failure)) {
    case UpstreamLeg::AfterFailure::Retry: return startUpstream();
    case UpstreamLeg::AfterFailure::Close:  // part of the response is out: the stream ends unfinished
      resetStream(http::kInternalError);
      return;
    case UpstreamLeg::AfterFailure::Respond: return respondLocal({UpstreamLeg::statusFor(failure), {}, {}, false, false});
  }
}

void Http2Stream::onUpstreamEvents(uint32_t events) {
  leg_.noteEvents(events);
  drive();
  session_.streamMoved();
}

void Http2Stream::onUpstreamTimeout() {
  if (state_ == State::Finished || !exchange_) return;
  upstreamFailed(leg_.connecting() ? UpstreamLeg::Failure::ConnectTimeout : UpstreamLeg::Failure::Timeout);
  drive();
  session_.streamMoved();
}

void Http2Stream::drive() {
  for (;;) {
    bool more = false;
    switch (state_) {
      case State::SendingRequest: more = stepSend(); break;
      case State::AwaitingResponse: more = stepReadHead(); break;
      case State::PassingResponse: more = stepPass(); break;
      case State::CollectingResponse: more = stepCollect(); break;
      default: return;
    }
    if (!more) return;
  }
}

bool Http2Stream::stepSend() {
  Exchange& x = *exchange_;
  if (leg_.connecting()) {
    if (!leg_.writable()) return false;
    if (!leg_.finishConnect(x)) return upstreamFailed(UpstreamLeg::Failure::Connect), true;
  }
  // Sends from `data`; false: stop here (it would block, or it failed and the failure was handled).
  const auto sendUp = [this, &x](const char* data, size_t size, size_t& sent) {
    const ssize_t n = leg_.send(x, data, size);
    if (n == UpstreamLeg::kFailed) return upstreamFailed(UpstreamLeg::Failure::Write), false;
    if (n == UpstreamLeg::kWouldBlock) return false;
    sent += static_cast<size_t>(n);
    return true;
  };
  net::IoBuffer& head = leg_.requestHead();
  if (x.upstreamHeadSent < head.readable()) {
    if (!sendUp(head.readPos() + x.upstreamHeadSent, head.readable() - x.upstreamHeadSent, x.upstreamHeadSent)) return state_ != State::SendingRequest;
    if (x.upstreamHeadSent < head.readable()) return true;
    x.sentUs = worker_.nowMicros();
    x.ctx.sentUpstreamUs = x.sentUs;
  }
  if (x.bodyBuffered) {
    if (x.bufferedBodySent < x.body.size()) {
      if (!sendUp(x.body.data() + x.bufferedBodySent, x.body.size() - x.bufferedBodySent, x.bufferedBodySent))
        return state_ != State::SendingRequest;
      leg_.armWrite(x);
      return true;
    }
  } else if (upSent_ < up_.size()) {
    if (!sendUp(up_.data() + upSent_, up_.size() - upSent_, upSent_)) return state_ != State::SendingRequest;
    if (upSent_ == up_.size()) {
      session_.codec().consumed(id_, upWindow_);  // the client may send as much again
      up_.clear(), upSent_ = upWindow_ = 0;
    }
    leg_.armWrite(x);
    return true;
  } else if (!x.requestBodyDone()) {
    return false;  // the next DATA frame drives on
  }
  leg_.armRead(x);
  x.responseParser.reset();
  state_ = State::AwaitingResponse;
  return true;
}

Http2Stream::BodyRead Http2Stream::readUpstream() {
  const ssize_t n = leg_.read();
  if (n < 0) return BodyRead::Error;
  if (n == 0) return leg_.eof() ? BodyRead::Closed : BodyRead::Wait;
  leg_.armRead(*exchange_);
  return BodyRead::More;
}

bool Http2Stream::stepReadHead() {
  Exchange& x = *exchange_;
  net::IoBuffer& in = leg_.in();
  if (in.readable() > 0) {
    const auto result = x.responseParser.parse(in.view(), x.response, x.isHead);
    if (result == http::ParseResult::Error) return upstreamFailed(UpstreamLeg::Failure::Protocol), true;
    if (result == http::ParseResult::Done) {
      if (x.response.status >= 100 && x.response.status < 200) {
        if (x.response.status == 101) return upstreamFailed(UpstreamLeg::Failure::Protocol), true;  // no upgrade in HTTP/2
        in.consume(x.response.headBytes);  // interim responses are dropped
        x.responseParser.reset();
        return true;
      }
      if (acceptResponseHead(worker_, leg_, x)) return respondPluginAnswer(), false;
      const size_t headBytes = x.response.headBytes;
      switch (chooseResponseBody(worker_, x, std::string_view(in.readPos(), headBytes))) {
        case ResponseBody::Invalid: return upstreamFailed(UpstreamLeg::Failure::Protocol), true;
        case ResponseBody::Collect:
          in.consume(headBytes);
          state_ = State::CollectingResponse;
          return true;
        case ResponseBody::Pass: break;
      }
      const http::ResponseHead& r = x.response;
      x.responseBodyDecoder.start(r.framing, r.contentLength);
      in.consume(r.headBytes);  // (its bytes stay where they are until the next read: the views hold)
      submitUpstreamHead(false);
      return true;
    }
  }
  const ssize_t n = leg_.read();
  if (n < 0 || (n == 0 && leg_.eof()))
    return upstreamFailed(in.readable() == 0 ? UpstreamLeg::Failure::Reset : UpstreamLeg::Failure::Protocol), true;
  if (n == 0) return false;
  leg_.armRead(x);
  return true;
}

bool Http2Stream::stepPass() {
  Exchange& x = *exchange_;
  net::IoBuffer& in = leg_.in();
  http::BodyDecoder& decoder = x.responseBodyDecoder;
  const size_t before = down_.size();
  while (in.readable() > 0 && !decoder.done() && down_.size() - downSent_ < kDownHigh) {
    const size_t used = decoder.feed(in.view(), [this](std::string_view data) { down_.append(data); });
    in.consume(used);
    if (decoder.failed()) return resetStream(http::kInternalError), false;
    if (used == 0) break;
  }
  const bool ended = decoder.done();
  if (ended) {
    const bool reusable = leg_.reusableAfter(x);
    leg_.release(x, reusable);
    downDone_ = true;
    state_ = State::Answered;
  }
  if ((down_.size() != before || ended) && bodyDeferred_) {
    bodyDeferred_ = false;
    session_.codec().resumeBody(id_);
  }
  if (ended || down_.size() - downSent_ >= kDownHigh) return false;  // (the client's reads drive on: clientTookBody)
  switch (readUpstream()) {
    case BodyRead::More: return true;
    case BodyRead::Wait: return false;
    case BodyRead::Error: return resetStream(http::kInternalError), false;
    case BodyRead::Closed:
      if (in.readable() > 0) return true;
      if (x.response.framing != http::BodyFraming::UntilClose) return resetStream(http::kInternalError), false;  // truncated
      leg_.release(x, false);
      downDone_ = true;
      state_ = State::Answered;
      if (bodyDeferred_) bodyDeferred_ = false, session_.codec().resumeBody(id_);
      return false;
  }
  return false;
}

bool Http2Stream::stepCollect() {
  Exchange& x = *exchange_;
  net::IoBuffer& in = leg_.in();
  for (;;) {
    if (in.readable() > 0) {
      const Collected collected = collectResponseBody(worker_, x, in);
      if (collected == Collected::Invalid) return upstreamFailed(UpstreamLeg::Failure::Protocol), true;
      if (collected == Collected::TooLarge) return respondLocal({502, {}, {}, false, false}), false;
      if (collected == Collected::Whole) break;
    }
    const BodyRead read = readUpstream();
    if (read == BodyRead::More) continue;
    if (read == BodyRead::Wait) return false;
    if (read == BodyRead::Closed && x.response.framing == http::BodyFraming::UntilClose) break;
    return upstreamFailed(UpstreamLeg::Failure::Protocol), true;  // truncated: nothing was sent, so the client gets a 502
  }
  if (x.chain) plugins::runBodyFilter(*x.chain, x.ctx, x.resolved, x.timings, x.responseBody);
  const bool reusable = leg_.reusableAfter(x);
  leg_.release(x, reusable);
  x.response.framing = http::BodyFraming::ContentLength;
  x.response.contentLength = x.responseBody.size();
  down_ = std::move(x.responseBody);
  downSent_ = 0;
  downDone_ = true;
  submitUpstreamHead(true);
  return false;
}

void Http2Stream::responseFields(bool wholeBody) {
  const http::PassedResponse passed = passedResponse(worker_, *exchange_, worker_.viaHttp2(), wholeBody);
  fields_.clear();
  const auto add = [this](std::string_view name, std::string_view value) {
    addField(fields_, name, value);
    return true;
  };
  http::forEachUpstreamField(exchange_->response, passed, add);
  http::forEachGatewayField(exchange_->response, passed, add);
}

bool Http2Stream::submitUpstreamHead(bool wholeBody) {
  Exchange& x = *exchange_;
  responseFields(wholeBody);
  const bool bodyless = x.isHead || x.response.framing == http::BodyFraming::None;
  if (bodyless) downDone_ = true;
  if (!wholeBody) state_ = bodyless ? State::Answered : State::PassingResponse;
  else state_ = State::Answered;
  submit(x.response.status, !bodyless && !(wholeBody && down_.empty()));
  return true;
}

void Http2Stream::respondPluginAnswer() {
  Exchange& x = *exchange_;
  respondLocal(pluginAnswer(x.ctx, worker_.scratch(1), false), x.ctx.local.sharedBody);
}

void Http2Stream::respondLocal(const http::GatewayResponse& r, std::shared_ptr<const std::string> body) {
  Exchange& x = *exchange_;
  leg_.release(x, false);  // (the snapshot stays pinned until the exchange is recorded)
  x.ctx.status = r.status;
  thread_local std::string json;
  std::string_view contentType;
  std::string_view text = gatewayResponseBody(r, json, contentType);
  if (body) text = *body;
  fields_.clear();
  // The extra "Name: value\r\n" lines (a redirect's Location, a plugin's headers).
  bool grpcStatusGiven = false;
  std::string_view extra = r.extraHeaders;
  while (!extra.empty()) {
    const size_t end = extra.find("\r\n");
    const std::string_view line = extra.substr(0, end);
    extra = end == std::string_view::npos ? std::string_view() : extra.substr(end + 2);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, colon);
    if (http::isHopByHop(name)) continue;  // (Connection: Upgrade of a 426)
    grpcStatusGiven = grpcStatusGiven || http::equalsIgnoreCase(name, "grpc-status");
    addField(fields_, name, http::trimOws(line.substr(colon + 1)));
  }
  if (worker_.settings().serverTokens) addField(fields_, "server", "sluice");
  if (!x.id().empty()) addField(fields_, "x-sluice-request-id", x.id());
  char digits[24];
  down_.clear(), downSent_ = 0;
  if (http::isGrpcContentType(http::findHeader(x.head.headers, "content-type")) && !http::isGrpcContentType(contentType) &&
      !grpcStatusGiven) {
    // A gRPC client reads no JSON: as Kong's, the answer's status goes in grpc-status and its
    // message (or body) in grpc-message, with no body.
    const int code = http::grpcStatusForHttp(r.status);
    const std::string_view message = r.rawBody ? text : r.bodyless ? std::string_view() : r.message.empty() ? http::defaultMessage(r.status) : r.message;
    addField(fields_, "grpc-status", http::decimal(static_cast<uint64_t>(code), digits));
    addField(fields_, "grpc-message", message.empty() ? http::grpcStatusMessage(code) : message);
    addField(fields_, "content-length", "0");
  } else {
    if (!contentType.empty()) addField(fields_, "content-type", contentType);
    addField(fields_, "content-length", http::decimal(r.bodyLength && !body ? *r.bodyLength : text.size(), digits));
    if (!x.isHead) down_.assign(text);
  }
  downDone_ = true;
  state_ = State::Answered;
  submit(r.status, !down_.empty());
}

void Http2Stream::submit(int status, bool withBody) {
  Exchange& x = *exchange_;
  thread_local std::vector<std::pair<std::string_view, std::string_view>> views;
  views.clear();
  size_t headBytes = 0;
  for (const auto& [name, value] : fields_) {
    views.emplace_back(name, value);
    headBytes += name.size() + value.size() + 4;
  }
  x.anyResponseByte = true;
  x.ctx.bytesSent += headBytes;
  if (!session_.codec().submitResponse(id_, status, views, withBody)) return finishExchange(false, status);
  if (!withBody) finishExchange(leg_.active() && leg_.reusableAfter(x), status);
}

ssize_t Http2Stream::readBody(uint8_t* to, size_t max, bool& last, const http::Http2Fields*& trailers) {
  const size_t have = down_.size() - downSent_;
  if (have == 0 && !downDone_) {
    bodyDeferred_ = true;
    return -1;
  }
  const size_t n = std::min(have, max);
  if (n > 0) std::memcpy(to, down_.data() + downSent_, n);
  downSent_ += n;
  if (exchange_) {
    exchange_->ctx.bytesSent += n;
    if (exchange_->ctx.capture.active) {  // proxy-cache keeps what the client got
      plugins::BodyCapture& c = exchange_->ctx.capture;
      if (c.body.size() + n > c.limit) c.active = false;
      else c.body.append(reinterpret_cast<const char*>(to), n);
    }
  }
  if (grpcUp_ && n > 0) grpcUp_->consumed(grpcStream_, n);  // the upstream may send as much again
  if (downSent_ == down_.size()) down_.clear(), downSent_ = 0;
  if (downDone_ && down_.empty()) {
    last = true;
    if (!grpcResponse_.trailers.empty()) trailers = &grpcResponse_.trailers;
    if (exchange_) finishExchange(false, exchange_->ctx.status);
  } else if (state_ == State::PassingResponse) {
    session_.driveAfterSend(*this);
  }
  return static_cast<ssize_t>(n);
}

void Http2Stream::clientTookBody() {
  if (state_ == State::PassingResponse) drive();
}

void Http2Stream::resetStream(uint32_t errorCode) {
  if (!closed_) session_.codec().reset(id_, errorCode);
  if (exchange_) finishExchange(false, exchange_->ctx.status ? exchange_->ctx.status : 502);
}

void Http2Stream::finishExchange(bool reusable, int status) {
  if (!exchange_) return;
  leaveGrpcCall();
  state_ = State::Finished;
  Exchange& x = *exchange_;
  forgetWaker(x);  // a late waker finds nobody
  leg_.release(x, reusable);
  ExchangeRecorder(worker_.settings(), worker_.metrics()).record(x, session_.clientIp(), status);
  if (x.pin) worker_.unpinSnapshot(x.pin);  // (pinned until the exchange is recorded)
  x.pin = nullptr;
  x.service = nullptr;
  x.localBody.reset();
  leg_.releaseRequestHead();
  worker_.exchanges().giveBack(std::move(exchange_));
  if (!up_.empty()) session_.codec().consumed(id_, upWindow_), up_.clear(), upSent_ = upWindow_ = 0;
}

void Http2Stream::onClosed() {
  if (closed_) return;
  closed_ = true;
  if (exchange_) finishExchange(false, exchange_->ctx.status ? exchange_->ctx.status : 499);  // 499: the client left first
  leg_.releaseRequestHead();
}

void Http2Stream::startGrpcCall() {
  Exchange& x = *exchange_;
  const snapshot::ServiceRuntime& service = *x.service;
  prepareBalancing(x, facts_);
  const snapshot::PeerAddress* peer = leg_.pickPeer(x);
  if (!peer) return respondLocal({503, leg_.noPeerMessage(), {}, false, false});
  std::string_view prefix;
  const std::string& path = upstreamTarget(worker_, x, prefix);
  // The call's head: the pseudo-headers, the client's fields as an HTTP/1.1 request would carry
  // them (lower-cased), and te: trailers, which gRPC servers require.
  http::ForwardedRequest info;
  info.clientIp = facts_.clientIp;
  info.serverPort = facts_.serverPort;
  info.https = facts_.https;
  info.requestId = x.id();
  info.forwardedPrefix = prefix;
  info.changes = {&x.ctx.setHeaders, &x.ctx.removeHeaders};
  fields_.clear();
  addField(fields_, ":method", x.ctx.method.empty() ? x.head.method : std::string_view(x.ctx.method));
  addField(fields_, ":scheme", service.tls ? "https" : "http");
  addField(fields_, ":authority", x.route->preserveHost ? x.head.host : std::string_view(service.hostHeader));
  addField(fields_, ":path", path);
  http::forEachForwardedField(x.head, info, [this](std::string_view name, std::string_view value) {
    if (!http::equalsIgnoreCase(name, "te")) addField(fields_, name, value);
    return true;
  });
  addField(fields_, "te", "trailers");
  if (x.head.framing == http::BodyFraming::ContentLength) {
    char digits[24];
    addField(fields_, "content-length", http::decimal(x.head.contentLength, digits));
  }
  thread_local std::vector<std::pair<std::string_view, std::string_view>> views;
  views.clear();
  for (const auto& [name, value] : fields_) views.emplace_back(name, value);
  x.poolKey.assign(service.tls ? "h2s:" : "h2:").append(service.tls ? service.id + "@" : std::string()).append(peer->text);
  grpcUp_ = worker_.h2Upstreams().acquire(*peer, x.poolKey, service.tls ? worker_.settings().clientTls.get() : nullptr,
                                          service);
  if (!grpcUp_) return respondLocal({502, {}, {}, false, false});
  const bool withBody = x.bodyBuffered ? !x.body.empty() : !(x.requestBodyDone() && up_.empty());
  grpcResponse_ = http::Http2Response{};
  grpcBodySent_ = false;
  state_ = State::GrpcCall;  // (before open: a failure may be reported at once)
  grpcStream_ = grpcUp_->open(views, withBody, &grpcResponse_, this);
  if (grpcStream_ < 0) {
    grpcUp_ = nullptr;
    return respondLocal({502, {}, {}, false, false});
  }
  x.sentUs = worker_.nowMicros();
  x.ctx.sentUpstreamUs = x.sentUs;
  const uint64_t timeout = http::grpcTimeoutMicros(http::findHeader(x.head.headers, "grpc-timeout"));
  grpcDeadlineUs_ = timeout ? x.sentUs + timeout : 0;
  armCallTimer();
}

void Http2Stream::armCallTimer() {
  uint64_t ms = exchange_->service->readTimeoutMs;
  grpcDeadlineArmed_ = false;
  if (grpcDeadlineUs_) {
    const uint64_t now = worker_.nowMicros();
    const uint64_t left = grpcDeadlineUs_ > now ? (grpcDeadlineUs_ - now + 999) / 1000 : 0;
    grpcDeadlineArmed_ = left <= ms;
    ms = std::min(ms, left);
  }
  worker_.reactor().arm(*this, ms);
}

void Http2Stream::onTimer() {
  if (!exchange_ || !grpcUp_) return;
  Exchange& x = *exchange_;
  const bool deadline = grpcDeadlineArmed_;
  if (!deadline) leg_.reportOutcome(x, snapshot::Outcome::Timeout);  // (a call past its deadline is the caller's doing)
  leaveGrpcCall();  // the server's stream is cancelled
  // Before the answer's head, a gRPC answer: 504 is DEADLINE_EXCEEDED, with gRPC's own message for
  // a deadline (what the client says when it gives up first) and Kong's for a read timeout; after
  // the head, the stream ends.
  if (!x.anyResponseByte) respondLocal({504, deadline ? "Deadline Exceeded" : std::string_view(), {}, false, false});
  else resetStream(http::kCancel);
  session_.streamMoved();
}

void Http2Stream::leaveGrpcCall() {
  net::TimerQueue::disarm(*this);
  if (!grpcUp_) return;
  grpcUp_->detach(grpcStream_);
  grpcUp_ = nullptr;
  grpcStream_ = -1;
}

ssize_t Http2Stream::readUpstreamBody(uint8_t* to, size_t max, bool& last) {
  if (!exchange_) {
    last = true;
    return 0;
  }
  Exchange& x = *exchange_;
  const std::string& from = x.bodyBuffered ? x.body : up_;
  size_t& sent = x.bodyBuffered ? x.bufferedBodySent : upSent_;
  const size_t n = std::min(from.size() - sent, max);
  if (n > 0) std::memcpy(to, from.data() + sent, n);
  sent += n;
  if (!x.bodyBuffered) {
    session_.codec().consumed(id_, n);  // the client may send as much again
    upWindow_ -= std::min(upWindow_, n);
    if (upSent_ == up_.size()) up_.clear(), upSent_ = 0;
  }
  if (x.bodyBuffered ? sent == from.size() : (up_.empty() && x.requestBodyDone())) {
    last = true;
    return static_cast<ssize_t>(n);
  }
  return n > 0 ? static_cast<ssize_t>(n) : -1;
}

void Http2Stream::onUpstreamHead(bool endStream) {
  if (!exchange_) return;
  Exchange& x = *exchange_;
  // The head as the plugins and the recorder see any response: status and fields.
  x.response = http::ResponseHead{};
  x.response.status = grpcResponse_.status;
  x.response.headers.clear();
  for (const auto& [name, value] : grpcResponse_.fields) x.response.headers.push_back({name, value});
  x.response.framing = endStream ? http::BodyFraming::None : http::BodyFraming::UntilClose;
  if (acceptResponseHead(worker_, leg_, x)) {
    leaveGrpcCall();
    return respondPluginAnswer();
  }
  responseFields(false);
  down_.clear(), downSent_ = 0;
  downDone_ = endStream;
  if (endStream) net::TimerQueue::disarm(*this);
  else armCallTimer();
  state_ = endStream ? State::Answered : State::GrpcCall;  // (GrpcCall: the body comes in onUpstreamData)
  submit(x.response.status, !endStream);
}

void Http2Stream::onUpstreamData(std::string_view data) {
  down_.append(data);
  if (exchange_ && grpcUp_) armCallTimer();
  if (bodyDeferred_) bodyDeferred_ = false, session_.codec().resumeBody(id_);
}

void Http2Stream::onUpstreamEnd() {
  net::TimerQueue::disarm(*this);
  grpcUp_ = nullptr;  // (the connection is done with the stream)
  grpcStream_ = -1;
  downDone_ = true;
  if (state_ == State::GrpcCall) state_ = State::Answered;
  if (bodyDeferred_) bodyDeferred_ = false, session_.codec().resumeBody(id_);
}

void Http2Stream::onUpstreamFailed(uint32_t, bool connected) {
  net::TimerQueue::disarm(*this);
  grpcUp_ = nullptr;
  grpcStream_ = -1;
  if (!exchange_ || state_ == State::Finished) return;
  Exchange& x = *exchange_;
  if (!x.anyResponseByte) {
    leg_.reportOutcome(x, connected ? snapshot::Outcome::HttpFailure : snapshot::Outcome::TcpFailure);
    return respondLocal({502, {}, {}, false, false});
  }
  resetStream(http::kInternalError);  // part of the answer is out: the client sees the call broken
}

void Http2Stream::afterUpstreamEvents() { session_.streamMoved(); }

}  // namespace sluice::proxy
