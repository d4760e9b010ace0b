#include "proxy/proxy_worker.h"

#include "core/clock.h"
#include "proxy/http_session.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/rand.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <utility>

namespace sluice::proxy {
namespace {

// Most request and response heads fit: a busy connection holds 4 KiB until a head needs more.
constexpr size_t kSmallBuffer = 4096;

}  // namespace

bool ProxyWorker::growToLarge(net::IoBuffer& buffer) {
  if (buffer.capacity() >= largeBuffers_.bufferSize()) return false;
  net::IoBuffer bigger;
  largeBuffers_.acquire(bigger);
  bigger.append(buffer.view());
  buffer.clear();
  clientBuffers_.release(buffer);
  buffer.swap(bigger);
  return true;
}

class ProxyWorker::Listener final : public net::EventHandler, public net::Timer {
 public:
  Listener(ProxyWorker& worker, const net::ListenAddress& address, int fd)
      : worker_(worker), traits_{address.port, address.ssl, address.http2}, fd_(fd) {}
  ~Listener() override { close(); }
  int fd() const { return fd_; }
  void onEvents(uint32_t) override {
    if (!worker_.accept(fd_, traits_)) worker_.reactor_.arm(*this, kRetryMs);
  }
  // (A successor that took the socket over keeps it open and its queue intact.)
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 protected:
  void onTimer() override { onEvents(0); }

 private:
  static constexpr uint64_t kRetryMs = 100;  // out of descriptors: try again soon (nginx waits 500 ms)
  ProxyWorker& worker_;
  ListenerTraits traits_;
  int fd_;
};

class ProxyWorker::Housekeeping final : public net::Timer {
 public:
  static constexpr uint64_t kPeriodMs = 1000;
  explicit Housekeeping(ProxyWorker& worker) : worker_(worker) {}

 protected:
  void onTimer() override {
    worker_.houseKeep();
    worker_.reactor_.arm(*this, kPeriodMs);
  }

 private:
  ProxyWorker& worker_;
};

ProxyWorker::ProxyWorker(int index, std::shared_ptr<const ProxySettings> settings, snapshot::SnapshotPublisher& publisher)
    : index_(index),
      settings_(std::move(settings)),
      via_(viaOf(*settings_, "1.1")),
      viaHttp2_(viaOf(*settings_, "2")),
      publisher_(publisher),
      sessionSlab_(sizeof(HttpSession)),
      reactor_(index),
      clientBuffers_(kSmallBuffer),
      largeBuffers_(settings_->limits.maxRequestLine + settings_->limits.maxHeaderBytes + 1024),
      upstreamBuffers_(settings_->upstreamBufferSize),
      upstreams_(reactor_, upstreamBuffers_, settings_->upstreamKeepalivePoolSize,
                 settings_->upstreamKeepaliveIdleTimeoutMs, settings_->upstreamKeepaliveMaxRequests),
      h2Upstreams_(reactor_, upstreamBuffers_, settings_->upstreamKeepaliveIdleTimeoutMs) {
  RAND_bytes(reinterpret_cast<unsigned char*>(&requestSeed_), sizeof requestSeed_);
  reactor_.setIdleHook([this] {
    runBatchEnd();
    refreshSnapshot();
  });
  refreshWallOffset();
  refreshSnapshot();
  housekeeping_ = std::make_unique<Housekeeping>(*this);
  reactor_.arm(*housekeeping_, Housekeeping::kPeriodMs);
}

ProxyWorker::~ProxyWorker() {
  while (sessions_) {
    ClientSession* s = sessions_;
    sessions_ = s->nextInWorker;
    delete s;
  }
}

void ProxyWorker::refreshWallOffset() {
  wallOffsetMs_ = core::unixMillis() - static_cast<int64_t>(core::monotonicMicros() / 1000);
}

void ProxyWorker::houseKeep() {
  refreshWallOffset();
  clientBuffers_.trim();
  largeBuffers_.trim();
  upstreamBuffers_.trim();
  // After a burst the heap keeps its peak (glibc does not return freed pages in the middle of an
  // arena by itself): once a thousand or more sessions, exchanges or upstream connections have
  // been freed since the last time, hand the free pages back.
  const uint64_t upstreamClosed = upstreams_.closedCount();
  const size_t freed = exchanges_.trim() + (sessionPeak_ - sessionCount_) + (upstreamClosed - upstreamsClosedSeen_);
  if (freed >= 1024) {
    malloc_trim(0);
    sessionPeak_ = sessionCount_;
    upstreamsClosedSeen_ = upstreamClosed;
  }
}

void ProxyWorker::addListener(const net::ListenAddress& address, int fd) {
  listeners_.push_back(std::make_unique<Listener>(*this, address, fd));
}

void ProxyWorker::acceptConnections() {
  if (accepting_ || draining_) return;
  accepting_ = true;
  for (auto& l : listeners_) reactor_.add(l->fd(), l.get());  // (connections already queued announce themselves)
}

std::vector<int> ProxyWorker::listenerFds() const {
  std::vector<int> fds;
  for (const auto& l : listeners_) fds.push_back(l->fd());
  return fds;
}

bool ProxyWorker::accept(int listenFd, const ListenerTraits& traits) {
  for (;;) {
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    const int fd = ::accept4(listenFd, reinterpret_cast<sockaddr*>(&peer), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      // EAGAIN: all taken. EMFILE, ENFILE, ENOBUFS, ENOMEM: the queue still holds connections
      // but no edge will announce them again, so the listener retries on a timer.
      return errno == EAGAIN || errno == EWOULDBLOCK;
    }
    char ip[INET6_ADDRSTRLEN] = "unknown";
    if (peer.ss_family == AF_INET) inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&peer)->sin_addr, ip, sizeof ip);
    else if (peer.ss_family == AF_INET6) inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&peer)->sin6_addr, ip, sizeof ip);
    auto* session = new (sessionSlab_) HttpSession(*this, fd, ip, traits);
    if (!session->start()) {
      delete session;
      continue;
    }
    session->nextInWorker = sessions_;
    if (sessions_) sessions_->prevInWorker = session;
    sessions_ = session;
    sessionPeak_ = std::max(sessionPeak_, ++sessionCount_);
    counters_.accepted.fetch_add(1, std::memory_order_relaxed);
    counters_.active.fetch_add(1, std::memory_order_relaxed);
    session->onEvents(EPOLLIN);  // deferred accept: the request is usually already there
  }
}

void ProxyWorker::sessionReplaced(ClientSession* previous, std::unique_ptr<ClientSession> next) {
  ClientSession* s = next.release();
  s->prevInWorker = previous->prevInWorker;
  s->nextInWorker = previous->nextInWorker;
  if (s->prevInWorker) s->prevInWorker->nextInWorker = s;
  else sessions_ = s;
  if (s->nextInWorker) s->nextInWorker->prevInWorker = s;
  previous->prevInWorker = previous->nextInWorker = nullptr;
  reactor_.retire(std::unique_ptr<net::EventHandler>(previous));
}

void ProxyWorker::atBatchEnd(ClientSession* session) {
  if (session->batchEndQueued) return;
  session->batchEndQueued = true;
  batchEnd_.push_back(session);
}

void ProxyWorker::runBatchEnd() {
  // (A session may queue itself, or another, again while this runs: round again until none did.)
  while (!batchEnd_.empty()) {
    batchEndRunning_.swap(batchEnd_);
    for (ClientSession*& s : batchEndRunning_) {
      if (!s) continue;  // closed meanwhile
      ClientSession* session = std::exchange(s, nullptr);
      session->batchEndQueued = false;
      session->onBatchEnd();
    }
    batchEndRunning_.clear();
  }
}

void ProxyWorker::sessionClosed(ClientSession* session) {
  if (session->batchEndQueued) {
    for (auto* list : {&batchEnd_, &batchEndRunning_})
      for (ClientSession*& s : *list)
        if (s == session) s = nullptr;
    session->batchEndQueued = false;
  }
  if (session->prevInWorker) session->prevInWorker->nextInWorker = session->nextInWorker;
  else sessions_ = session->nextInWorker;
  if (session->nextInWorker) session->nextInWorker->prevInWorker = session->prevInWorker;
  session->prevInWorker = session->nextInWorker = nullptr;
  --sessionCount_;
  counters_.active.fetch_sub(1, std::memory_order_relaxed);
  reactor_.retire(std::unique_ptr<net::EventHandler>(session));
  if (draining_ && !sessions_) reactor_.stop();
}

void ProxyWorker::drain(bool lingerIdle) {
  draining_ = true;
  for (auto& l : listeners_) {
    net::TimerQueue::disarm(*l);
    if (accepting_) reactor_.remove(l->fd());
    l->close();
  }
  std::vector<ClientSession*> sessions;
  for (ClientSession* s = sessions_; s; s = s->nextInWorker) sessions.push_back(s);
  for (auto* s : sessions) s->drain(lingerIdle);
  if (!sessions_) reactor_.stop();
}

void ProxyWorker::refreshSnapshot() {
  const uint64_t version = publisher_.version();
  if (version == seenVersion_) return;
  seenVersion_ = version;
  pins_.push_back(SnapshotPin{publisher_.current(), 0});
  balancers_.assign(pins_.back().snapshot->upstreams.size(), Balancer{});
  // Older snapshots nobody pins any more are released.
  for (auto it = pins_.begin(); std::next(it) != pins_.end();) {
    if (it->pins == 0) it = pins_.erase(it);
    else ++it;
  }
}

SnapshotPin* ProxyWorker::pinSnapshot() {
  refreshSnapshot();  // one relaxed load: a request never runs on a configuration older than its arrival
  SnapshotPin& pin = pins_.back();
  ++pin.pins;
  counters_.inFlight.store(counters_.inFlight.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  return &pin;
}

void ProxyWorker::unpinSnapshot(SnapshotPin* pin) {
  counters_.inFlight.store(counters_.inFlight.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
  if (--pin->pins == 0 && pin != &pins_.back()) {
    for (auto it = pins_.begin(); it != pins_.end(); ++it)
      if (&*it == pin) {
        pins_.erase(it);
        break;
      }
  }
}

Balancer& ProxyWorker::balancer(size_t upstream) {
  if (upstream >= balancers_.size()) balancers_.resize(upstream + 1);
  return balancers_[upstream];
}

std::string_view ProxyWorker::nextRequestId() {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t hi = requestSeed_ ^ static_cast<uint64_t>(index_), lo = ++requestCounter_;
  for (int i = 15; i >= 0; --i, hi >>= 4) requestId_[i] = kHex[hi & 15];
  for (int i = 31; i >= 16; --i, lo >>= 4) requestId_[i] = kHex[lo & 15];
  return std::string_view(requestId_, 32);
}

uint64_t ProxyWorker::nowMicros() const { return core::monotonicMicros(); }

}  // namespace sluice::proxy
