#pragma once
// The upstream half of an exchange: the peer (the balancer of the service's upstream, or the
// service's own addresses in turn), a connection from the worker's keep-alive pool (connect, TLS
// to the upstream), sending and reading with edge-triggered readiness, the timeouts of each
// phase, passive health checks, and whether a failure may be retried.
#include "net/io_buffer.h"
#include "net/socket_read.h"
#include "proxy/exchange.h"
#include "proxy/upstream_pool.h"
#include "snapshot/target_health.h"

#include <sys/types.h>

#include <cstdint>
#include <string_view>

namespace sluice::proxy {

class ProxyWorker;

class UpstreamLeg {
 public:
  enum class Failure { Connect, ConnectTimeout, Write, Reset, Timeout, Protocol };
  enum class Start {
    Connected,   // a kept-alive connection, or a connect that completed at once: send
    Connecting,  // wait for writability (finishConnect)
    NoPeer,      // every target excluded, or no address: answer `noPeerMessage()` with 503
    Failed,      // the connect failed at once: handle as Failure::Connect
  };
  // After a failure: another try, or the end of the exchange.
  enum class AfterFailure { Retry, Close, Respond };

  UpstreamLeg(ProxyWorker& worker, UpstreamOwner& owner) : worker_(worker), owner_(owner) {}

  // Readiness, as the connection's events report it.
  void noteEvents(uint32_t events);
  bool active() const { return conn_ != nullptr; }
  bool readable() const { return ready_.readable; }
  bool writable() const { return ready_.writable; }
  bool eof() const { return ready_.eof; }
  net::IoBuffer& in() { return conn_->in; }
  // The request head going up, kept whole until the response starts (a retry sends it again).
  net::IoBuffer& requestHead() { return head_; }
  void releaseRequestHead();
  // Once the response has been read: whether the connection may serve another request.
  bool reusableAfter(const Exchange& x) const;

  // Picks a peer (skipping targets this exchange already failed on) and takes a connection.
  Start start(Exchange& x);
  // The peer alone (the balancer's choice, or the service's next address), counted as a try; null
  // when there is none (noPeerMessage() says why). start() calls it; a gRPC call takes its stream
  // on an HTTP/2 connection to that peer instead.
  const snapshot::PeerAddress* pickPeer(Exchange& x);
  std::string_view noPeerMessage() const { return noPeerMessage_; }
  // A connect that was in progress: true once it completed, false when it failed.
  bool finishConnect(Exchange& x);
  bool connecting() const { return conn_ && !conn_->connected; }

  // Sends: bytes written, kWouldBlock, or kFailed (the caller handles Failure::Write).
  static constexpr ssize_t kWouldBlock = -1, kFailed = -2;
  ssize_t send(Exchange& x, const char* data, size_t size);
  // Reads into in(): a negative return is an error, 0 means nothing now (or eof()).
  ssize_t read();
  // Raw writes for a tunnel: -1 with errno EAGAIN when it would block.
  ssize_t sendRaw(const char* data, size_t size);

  // The timeout of the phase the exchange is in (service's connect, write or read timeout).
  void armConnect(const Exchange& x);
  void armWrite(const Exchange& x);
  void armRead(const Exchange& x);

  // Gives the connection back (to the pool when reusable) and tells the balancer.
  void release(Exchange& x, bool reusable);
  // Reports the failure to passive health checks, releases, and says what may happen next:
  // Kong/nginx retry on error and timeout before any response byte, and a request with a body
  // only when it never reached the upstream; a kept-alive connection the upstream had closed is
  // always retried and says nothing about the upstream's health.
  AfterFailure failed(Exchange& x, Failure failure);
  // The gateway's answer when a failure ends the exchange: 504 for a timeout, else 502.
  static int statusFor(Failure failure) { return failure == Failure::Timeout || failure == Failure::ConnectTimeout ? 504 : 502; }
  // Passive health checks: the outcome of the exchange for its target (status: of a response).
  void reportOutcome(const Exchange& x, snapshot::Outcome outcome, int status = 0);

 private:
  void startTls(const Exchange& x);

  ProxyWorker& worker_;
  UpstreamOwner& owner_;
  UpstreamConnection* conn_ = nullptr;
  net::Readiness ready_;
  std::string_view noPeerMessage_;
  net::IoBuffer head_;
};

}  // namespace sluice::proxy
