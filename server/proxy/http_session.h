#pragma once
// One client connection on one reactor, for its whole life: it reads a request head, routes it on
// the pinned snapshot, takes an upstream connection from the worker's pool, streams the request
// body up and the response down with back-pressure (a full buffer stops reading the other side),
// then goes back to reading — keep-alive and pipelined requests are answered in order.
// Readiness is edge-triggered: the session remembers what would block.
#include "http/gateway_response.h"
#include "net/io_buffer.h"
#include "net/slab_allocator.h"
#include "proxy/client_connection.h"
#include "proxy/exchange.h"
#include "proxy/exchange_recorder.h"
#include "proxy/exchange_start.h"
#include "proxy/proxy_worker.h"
#include "proxy/upstream_leg.h"

namespace sluice::proxy {

class HttpSession final : public net::EventHandler, public net::Timer, public UpstreamOwner {
 public:
  HttpSession(ProxyWorker& worker, int fd, std::string clientIp, uint16_t serverPort, bool tls = false);

  // TLS: the SNI callback (on this session's worker thread) picks a certificate for `serverName`.
  static bool selectCertificate(SSL* ssl, const std::string& serverName);
  ~HttpSession() override;

  // Sessions live in their worker's slab (see slab_allocator.h), apart from the per-request heap.
  static void* operator new(size_t size, net::SlabAllocator& slab) {
    (void)size;
    return slab.allocate();
  }
  static void operator delete(void* p) { net::SlabAllocator::release(p); }
  static void operator delete(void* p, net::SlabAllocator&) { net::SlabAllocator::release(p); }

  bool start();  // registers with the reactor
  void onEvents(uint32_t events) override;
  void onUpstreamEvents(uint32_t events) override;
  void onUpstreamTimeout() override;
  void drain();  // close now if idle, else after the current exchange

  // The worker's list of its sessions.
  HttpSession* prevInWorker = nullptr;
  HttpSession* nextInWorker = nullptr;

 protected:
  void onTimer() override;

 private:
  enum class State {
    ReadingHead,
    ReadingBody,  // a plugin reads the request body: all of it arrives before the plugins run
    Connecting,
    SendingRequest,
    AwaitingResponse,
    SendingResponse,
    BufferingResponse,  // a plugin edits the response body: all of it arrives before the head goes out
    SendingLocal,
    Tunnel,
    Closed
  };
  using Failure = UpstreamLeg::Failure;

  void drive();
  bool stepReadHead();
  bool stepReadBody();
  bool stepConnect();
  bool stepSendRequest();
  bool stepReadResponseHead();
  bool stepSendResponse();
  bool stepBufferResponse();
  bool stepSendLocal();
  bool stepTunnel();
  // More response body from the upstream: some arrived (the read timeout re-armed), none yet, the
  // upstream closed, or an error.
  enum class BodyRead { More, Wait, Closed, Error };
  BodyRead readResponseBody();  // after 101 Switching Protocols: bytes both ways until either side closes

  void beginExchange();
  ClientFacts clientFacts() const;
  // The route's plugins, then the upstream request (after the body, when the plugins read it).
  void forwardExchange();
  void startReadingBody(const char* headStart);
  void sendContinue();  // 100 Continue to a client that waits for it before sending its body
  void finishBufferedResponse();
  void startUpstream();  // the upstream leg starts (again); sets the state, or answers locally
  void upstreamFailed(Failure failure);
  // After the response head's filters: the head goes out now and the body is passed on (Pass), or
  // the body is collected first for the body filters (Collect); Fail: the head cannot be handled.
  enum class Relay { Pass, Collect, Fail };
  Relay buildResponseHead();
  // Into cout_ (a large buffer when it does not fit a small one); false if it does not fit at all.
  // wholeBody: the body was collected and goes with its (new) length.
  bool writeResponseHead(bool wholeBody);
  bool writeHeadInto(bool wholeBody);
  void finishExchange();
  void respondLocal(const http::GatewayResponse& response);
  void respondFromPlugin(bool unreadBody);  // the response a plugin put in the context
  // Once per exchange, when it ends (answered, failed or abandoned): exchange_recorder.h.
  void endExchange(int status) { ExchangeRecorder(worker_.settings(), worker_.metrics()).record(*x_, clientIp_, status); }
  void close();
  void releaseUpstream(bool reusable) {
    if (x_) leg_.release(*x_, reusable);
  }
  void unpin();

  // Client I/O: readClient() returns bytes read, 0 when it would block (or at EOF), < 0 on error.
  ssize_t readClient();
  bool flushClient(std::string_view body);  // writes cout_ (+ body); false on error
  void captureBody(std::string_view sent);  // a copy of body bytes sent, for a plugin that asked (proxy-cache)
  // Sends to the upstream: bytes written, kWouldBlock, or kFailed (the failure is handled).
  ssize_t sendToUpstream(const char* data, size_t size);

  ProxyWorker& worker_;
  ClientConnection client_;
  std::string clientIp_;
  uint16_t serverPort_;
  State state_ = State::ReadingHead;

  bool keepAlive_ = true;  // false once draining, or the client or a response asked to close

  net::IoBuffer cin_, cout_, uout_;
  // Borrowed from the worker while a request is in progress (see exchange.h); null when idle.
  std::unique_ptr<Exchange> x_;
  void takeExchange();
  void goIdle();  // no request bytes left: buffers and exchange go back to the worker

  // Connection-wide: how many requests it served, when it was accepted, whether its address may
  // ask for traces. Everything of one request lives in the exchange.
  UpstreamLeg leg_;
  uint64_t requestsServed_ = 0, acceptedUs_ = 0;
  bool traceAllowed_ = false;  // the client's address is in trace_clients
  std::string_view requestId() const { return x_ ? x_->id() : std::string_view(); }
};

}  // namespace sluice::proxy
