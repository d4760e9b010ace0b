#pragma once
// What a connection needs only while a request is in progress: the parsed heads (views into the
// connection's buffers), the parsers' progress, the balancer's bookkeeping and the request id.
// Sessions borrow one from their worker when request bytes arrive and give it back when they go
// idle, so an idle keep-alive connection costs only the HttpSession itself (a few hundred bytes)
// and the vectors inside keep their capacity from request to request: no allocation per request.
#include "http/body_decoder.h"
#include "http/http1_server_codec.h"
#include "http/request_parser.h"
#include "http/response_parser.h"
#include "observe/request_trace.h"
#include "plugins/plugin_chain.h"
#include "snapshot/config_snapshot.h"

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::proxy {

struct SnapshotPin;  // proxy_worker.h

// What conducts an exchange (an HTTP/1.x session, an HTTP/2 stream): woken when a plugin that
// waited for work off the reactor is done.
class ExchangeConductor {
 public:
  virtual void resumeExchange() = 0;

 protected:
  ~ExchangeConductor() = default;
};

// The link from a suspended plugin's waker to the conductor waiting for it: cut when the exchange
// ends, so that a late waker finds nobody.
struct WakeTicket {
  ExchangeConductor* conductor = nullptr;
};

struct Exchange {
  http::Http1ServerCodec codec;  // the client's side: request heads and bodies in, responses out
  http::RequestHead head;
  http::ResponseParser responseParser;
  http::ResponseHead response;
  http::BodyDecoder responseBodyDecoder;  // the upstream response body's framing, as its bytes arrive
  std::string hashKey;           // consistent hashing: this request's key
  std::string poolKey;           // https upstreams: the keep-alive pool's name
  std::vector<int> triedTargets; // this request's failed targets, skipped on retries
  // Plugins: the route's chain, what each entry resolved to, and the time each phase took.
  const plugins::PluginChain* chain = nullptr;
  plugins::RequestContext ctx;
  std::vector<const plugins::PluginInstance*> resolved;
  std::vector<plugins::PhaseTiming> timings;
  plugins::ChainCursor cursor;            // where the request phases stand
  std::shared_ptr<WakeTicket> waking;     // while a plugin waits (see plugins::Suspension)
  // When the upstream connection of this exchange was opened and ready (TCP, and TLS for https);
  // 0 when a kept-alive connection served it.
  uint64_t connectStartUs = 0, connectedUs = 0;
  // For a trace (observability on): the other moments, the request line, the peer, and whether
  // the client asked for one.
  observe::TraceTimes times;
  std::string method, target, host;
  bool clientTls = false;
  std::string userAgent, referer;  // for the access log
  const snapshot::PeerAddress* peer = nullptr;
  uint32_t targetMetricsId = 0;  // the upstream target last chosen
  bool forceTrace = false;
  // Where routing put the request (kept while the exchange waits for a body the plugins read).
  const snapshot::RouteRuntime* route = nullptr;
  std::string_view path;  // normalised path
  size_t matchedPathLength = 0;
  // Bodies held for plugins (see plugin.h): the copies of the heads keep their views valid while
  // the connection's buffers are refilled.
  bool bodyBuffered = false;
  std::string requestHeadCopy, requestPath, body;
  std::string responseHeadCopy, responseBody;
  // Where the exchange stands. The snapshot stays pinned until the log phase has run.
  SnapshotPin* pin = nullptr;
  const snapshot::ServiceRuntime* service = nullptr;
  int targetIndex = -1;  // in the service's upstream; -1: none
  int tries = 0;
  int httpMinor = 1;  // the client's HTTP/1.x
  std::string_view protocol = "HTTP/1.1";  // the client's protocol, for the access log
  bool isHead = false;
  uint64_t startUs = 0, sentUs = 0;
  // The request going up: its head (in the session's upstream buffer) and body.
  size_t upstreamHeadSent = 0, bufferedBodySent = 0;  // bufferedBodySent: of a body read for the plugins
  uint64_t requestBodyPending = 0;  // body bytes decoded in the client's buffer, not yet sent up
  // An HTTP/2 stream's body arrives in DATA frames, not through the HTTP/1.x codec.
  struct StreamBody {
    bool http2 = false, done = false;
    uint64_t seen = 0;
  } streamBody;
  bool requestBodyDone() const { return streamBody.http2 ? streamBody.done : codec.bodyDone(); }
  uint64_t requestBodySeen() const { return streamBody.http2 ? streamBody.seen : codec.bodySeen(); }
  // The response coming down.
  bool anyResponseByte = false;
  bool switchingProtocols() const { return response.status == 101; }  // once the response head is in
  // A local response's body sent from memory (a cached response), and how much of it went out.
  std::shared_ptr<const std::string> localBody;
  size_t localBodySent = 0;
  char requestId[32] = {};
  uint8_t requestIdLength = 0;
  std::string_view id() const { return {requestId, requestIdLength}; }
};

// A worker's spare exchanges. Trimmed once a second down to what the last second needed, so the
// peak of a burst is not kept for ever.
class ExchangePool {
 public:
  std::unique_ptr<Exchange> take(const http::HttpLimits& limits) {
    std::unique_ptr<Exchange> x;
    if (spare_.empty()) {
      x = std::make_unique<Exchange>();
    } else {
      x = std::move(spare_.back());
      spare_.pop_back();
      lowWater_ = std::min(lowWater_, spare_.size());
    }
    x->codec = http::Http1ServerCodec(limits);
    x->requestIdLength = 0;
    x->isHead = false;  // until a head says otherwise (an unparsable one gets a body)
    x->anyResponseByte = false;
    x->streamBody = {};
    inUse_.store(inUse_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    return x;
  }
  void giveBack(std::unique_ptr<Exchange> x) {
    if (!x) return;
    spare_.push_back(std::move(x));
    inUse_.store(inUse_.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
  }
  // Connections reading or serving a request on this worker (the rest are idle); any thread.
  size_t inUse() const { return inUse_.load(std::memory_order_relaxed); }
  // Frees the spares that stayed unused since the last call; returns how many.
  size_t trim() {
    const size_t unused = std::min(lowWater_, spare_.size());
    spare_.erase(spare_.end() - static_cast<std::ptrdiff_t>(unused), spare_.end());
    if (spare_.capacity() > 2 * spare_.size() + 64) spare_.shrink_to_fit();
    lowWater_ = spare_.size();
    return unused;
  }
  size_t spare() const { return spare_.size(); }

 private:
  std::vector<std::unique_ptr<Exchange>> spare_;
  size_t lowWater_ = 0;
  std::atomic<size_t> inUse_{0};  // written by the worker only
};

}  // namespace sluice::proxy
