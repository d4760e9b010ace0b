#pragma once
// A reactor's upstream connections: idle keep-alive connections per peer address, taken LIFO (the
// warmest first), capped per peer, closed after an idle timeout or a number of requests. Nothing
// here is shared between reactors, so nothing takes a lock (nginx's keepalive module, per thread).
#include "net/io_buffer.h"
#include "net/reactor.h"
#include "net/tls_stream.h"
#include "snapshot/config_snapshot.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace sluice::proxy {

class UpstreamConnection;

// The side of an exchange that owns an upstream connection.
class UpstreamOwner {
 public:
  virtual ~UpstreamOwner() = default;
  virtual void onUpstreamEvents(uint32_t events) = 0;
  virtual void onUpstreamTimeout() = 0;
};

class UpstreamPool;

class UpstreamConnection final : public net::EventHandler, public net::Timer {
 public:
  UpstreamConnection(UpstreamPool& pool, int fd, std::string key);
  ~UpstreamConnection() override;

  int fd() const { return fd_; }
  const std::string& key() const { return key_; }
  bool connected = false;   // the non-blocking connect completed
  bool reused = false;      // came from the idle pool for this exchange
  uint64_t requests = 0;    // exchanges carried
  net::IoBuffer in;         // response bytes
  UpstreamOwner* owner = nullptr;
  std::unique_ptr<net::TlsStream> tls;  // set for https upstreams once TCP is connected

  void onEvents(uint32_t events) override;

 protected:
  void onTimer() override;

 private:
  friend class UpstreamPool;
  UpstreamPool& pool_;
  int fd_;
  size_t slot_ = 0;  // index in the pool's list of live connections
  std::string key_;
};

class UpstreamPool {
 public:
  UpstreamPool(net::Reactor& reactor, net::BufferPool& buffers, size_t maxIdlePerPeer, uint64_t idleTimeoutMs,
               uint64_t maxRequests);
  ~UpstreamPool();

  // An idle connection to `peer` (marked reused), or a new one being connected (nullptr and errno
  // set when the socket cannot even be created).
  // `key` names the pool: the peer address, plus the TLS server name for https upstreams.
  UpstreamConnection* acquire(const snapshot::PeerAddress& peer, const std::string& key, UpstreamOwner* owner,
                              int& error);
  // Back to the idle list when reusable, closed otherwise.
  void release(UpstreamConnection* c, bool reusable);
  void close(UpstreamConnection* c);
  net::Reactor& reactor() { return reactor_; }
  net::BufferPool& buffers() { return buffers_; }
  size_t idleCount() const;
  size_t openCount() const { return all_.size(); }
  uint64_t closedCount() const { return closed_; }  // connections closed so far

 private:
  friend class UpstreamConnection;
  void dropIdle(UpstreamConnection* c);

  net::Reactor& reactor_;
  net::BufferPool& buffers_;
  size_t maxIdlePerPeer_;
  uint64_t idleTimeoutMs_;
  uint64_t maxRequests_;
  std::unordered_map<std::string, std::vector<UpstreamConnection*>> idle_;
  std::vector<UpstreamConnection*> all_;  // every live connection, for shutdown
  uint64_t closed_ = 0;
};

}  // namespace sluice::proxy
