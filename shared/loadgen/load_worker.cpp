#include "loadgen/load_worker.h"

#include "core/clock.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <ctime>

namespace sluice::loadgen {
namespace {

constexpr uint64_t kSecond = 1'000'000'000;
constexpr uint64_t kDeadlineScan = 10'000'000;     // timeouts are checked every 10 ms
constexpr uint64_t kConnectBackoff = 10'000'000;   // a refused connection is retried after 10 ms
constexpr uint64_t kStageTick = 100'000'000;       // connection stages are applied every 100 ms
constexpr size_t kReadBuffer = 64 * 1024;

uint64_t toNs(double seconds) { return static_cast<uint64_t>(seconds * 1e9); }

// CPU time this thread has used.
uint64_t threadCpuNs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1'000'000'000ull + static_cast<uint64_t>(t.tv_nsec);
}

}  // namespace

uint64_t monotonicNs() { return core::monotonicNanos(); }

void SecondBoard::add(SecondFigures figures) {
  std::lock_guard lock(mutex_);
  if (seconds_.size() <= figures.second) {
    const size_t from = seconds_.size();
    seconds_.resize(figures.second + 1);
    contributions_.resize(figures.second + 1, 0);
    for (size_t s = from; s < seconds_.size(); ++s) seconds_[s].second = static_cast<uint32_t>(s);
  }
  seconds_[figures.second].add(figures);
  ++contributions_[figures.second];
}

LoadWorker::LoadWorker(RunContext& run, int index, int threads, std::vector<int> connectionIndices, uint64_t budget)
    : run_(run), index_(index), threads_(threads), budget_(budget), buffer_(kReadBuffer) {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  connections_.resize(connectionIndices.size());
  for (size_t i = 0; i < connections_.size(); ++i) connections_[i].globalIndex = connectionIndices[i];
  wrrCurrent_.assign(run_.weights.size(), 0);
  for (const uint32_t w : run_.weights) wrrTotal_ += w;
  totals_.perTemplate.assign(run_.weights.size(), 0);
  openLoop_ = run_.plan.openLoop();
  connectionStages_ = !openLoop_ && !run_.plan.stages.empty();
  thinkRandom_.seed(static_cast<unsigned>(index) + 1);
}

LoadWorker::~LoadWorker() {
  for (uint32_t c = 0; c < connections_.size(); ++c) close(c);
  if (session_) SSL_SESSION_free(session_);
  if (epoll_ >= 0) ::close(epoll_);
}

bool LoadWorker::issuing(uint64_t now) const {
  return !run_.cancelled.load(std::memory_order_relaxed) && now < run_.issueEndNs && (budget_ == 0 || totals_.issued < budget_);
}

uint32_t LoadWorker::pickTemplate() {
  if (wrrCurrent_.size() == 1) return 0;
  // Smooth weighted round robin: exact shares over every cycle of the weights, no randomness.
  size_t best = 0;
  for (size_t i = 0; i < wrrCurrent_.size(); ++i) {
    wrrCurrent_[i] += run_.weights[i];
    if (wrrCurrent_[i] > wrrCurrent_[best]) best = i;
  }
  wrrCurrent_[best] -= wrrTotal_;
  return static_cast<uint32_t>(best);
}

// Every socket is watched once, edge-triggered, for reading and writing: no epoll_ctl per
// request, and no re-check of every ready socket at each wait. The price is reading until a short
// read (which a whole response usually is) so that no edge is missed.
void LoadWorker::watch(uint32_t c) {
  Connection& k = connections_[c];
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.u64 = (static_cast<uint64_t>(k.generation) << 32) | c;
  epoll_ctl(epoll_, EPOLL_CTL_ADD, k.fd, &ev);
}

void LoadWorker::close(uint32_t c) {
  Connection& k = connections_[c];
  if (k.ssl) {
    SSL_free(k.ssl);
    k.ssl = nullptr;
  }
  if (k.fd >= 0) {
    ::close(k.fd);
    k.fd = -1;
    --open_;
  }
  ++k.generation;
  k.state = State::Off;
}

void LoadWorker::assign(uint32_t c, uint64_t dueNs, uint64_t now) {
  Connection& k = connections_[c];
  k.templateIndex = pickTemplate();
  k.dueNs = dueNs;
  k.pending = true;
  ++totals_.issued;
  // Writes wait for the end of the event batch: the server then gets a burst of requests it can
  // take in one wake-up (as it does from wrk), instead of one wake-up per request.
  if (k.state == State::Idle) sendQueue_.push_back(c);
  else if (k.state == State::Off) connect(c, now);
}

void LoadWorker::flushSends(uint64_t now) {
  for (const uint32_t c : sendQueue_)
    if (connections_[c].state == State::Idle && connections_[c].pending) send(c, now);
  sendQueue_.clear();
}

// What a connection does once it is free: the next request (closed loop), the oldest due one
// (open loop), or nothing.
void LoadWorker::nextFor(uint32_t c, uint64_t now) {
  Connection& k = connections_[c];
  if (!issuing(now)) return;
  if (!openLoop_) {
    if (k.thinking) return;  // (its connection closed while it waits: reconnects when it is time)
    if (!k.active) {
      close(c);  // ramped down
      return;
    }
    if (const uint64_t pause = thinkNs(); pause > 0) {
      k.thinking = true;
      thinking_.push({now + pause, c});
      return;
    }
    assign(c, now, now);
    return;
  }
  if (nextDue_ != RateSchedule::kNever && run_.startNs + toNs(nextDue_) <= now) {
    assign(c, run_.startNs + toNs(nextDue_), now);
    nextIndex_ += static_cast<uint64_t>(threads_);
    nextDue_ = run_.schedule.timeOf(nextIndex_);
    return;
  }
  makeAvailable(c);
}

uint64_t LoadWorker::thinkNs() {
  const double low = run_.plan.thinkSeconds, high = std::max(run_.plan.thinkMaxSeconds, low);
  if (!(high > 0)) return 0;
  const double pause = high > low ? std::uniform_real_distribution<double>(low, high)(thinkRandom_) : low;
  return toNs(pause);
}

void LoadWorker::endThinking(uint64_t now) {
  while (!thinking_.empty() && thinking_.top().first <= now) {
    const uint32_t c = thinking_.top().second;
    thinking_.pop();
    Connection& k = connections_[c];
    k.thinking = false;
    if (!issuing(now)) continue;
    if (k.active) assign(c, now, now);
    else close(c);
  }
}

void LoadWorker::makeAvailable(uint32_t c) {
  Connection& k = connections_[c];
  if (k.listed) return;
  k.listed = true;
  available_.push_back(c);
}

void LoadWorker::dispatchDue(uint64_t now) {
  while (!available_.empty() && nextDue_ != RateSchedule::kNever && issuing(now)) {
    const uint64_t due = run_.startNs + toNs(nextDue_);
    if (due > now) return;
    const uint32_t c = available_.back();
    available_.pop_back();
    connections_[c].listed = false;
    if (connections_[c].state == State::Backoff) continue;  // listed again when its pause ends
    if (now - due > kLateNs) ++totals_.late;  // a connection was free: the delay is this thread's
    assign(c, due, now);
    nextIndex_ += static_cast<uint64_t>(threads_);
    nextDue_ = run_.schedule.timeOf(nextIndex_);
  }
}

void LoadWorker::connect(uint32_t c, uint64_t now) {
  Connection& k = connections_[c];
  k.fd = ::socket(run_.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (k.fd < 0) {
    fail(c, Failure::Connect, now);
    return;
  }
  ++open_;
  const int one = 1;
  setsockopt(k.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  watch(c);
  if (k.reused) ++totals_.reconnects;
  k.reused = false;
  k.deadlineNs = now + toNs(run_.plan.connectTimeoutSeconds);
  if (::connect(k.fd, reinterpret_cast<const sockaddr*>(&run_.address), run_.addressLength) == 0) {
    onConnected(c, now);
    return;
  }
  if (errno != EINPROGRESS) {
    fail(c, Failure::Connect, now);
    return;
  }
  k.state = State::Connecting;
}

void LoadWorker::onConnected(uint32_t c, uint64_t now) {
  Connection& k = connections_[c];
  if (!run_.tls) {
    ready(c, now);
    return;
  }
  k.ssl = SSL_new(run_.tls);
  SSL_set_fd(k.ssl, k.fd);
  SSL_set_mode(k.ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (!run_.serverName.empty()) SSL_set_tlsext_host_name(k.ssl, run_.serverName.c_str());
  if (session_) SSL_set_session(k.ssl, session_);
  SSL_set_connect_state(k.ssl);
  k.state = State::Handshake;
  handshake(c, now);
}

void LoadWorker::handshake(uint32_t c, uint64_t now) {
  Connection& k = connections_[c];
  const int r = SSL_do_handshake(k.ssl);
  if (r == 1) {
    if (SSL_SESSION* s = SSL_get1_session(k.ssl)) {
      if (session_) SSL_SESSION_free(session_);
      session_ = s;
    }
    ready(c, now);
    return;
  }
  const int e = SSL_get_error(k.ssl, r);
  if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
    ERR_clear_error();
    fail(c, Failure::Tls, now);
  }
}

void LoadWorker::ready(uint32_t c, uint64_t now) {
  Connection& k = connections_[c];
  k.state = State::Idle;
  if (k.pending) send(c, now);
}

void LoadWorker::send(uint32_t c, uint64_t now) {
  Connection& k = connections_[c];
  if (k.state == State::Idle) {
    k.written = 0;
    k.sentNs = now;
    k.deadlineNs = now + toNs(run_.plan.timeoutSeconds);
    k.parser.reset(run_.headRequest[k.templateIndex]);
    k.state = State::Sending;
  }
  const std::string& wire = run_.wire[k.templateIndex];
  while (k.written < wire.size()) {
    ssize_t n;
    if (k.ssl) {
      ERR_clear_error();
      const int r = SSL_write(k.ssl, wire.data() + k.written, static_cast<int>(wire.size() - k.written));
      if (r <= 0) {
        const int e = SSL_get_error(k.ssl, r);
        if (e == SSL_ERROR_WANT_WRITE || e == SSL_ERROR_WANT_READ) return;
        fail(c, Failure::Reset, now);
        return;
      }
      n = r;
    } else {
      n = ::send(k.fd, wire.data() + k.written, wire.size() - k.written, MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN) return;  // the write edge brings it back
        fail(c, Failure::Reset, now);
        return;
      }
    }
    k.written += static_cast<size_t>(n);
    totals_.bytesWritten += static_cast<uint64_t>(n);
  }
  k.pending = false;
  k.state = State::Receiving;
}

void LoadWorker::receive(uint32_t c) {
  Connection& k = connections_[c];
  for (;;) {
    ssize_t n;
    bool more = false;
    if (k.ssl) {
      ERR_clear_error();
      const int r = SSL_read(k.ssl, buffer_.data(), static_cast<int>(buffer_.size()));
      if (r <= 0) {
        const int e = SSL_get_error(k.ssl, r);
        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) return;
        n = (e == SSL_ERROR_ZERO_RETURN || (e == SSL_ERROR_SYSCALL && errno == 0)) ? 0 : -1;
      } else {
        n = r;
        more = true;  // edge-triggered: read records until OpenSSL wants more from the socket
      }
    } else {
      n = ::recv(k.fd, buffer_.data(), buffer_.size(), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN) return;
      more = n == static_cast<ssize_t>(buffer_.size());
    }
    const uint64_t now = monotonicNs();
    if (k.state == State::Idle) {  // nothing asked: the server closed a kept-alive connection
      close(c);
      if (k.pending) connect(c, now);  // a request was about to go out on it
      else if (!openLoop_) nextFor(c, now);  // (open loop: still listed as available; reconnects when used)
      return;
    }
    if (n < 0) {
      fail(c, Failure::Reset, now);
      return;
    }
    if (n == 0) {
      k.parser.closed();
      if (k.parser.done()) {
        complete(c, now);
        return;
      }
      fail(c, Failure::Reset, now);
      return;
    }
    totals_.bytesRead += static_cast<uint64_t>(n);
    second_.bytesRead += static_cast<uint64_t>(n);
    k.parser.feed(buffer_.data(), static_cast<size_t>(n));
    if (k.parser.failed()) {
      fail(c, Failure::Protocol, now);
      return;
    }
    if (k.parser.done()) {
      complete(c, now);
      return;
    }
    if (!more) return;
  }
}

void LoadWorker::complete(uint32_t c, uint64_t now) {
  Connection& k = connections_[c];
  const int status = k.parser.status();
  const uint64_t fromSent = (now - k.sentNs) / 1000, fromDue = (now - std::min(k.dueNs, k.sentNs)) / 1000;
  if (openLoop_) totals_.uncorrected.record(fromSent);
  second_.latency.record(openLoop_ ? fromDue : fromSent);
  ++totals_.requests;
  ++totals_.responses;
  ++second_.requests;
  ++totals_.statuses[static_cast<size_t>(std::clamp(status, 0, 599))];
  if (status < 200 || status >= 400) ++second_.errors;
  ++totals_.perTemplate[k.templateIndex];
  const bool keep = k.parser.keepAlive() && k.state == State::Receiving;  // an answer before the whole request was written ends it
  k.reused = true;
  if (keep) {
    k.state = State::Idle;
  } else {
    close(c);
    k.reused = true;  // the next connect is a reconnect
  }
  nextFor(c, now);
}

void LoadWorker::fail(uint32_t c, Failure kind, uint64_t now) {
  Connection& k = connections_[c];
  // A failure counts when a request was riding on it (an idle pooled connection that cannot
  // connect costs no request; the request that next needs it will).
  if (k.pending || k.state == State::Sending || k.state == State::Receiving) {
    switch (kind) {
      case Failure::Connect: ++totals_.errors.connect; break;
      case Failure::Timeout: ++totals_.errors.timeout; break;
      case Failure::Reset: ++totals_.errors.reset; break;
      case Failure::Tls: ++totals_.errors.tls; break;
      case Failure::Protocol: ++totals_.errors.protocol; break;
    }
    ++totals_.requests;
    ++second_.requests;
    ++second_.errors;
  }
  const bool wasReused = k.reused;
  close(c);
  k.pending = false;
  k.reused = wasReused;
  if (kind == Failure::Connect || kind == Failure::Tls) {  // retrying at once would spin against a closed port
    k.state = State::Backoff;
    k.deadlineNs = now + kConnectBackoff;
    return;
  }
  nextFor(c, now);
}

bool LoadWorker::inFlight() const {
  for (const Connection& k : connections_)
    if (k.state == State::Sending || k.state == State::Receiving || (k.pending && k.state != State::Off && k.state != State::Backoff))
      return true;
  return false;
}

void LoadWorker::checkDeadlines(uint64_t now) {
  for (uint32_t c = 0; c < connections_.size(); ++c) {
    Connection& k = connections_[c];
    if (k.deadlineNs > now) continue;
    switch (k.state) {
      case State::Connecting: fail(c, Failure::Connect, now); break;
      case State::Handshake: fail(c, Failure::Tls, now); break;
      case State::Sending:
      case State::Receiving: fail(c, Failure::Timeout, now); break;
      case State::Backoff:
        k.state = State::Off;
        if (openLoop_) makeAvailable(c);
        else nextFor(c, now);
        break;
      default: break;
    }
  }
}

void LoadWorker::applyStages(uint64_t now) {
  const double t = static_cast<double>(now - run_.startNs) / 1e9;
  const int wanted = static_cast<int>(std::lround(run_.plan.stageValueAt(t)));
  for (uint32_t c = 0; c < connections_.size(); ++c) {
    Connection& k = connections_[c];
    const bool active = k.globalIndex < wanted;
    if (active == k.active) continue;
    k.active = active;
    if (active && (k.state == State::Off || k.state == State::Idle)) nextFor(c, now);
    else if (!active && k.state == State::Idle) close(c);
  }
}

void LoadWorker::publishSeconds(uint64_t now, bool final) {
  while (secondEndNs_ <= now || final) {
    second_.connections = open_;
    if (openLoop_) {
      const double t = static_cast<double>(secondEndNs_ - run_.startNs) / 1e9 - 0.5;
      second_.targetRate = run_.schedule.rateAt(t) / threads_;
    }
    const uint32_t next = second_.second + 1;
    totals_.latency.add(second_.latency);  // the run's histogram is its seconds' sum: one record per answer
    run_.board->add(std::move(second_));
    second_ = SecondFigures{};
    second_.second = next;
    secondEndNs_ += kSecond;
    if (final) return;
  }
}

void LoadWorker::handleEvents(const ::epoll_event* events, int n) {
  constexpr uint32_t kReadable = EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP;
  for (int i = 0; i < n; ++i) {
    const uint32_t c = static_cast<uint32_t>(events[i].data.u64);
    const uint32_t generation = static_cast<uint32_t>(events[i].data.u64 >> 32);
    Connection& k = connections_[c];
    if (k.generation != generation || k.fd < 0) continue;  // closed earlier in this batch
    const uint32_t e = events[i].events;
    switch (k.state) {
      case State::Connecting: {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(k.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) fail(c, Failure::Connect, monotonicNs());
        else if (e & (EPOLLOUT | EPOLLERR | EPOLLHUP)) onConnected(c, monotonicNs());
        break;
      }
      case State::Handshake: handshake(c, monotonicNs()); break;
      case State::Sending:
        if (e & kReadable) receive(c);
        if (k.generation == generation && k.state == State::Sending && (e & EPOLLOUT)) send(c, monotonicNs());
        break;
      case State::Receiving:
      case State::Idle:
        if (e & kReadable) receive(c);  // (a write edge means nothing here)
        break;
      default: break;
    }
  }
}

void LoadWorker::run() {
  uint64_t now = monotonicNs();
  const uint64_t wallStart = now, cpuStart = threadCpuNs();
  secondEndNs_ = run_.startNs + kSecond;
  if (openLoop_) {
    nextIndex_ = static_cast<uint64_t>(index_);
    nextDue_ = run_.schedule.timeOf(nextIndex_);
    for (uint32_t c = 0; c < connections_.size(); ++c) {
      connect(c, now);  // the pool is opened up front, as wrk2 does
      if (connections_[c].state != State::Backoff) makeAvailable(c);
    }
  } else if (connectionStages_) {
    for (Connection& k : connections_) k.active = false;
    applyStages(now);
  } else {
    for (uint32_t c = 0; c < connections_.size(); ++c)  // the first requests go at once, without thinking
      if (issuing(now)) assign(c, now, now);
  }
  uint64_t nextScan = now + kDeadlineScan, nextStage = now + kStageTick;
  std::array<epoll_event, 256> events;
  for (;;) {
    now = monotonicNs();
    if (run_.cancelled.load(std::memory_order_relaxed)) break;
    const bool stillIssuing = issuing(now);
    if (!stillIssuing && !inFlight()) break;
    if (openLoop_ && stillIssuing) dispatchDue(now);
    if (now >= nextScan) {
      checkDeadlines(now);
      nextScan = now + kDeadlineScan;
    }
    if (connectionStages_ && now >= nextStage) {
      applyStages(now);
      nextStage = now + kStageTick;
    }
    if (!thinking_.empty()) endThinking(now);
    if (now >= secondEndNs_) publishSeconds(now, false);
    flushSends(now);

    uint64_t wake = std::min(nextScan, secondEndNs_);
    if (stillIssuing) wake = std::min(wake, run_.issueEndNs);
    if (connectionStages_) wake = std::min(wake, nextStage);
    if (!thinking_.empty() && stillIssuing) wake = std::min(wake, thinking_.top().first);
    if (openLoop_ && !available_.empty() && nextDue_ != RateSchedule::kNever) wake = std::min(wake, run_.startNs + toNs(nextDue_));
    const uint64_t wait = wake > now ? wake - now : 0;
    const timespec timeout{static_cast<time_t>(wait / kSecond), static_cast<long>(wait % kSecond)};
    const int n = epoll_pwait2(epoll_, events.data(), static_cast<int>(events.size()), &timeout, nullptr);
    handleEvents(events.data(), n);
    // Before the batch's requests go out, take what else became ready meanwhile: a bigger burst
    // for the server, fewer wake-ups on both sides (measured: +5-10 % with 16 KiB answers).
    if (n > 0 && !sendQueue_.empty()) {
      const timespec zero{0, 0};
      handleEvents(events.data(), epoll_pwait2(epoll_, events.data(), static_cast<int>(events.size()), &zero, nullptr));
    }
  }
  // Open loop: requests that came due while every connection was busy and were never sent.
  if (openLoop_ && !run_.cancelled.load()) {
    const double end = static_cast<double>(run_.issueEndNs - run_.startNs) / 1e9;
    for (uint64_t j = nextIndex_; (budget_ == 0 || totals_.issued + totals_.dropped < budget_); j += static_cast<uint64_t>(threads_)) {
      const double due = run_.schedule.timeOf(j);
      if (due >= end) break;  // kNever included
      ++totals_.dropped;
    }
  }
  now = monotonicNs();
  totals_.wallNs = now - wallStart;
  totals_.cpuNs = threadCpuNs() - cpuStart;
  publishSeconds(now, false);
  publishSeconds(now, true);
  for (uint32_t c = 0; c < connections_.size(); ++c) close(c);
}

}  // namespace sluice::loadgen
