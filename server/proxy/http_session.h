#pragma once
// One client connection on one reactor, for its whole life: the conductor of its exchanges. It
// reads a request head (the exchange's codec), routes it, runs the request plugins, and hands the
// work to its parts — request relay (body up), upstream leg (peer, connection, retries, timeouts),
// response relay (head and body down), local answers — acting on what each step reports (step.h).
// Keep-alive and pipelined requests are answered in order; readiness is edge-triggered.
#include "net/slab_allocator.h"
#include "proxy/client_session.h"
#include "proxy/downstream.h"
#include "proxy/exchange_start.h"
#include "proxy/proxy_worker.h"
#include "proxy/request_relay.h"
#include "proxy/response_relay.h"

namespace sluice::proxy {

class HttpSession final : public ClientSession, public net::Timer, public UpstreamOwner, public plugins::Suspension,
                          public ExchangeConductor {
 public:
  HttpSession(ProxyWorker& worker, int fd, std::string clientIp, const ListenerTraits& listener);

  // Sessions live in their worker's slab (see slab_allocator.h), apart from the per-request heap.
  static void* operator new(size_t, net::SlabAllocator& slab) { return slab.allocate(); }
  static void operator delete(void* p) { net::SlabAllocator::release(p); }
  static void operator delete(void* p, net::SlabAllocator&) { net::SlabAllocator::release(p); }

  bool start();  // registers with the reactor
  void onEvents(uint32_t events) override;
  void onUpstreamEvents(uint32_t events) override;
  void onUpstreamTimeout() override;
  // Closes now if idle (or, lingering, once idle for kDrainLingerMs), else after the current exchange.
  void drain(bool lingerIdle) override;
  static constexpr uint64_t kDrainLingerMs = 1000;
  Waker suspend() override;  // a plugin of the current exchange waits (plugins::Suspension)
  void resumeExchange() override;  // the waiting plugin was woken: the rest of the plugins, then upstream

 private:
  void onTimer() override;  // the client's timeouts: idle keep-alive, slow head, slow body, slow reader
  enum class State : uint8_t {
    ReadingHead,
    ReadingBody,  // a plugin reads the request body: all of it arrives before the plugins run
    AwaitingPlugin,  // a request plugin waits for work off the reactor; its waker resumes the exchange
    SendingRequest,  // (connecting first, when the connection is new)
    AwaitingResponse,
    PassingResponse,
    CollectingResponse,  // a plugin edits the response body: all of it arrives before the head goes out
    Tunnel,              // after 101 Switching Protocols
    SendingLocal,        // the gateway's own answer (or a plugin's, or a collected response)
    Closed
  };
  // How a response body goes on, by the response relay's mode (Pass, Collect, Tunnel).
  static constexpr State kRelayStates[] = {State::PassingResponse, State::CollectingResponse, State::Tunnel};
  State relayState() const { return kRelayStates[static_cast<size_t>(response_.mode())]; }

  void drive();
  // Acts on a part's step; Done runs `onDone`. True: step again.
  template <class OnDone>
  bool follow(const Step& step, OnDone onDone);
  bool stepReadHead();
  // HTTP/2 negotiated in TLS, or its preface on a listener that takes h2c: the connection goes to
  // an Http2Session. NeedMore: the first bytes could still be the preface.
  enum class Protocol { Http1, Http2, NeedMore };
  Protocol protocolOfConnection() const;
  void handOverToHttp2();
  void beginExchange();
  void forwardExchange();  // the route's plugins, then the upstream request
  void afterRequestPlugins(plugins::PhaseResult result);
  void startUpstream();    // the upstream leg starts (again): SendingRequest, or an answer
  void upstreamFailed(UpstreamLeg::Failure failure);
  // The gateway's own answer, or a plugin's (with a body from memory): the exchange ends with it.
  void respondLocal(http::GatewayResponse response, std::shared_ptr<const std::string> body = nullptr);
  // Once per exchange (answered, failed or abandoned): the upstream released, the exchange
  // recorded (exchange_recorder.h), the snapshot unpinned.
  void endExchange(bool reusable, int status);
  // The exchange is answered: it ends, and the connection goes on to the next head or closes.
  void completeExchange(int status);
  void close();
  void goIdle();  // no request bytes left: buffer and exchange go back to the worker

  ProxyWorker& worker_;
  Downstream client_;
  UpstreamLeg leg_;
  RequestRelay request_;
  ResponseRelay response_;
  std::unique_ptr<Exchange> exchange_;  // null when idle
  State state_ = State::ReadingHead;
  bool keepAlive_ = true;  // false once draining, or the client or a response asked to close
  // Connection-wide: the client's address, what its exchanges learn of it (exchange_start.h), how
  // many requests it served. Everything of one request lives in the exchange.
  std::string clientIp_;
  ClientFacts facts_;
  uint64_t requestsServed_ = 0;
  bool http2Allowed_ = false;  // the listener's http2 flag
};

}  // namespace sluice::proxy
