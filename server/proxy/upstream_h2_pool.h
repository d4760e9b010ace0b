#pragma once
// A worker's HTTP/2 connections to upstreams (gRPC services: grpc is h2c, grpcs h2 over TLS with
// ALPN h2). Unlike HTTP/1.1 ones, a connection carries many exchanges at once: each is a stream,
// whose owner (an Http2Stream conducting a gRPC call) gets its response head, DATA and trailers.
// A new connection is opened when those to the peer have no room for another stream (the
// server's SETTINGS_MAX_CONCURRENT_STREAMS, at most kMaxStreams) or are going away.
#include "http/http2_client_codec.h"
#include "net/io_buffer.h"
#include "net/reactor.h"
#include "net/socket_read.h"
#include "net/tls_stream.h"
#include "snapshot/config_snapshot.h"

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sluice::proxy {

// Whoever waits on a stream of an upstream HTTP/2 connection.
class H2StreamOwner {
 public:
  virtual void onUpstreamHead(bool endStream) = 0;        // the response's status and fields are in
  virtual void onUpstreamData(std::string_view data) = 0;  // give the window back: UpstreamH2Connection::consumed
  virtual void onUpstreamEnd() = 0;                       // the response is whole (trailers, if any, are in)
  // The stream is gone before its end: reset by the server, or the connection failed (`connected`:
  // whether it ever was).
  virtual void onUpstreamFailed(uint32_t errorCode, bool connected) = 0;
  virtual ssize_t readUpstreamBody(uint8_t* to, size_t max, bool& last) = 0;  // -1: none yet
  virtual void afterUpstreamEvents() = 0;  // the connection's events are handled: the client's side may write

 protected:
  ~H2StreamOwner() = default;
};

class UpstreamH2Pool;

class UpstreamH2Connection final : public net::EventHandler, public net::Timer, private http::Http2ClientCodec::Events {
 public:
  static constexpr uint32_t kMaxStreams = 100;

  UpstreamH2Connection(UpstreamH2Pool& pool, int fd, std::string key, std::unique_ptr<net::TlsStream> tls);
  ~UpstreamH2Connection() override;

  const std::string& key() const { return key_; }
  bool hasRoom() const;
  // A request on a new stream; -1 when it cannot be sent here.
  int32_t open(const std::vector<std::pair<std::string_view, std::string_view>>& fields, bool withBody,
               http::Http2Response* response, H2StreamOwner* owner);
  // The owner leaves (its client went away, or it is done): the stream is reset unless it ended.
  void detach(int32_t stream);
  void resumeBody(int32_t stream) { codec_.resumeBody(stream), flushSoon(); }
  void consumed(int32_t stream, size_t bytes) { codec_.consumed(stream, bytes), flushSoon(); }
  void flushSoon();  // frames go out (now, unless this connection's events are being handled)
  void onEvents(uint32_t events) override;

 protected:
  void onTimer() override;  // connect timeout, or idle past upstream_keepalive_idle_timeout

 private:
  friend class UpstreamH2Pool;
  void onResponseHead(int32_t stream, bool endStream) override;
  void onResponseData(int32_t stream, std::string_view data) override;
  void onResponseEnd(int32_t stream) override;
  void onStreamClose(int32_t stream, uint32_t errorCode) override;
  ssize_t readRequestBody(int32_t stream, uint8_t* to, size_t max, bool& last) override;
  H2StreamOwner* owner(int32_t stream);
  bool pump();  // reads and writes until it would block; false: the connection is dead
  void fail();  // every stream's owner hears of it; the pool closes the connection

  UpstreamH2Pool& pool_;
  int fd_;
  std::string key_;
  std::unique_ptr<net::TlsStream> tls_;
  http::Http2ClientCodec codec_;
  net::Readiness ready_{false, false, false, false};
  bool connected_ = false, pumping_ = false, dead_ = false;
  net::IoBuffer in_;
  std::string out_;
  size_t outSent_ = 0;
  std::unordered_map<int32_t, H2StreamOwner*> streams_;
  std::vector<H2StreamOwner*> moved_;  // owners that heard something during this pump
  size_t slot_ = 0;
};

class UpstreamH2Pool {
 public:
  UpstreamH2Pool(net::Reactor& reactor, net::BufferPool& buffers, uint64_t idleTimeoutMs)
      : reactor_(reactor), buffers_(buffers), idleTimeoutMs_(idleTimeoutMs) {}
  ~UpstreamH2Pool();

  // A connection to `peer` with room for a stream (opening one if none has: connecting, its
  // requests wait), or null when no socket could be made. TLS (grpcs: `clientTls` is set) as the
  // service says (upstream_tls.h).
  UpstreamH2Connection* acquire(const snapshot::PeerAddress& peer, const std::string& key, SSL_CTX* clientTls,
                                const snapshot::ServiceRuntime& service);
  void close(UpstreamH2Connection* c);
  net::Reactor& reactor() { return reactor_; }
  net::BufferPool& buffers() { return buffers_; }
  uint64_t idleTimeoutMs() const { return idleTimeoutMs_; }
  size_t openCount() const { return all_.size(); }

 private:
  net::Reactor& reactor_;
  net::BufferPool& buffers_;
  uint64_t idleTimeoutMs_;
  std::unordered_map<std::string, std::vector<UpstreamH2Connection*>> byKey_;
  std::vector<UpstreamH2Connection*> all_;
};

}  // namespace sluice::proxy
