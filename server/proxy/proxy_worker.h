#pragma once
// Everything one reactor owns: its listeners, client sessions, upstream pool, buffers, balancer
// cursors, counters and its pin on the configuration snapshot. A session never touches another
// worker's state.
#include "net/io_buffer.h"
#include "net/reactor.h"
#include "net/slab_allocator.h"
#include "observe/reactor_metrics.h"
#include "proxy/balancer.h"
#include "proxy/client_session.h"
#include "proxy/exchange.h"
#include "proxy/proxy_settings.h"
#include "proxy/upstream_h2_pool.h"
#include "proxy/upstream_pool.h"
#include "snapshot/snapshot_publisher.h"

#include <atomic>
#include <cstddef>
#include <list>
#include <memory>
#include <vector>

namespace sluice::proxy {

// Per-worker counters, written by the worker thread only and read by others (relaxed).
struct WorkerCounters {
  std::atomic<uint64_t> accepted{0}, requests{0}, active{0};
  std::atomic<uint64_t> inFlight{0};  // requests between their head and their log phase
  // The upstream pool as of the last metrics flush (read on the worker's thread, published here).
  std::atomic<uint64_t> upstreamOpen{0}, upstreamIdle{0};
};

// Keeps a snapshot alive while exchanges that started on it are in flight.
struct SnapshotPin {
  snapshot::ConfigSnapshotConstSharedPtr snapshot;
  uint32_t pins = 0;
};

class ProxyWorker {
 public:
  ProxyWorker(int index, std::shared_ptr<const ProxySettings> settings, snapshot::SnapshotPublisher& publisher);
  ~ProxyWorker();

  // A listening socket this worker accepts from (and owns), before run(). Each worker has its own
  // per address (SO_REUSEPORT: the kernel spreads connections over them), and may have more.
  void addListener(const net::ListenAddress& address, int fd);
  // Starts accepting from the listeners (on the worker's thread).
  void acceptConnections();
  std::vector<int> listenerFds() const;
  void run() { reactor_.run(); }
  // Stops accepting; sessions finish their current exchange and close; then the loop ends.
  // `lingerIdle`: an idle keep-alive connection stays open a moment for one last request, answered
  // with Connection: close (a successor serves the listeners; the client sees no closed connection).
  void drain(bool lingerIdle = false);
  void stop() { reactor_.stop(); }

  net::Reactor& reactor() { return reactor_; }
  const ProxySettings& settings() const { return *settings_; }
  // The Via header's value ("1.1 sluice/<version>"), empty when server_tokens is off.
  std::string_view via() const { return via_; }
  std::string_view viaHttp2() const { return viaHttp2_; }  // "2 sluice/<version>", for HTTP/2 clients
  // New settings (SIGHUP), on the worker's thread: new exchanges and timers use them.
  void setSettings(std::shared_ptr<const ProxySettings> settings) {
    settings_ = std::move(settings);
    via_ = viaOf(*settings_, "1.1");
    viaHttp2_ = viaOf(*settings_, "2");
  }
  UpstreamPool& upstreams() { return upstreams_; }
  UpstreamH2Pool& h2Upstreams() { return h2Upstreams_; }  // gRPC services
  // Heads go into small buffers; one that does not fit moves to a large one (the head limits).
  net::BufferPool& clientBuffers() { return clientBuffers_; }
  net::BufferPool& largeBuffers() { return largeBuffers_; }
  // Moves `buffer`'s bytes into a large buffer; false if it already is one.
  bool growToLarge(net::IoBuffer& buffer);
  // Gives an empty buffer back to the pool it came from.
  void releaseBuffer(net::IoBuffer& buffer) {
    clientBuffers_.release(buffer);
    largeBuffers_.release(buffer);
  }
  // Scratch space for one exchange step on this thread (paths being rewritten).
  std::string& scratch(int which) { return scratch_[which]; }
  net::BufferPool& upstreamBuffers() { return upstreamBuffers_; }
  ExchangePool& exchanges() { return exchanges_; }
  WorkerCounters& counters() { return counters_; }
  // This reactor's request figures (see observe/reactor_metrics.h); flushed when the aggregator asks.
  observe::ReactorMetrics& metrics() { return metrics_; }
  bool draining() const { return draining_; }

  // The newest published snapshot (checked with one relaxed load), e.g. for a TLS handshake.
  const snapshot::ConfigSnapshot& latestSnapshot() {
    refreshSnapshot();
    return *pins_.back().snapshot;
  }
  SnapshotPin* pinSnapshot();
  void unpinSnapshot(SnapshotPin* pin);
  // The next request id: 32 hex digits, unique per node.
  std::string_view nextRequestId();
  // This worker's balancer state for an upstream of the current snapshot.
  Balancer& balancer(size_t upstream);

  void sessionClosed(ClientSession* session);
  // `session->onBatchEnd()` runs once the current batch of events (and timers) is handled, before
  // the reactor waits again; sessionClosed() takes a closed session off that list.
  void atBatchEnd(ClientSession* session);
  // `next` takes `previous`'s place on the list and its connection (an HTTP/1.x connection turns
  // HTTP/2); `previous` is deleted after this batch of events.
  void sessionReplaced(ClientSession* previous, std::unique_ptr<ClientSession> next);
  uint64_t nowMicros() const;
  // The wall clock (Unix ms) at a moment of nowMicros(), from an offset refreshed every second:
  // no clock read per request.
  int64_t wallMillis(uint64_t monotonicUs) const { return wallOffsetMs_ + static_cast<int64_t>(monotonicUs / 1000); }

 private:
  class Listener;
  class Housekeeping;
  // Accepts until the queue is empty (true) or a resource limit stops it (false).
  bool accept(int listenFd, const ListenerTraits& traits);
  void refreshSnapshot();
  // Once a second: spare buffers and exchanges unused for a second go back to the system.
  void houseKeep();

  int index_;
  std::shared_ptr<const ProxySettings> settings_;
  std::string via_, viaHttp2_;
  static std::string viaOf(const ProxySettings& s, const char* protocol) {
    return s.serverTokens ? std::string(protocol) + " sluice/" + s.version : std::string();
  }
  snapshot::SnapshotPublisher& publisher_;
  net::SlabAllocator sessionSlab_;  // before the reactor: retired sessions are freed into it
  net::Reactor reactor_;
  net::BufferPool clientBuffers_;
  net::BufferPool largeBuffers_;
  std::string scratch_[2];
  net::BufferPool upstreamBuffers_;
  UpstreamPool upstreams_;
  UpstreamH2Pool h2Upstreams_;
  ExchangePool exchanges_;
  WorkerCounters counters_;
  observe::ReactorMetrics metrics_;
  std::vector<std::unique_ptr<Listener>> listeners_;
  // Every open session, linked through the sessions themselves (no node to allocate per connection).
  ClientSession* sessions_ = nullptr;
  std::vector<ClientSession*> batchEnd_, batchEndRunning_;
  void runBatchEnd();
  size_t sessionCount_ = 0, sessionPeak_ = 0;  // the peak since the last heap trim
  uint64_t upstreamsClosedSeen_ = 0;
  std::unique_ptr<Housekeeping> housekeeping_;
  std::list<SnapshotPin> pins_;  // back() is the current snapshot
  uint64_t seenVersion_ = ~0ULL;
  std::vector<Balancer> balancers_;
  uint64_t requestSeed_ = 0, requestCounter_ = 0;
  char requestId_[33] = {};
  bool draining_ = false;
  bool accepting_ = false;
  int64_t wallOffsetMs_ = 0;
  void refreshWallOffset();
};

}  // namespace sluice::proxy
