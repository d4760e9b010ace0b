#include "proxy/upstream_leg.h"

#include "proxy/proxy_worker.h"
#include "proxy/upstream_tls.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace sluice::proxy {

void UpstreamLeg::noteEvents(uint32_t events) {
  if (conn_ && conn_->tls) ready_.readable = ready_.writable = true;  // TLS may need to read to write, and the reverse
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) ready_.readable = true;
  if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) ready_.hangup = true;
  if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) ready_.writable = true;
}

const snapshot::PeerAddress* UpstreamLeg::pickPeer(Exchange& x) {
  const snapshot::ConfigSnapshot& snap = *x.pin->snapshot;
  const snapshot::ServiceRuntime& service = *x.service;
  const snapshot::PeerAddress* peer = nullptr;
  if (service.upstream >= 0) {
    const auto& up = snap.upstreams[static_cast<size_t>(service.upstream)];
    Balancer& balancer = worker_.balancer(static_cast<size_t>(service.upstream));
    const int chosen = balancer.pick(up, x.hashKey, x.triedTargets);
    if (chosen < 0) {
      noPeerMessage_ = "failure to get a peer from the ring-balancer";
      return nullptr;
    }
    peer = &up.targets[static_cast<size_t>(chosen)].addresses.front();
    x.targetMetricsId = up.targets[static_cast<size_t>(chosen)].metricsId;
    x.targetIndex = chosen;
    balancer.started(chosen);
  } else {
    if (service.addresses.empty()) {
      noPeerMessage_ = "name resolution failed";
      return nullptr;
    }
    peer = &service.addresses[static_cast<size_t>(x.tries) % service.addresses.size()];
  }
  ++x.tries;
  const uint64_t now = worker_.nowMicros();
  x.times.peerChosen = now;
  x.peer = peer;
  x.ctx.balancerTries.push_back({now, 0, peer->text, 0});
  return peer;
}

UpstreamLeg::Start UpstreamLeg::start(Exchange& x) {
  const snapshot::PeerAddress* peer = pickPeer(x);
  if (!peer) return Start::NoPeer;
  const snapshot::ServiceRuntime& service = *x.service;
  int error = 0;
  ready_ = net::Readiness{};
  // TLS connections are pooled per service: SNI, verification and client certificate differ.
  // (A plain peer's key is its address text; a TLS key is built in a member that keeps its capacity.)
  if (service.tls) x.poolKey.assign("tls:").append(service.id).append("@").append(peer->text);
  const std::string& key = service.tls ? x.poolKey : peer->text;
  const uint64_t connectStart = x.times.peerChosen;
  conn_ = worker_.upstreams().acquire(*peer, key, &owner_, error);
  if (conn_ && !conn_->reused) {
    x.connectStartUs = connectStart;
    x.connectedUs = conn_->connected && !service.tls ? connectStart : 0;
  } else {
    x.connectStartUs = x.connectedUs = 0;
  }
  if (!conn_) return Start::Failed;
  if (service.tls && !conn_->tls) startTls(x);
  if (conn_->connected) {
    ready_.writable = true;
    armWrite(x);
    return Start::Connected;
  }
  armConnect(x);
  return Start::Connecting;
}

bool UpstreamLeg::finishConnect(Exchange& x) {
  int error = 0;
  socklen_t length = sizeof error;
  if (getsockopt(conn_->fd(), SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) return false;
  conn_->connected = true;
  if (!x.service->tls) x.connectedUs = worker_.nowMicros();  // TLS: once the handshake is done (first write)
  else x.times.tcpConnected = worker_.nowMicros();
  armWrite(x);
  return true;
}

// (TLS to the upstream is negotiated by the first write: the handshake runs inside send().)
ssize_t UpstreamLeg::send(Exchange& x, const char* data, size_t size) {
  if (!ready_.writable) return kWouldBlock;
  const ssize_t n = sendRaw(data, size);
  if (n >= 0) {
    if (x.connectStartUs && !x.connectedUs) x.connectedUs = worker_.nowMicros();
    return n;
  }
  if (errno == EAGAIN || errno == EWOULDBLOCK) {
    ready_.writable = false;
    return kWouldBlock;
  }
  return kFailed;
}

ssize_t UpstreamLeg::sendRaw(const char* data, size_t size) {
  if (!conn_->tls) {
    const ssize_t n = ::send(conn_->fd(), data, size, MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) ready_.writable = false;
    return n;
  }
  const net::IoResult r = conn_->tls->write(data, size);
  if (r.status == net::IoStatus::Ok) return static_cast<ssize_t>(r.bytes);
  const bool wouldBlock = r.status == net::IoStatus::WantRead || r.status == net::IoStatus::WantWrite;
  if (wouldBlock) ready_.writable = false;
  errno = wouldBlock ? EAGAIN : EPIPE;
  return -1;
}

ssize_t UpstreamLeg::read() {
  if (!ready_.readable || ready_.eof) return 0;
  worker_.upstreamBuffers().acquire(conn_->in);
  net::IoBuffer& in = conn_->in;
  if (in.writable() == 0) in.compact();
  if (in.writable() == 0) return 0;
  return net::readSocket(conn_->fd(), conn_->tls.get(), in, ready_);
}

void UpstreamLeg::armConnect(const Exchange& x) { worker_.reactor().arm(*conn_, x.service->connectTimeoutMs); }
void UpstreamLeg::armWrite(const Exchange& x) { worker_.reactor().arm(*conn_, x.service->writeTimeoutMs); }
void UpstreamLeg::armRead(const Exchange& x) { worker_.reactor().arm(*conn_, x.service->readTimeoutMs); }

void UpstreamLeg::startTls(const Exchange& x) {
  const snapshot::ServiceRuntime& service = *x.service;
  conn_->tls = std::make_unique<net::TlsStream>(worker_.settings().clientTls.get(), conn_->fd(), false);
  applyServiceTls(conn_->tls->ssl(), service);
}

void UpstreamLeg::releaseRequestHead() {
  head_.clear();
  worker_.releaseBuffer(head_);
}

bool UpstreamLeg::reusableAfter(const Exchange& x) const {
  return x.response.keepAlive && x.response.framing != http::BodyFraming::UntilClose && !ready_.eof && conn_ &&
         conn_->in.readable() == 0;
}

void UpstreamLeg::release(Exchange& x, bool reusable) {
  if (x.targetIndex >= 0 && x.pin && x.service && x.service->upstream >= 0) {
    worker_.balancer(static_cast<size_t>(x.service->upstream)).finished(x.targetIndex, worker_.nowMicros() - x.sentUs);
    if (!reusable) x.triedTargets.push_back(x.targetIndex);
    x.targetIndex = -1;
  }
  if (!conn_) return;
  UpstreamConnection* c = conn_;
  conn_ = nullptr;
  net::TimerQueue::disarm(*c);
  if (reusable) worker_.upstreams().release(c, true);
  else worker_.upstreams().close(c);
}

namespace {

// RFC 9110 9.2.2; nginx refuses to resend POST, LOCK and PATCH, and so does any other unknown one here.
bool idempotent(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" || method == "OPTIONS" || method == "TRACE";
}

}  // namespace

UpstreamLeg::AfterFailure UpstreamLeg::failed(Exchange& x, Failure failure) {
  const bool reused = conn_ && conn_->reused;
  const bool stale = reused && (failure == Failure::Reset || failure == Failure::Write);
  if (!stale)
    reportOutcome(x, failure == Failure::Timeout || failure == Failure::ConnectTimeout ? snapshot::Outcome::Timeout
                     : failure == Failure::Protocol                                   ? snapshot::Outcome::HttpFailure
                                                                                      : snapshot::Outcome::TcpFailure);
  if (!x.ctx.balancerTries.empty()) {
    x.ctx.balancerTries.back().endUs = worker_.nowMicros();
    x.ctx.balancerTries.back().failedStatus = statusFor(failure);
  }
  release(x, false);
  const bool beforeSending = failure == Failure::Connect || failure == Failure::ConnectTimeout;
  // A kept-alive connection the upstream closed as the request went out: sent again on a new one,
  // as nginx does, only when that cannot do something twice — an idempotent method, no body.
  const std::string_view method = x.ctx.method.empty() ? x.head.method : std::string_view(x.ctx.method);
  const bool staleKeepAlive = stale && x.requestBodyDone() && x.requestBodySeen() == 0 && idempotent(method);
  if (!x.anyResponseByte && (beforeSending || staleKeepAlive) && (staleKeepAlive || x.tries <= x.service->retries)) {
    x.upstreamHeadSent = x.bufferedBodySent = 0;
    return AfterFailure::Retry;
  }
  // The client already has part of the response: all that is left is to close.
  return x.anyResponseByte ? AfterFailure::Close : AfterFailure::Respond;
}

void UpstreamLeg::reportOutcome(const Exchange& x, snapshot::Outcome outcome, int status) {
  if (x.targetIndex < 0 || !x.service || x.service->upstream < 0 || !x.pin) return;
  const auto& up = x.pin->snapshot->upstreams[static_cast<size_t>(x.service->upstream)];
  const auto& checks = up.health;
  const auto& target = up.targets[static_cast<size_t>(x.targetIndex)];
  if (!checks.passiveEnabled() || !target.health) return;
  const auto listed = [&](const std::vector<int>& codes) { return std::find(codes.begin(), codes.end(), status) != codes.end(); };
  const snapshot::Evidence seen{"passive", status};
  switch (outcome) {
    case snapshot::Outcome::Success:
      if (listed(checks.passiveUnhealthyStatuses)) target.health->record(snapshot::Outcome::HttpFailure, 0, checks.passiveHttpFailures, seen);
      else if (listed(checks.passiveHealthyStatuses)) target.health->record(snapshot::Outcome::Success, checks.passiveSuccesses, 0, seen);
      break;
    case snapshot::Outcome::TcpFailure: target.health->record(outcome, 0, checks.passiveTcpFailures, seen); break;
    case snapshot::Outcome::Timeout: target.health->record(outcome, 0, checks.passiveTimeouts, seen); break;
    case snapshot::Outcome::HttpFailure: target.health->record(outcome, 0, checks.passiveHttpFailures, seen); break;
  }
}

}  // namespace sluice::proxy
