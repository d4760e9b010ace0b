#pragma once
// One HTTP/2 stream: one exchange, conducted as an HTTP/1.x session conducts its requests — the
// same router, request plugins, upstream leg (HTTP/1.1 to the upstream, a connection of the
// worker's keep-alive pool), header and body filters, recorder — with the request body arriving
// in DATA frames (its window given back as the bytes go upstream) and the response going out as
// HEADERS and DATA frames through the session's codec (the upstream read no faster than the
// client takes the body).
#include "http/gateway_response.h"
#include "http/http2_server_codec.h"
#include "proxy/exchange_start.h"
#include "proxy/upstream_h2_pool.h"
#include "proxy/upstream_leg.h"

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice::proxy {

class Http2Session;
class ProxyWorker;

class Http2Stream final : public net::EventHandler,
                          public UpstreamOwner,
                          public H2StreamOwner,
                          public plugins::Suspension,
                          public ExchangeConductor,
                          private net::Timer {
 public:
  Http2Stream(Http2Session& session, int32_t id);
  ~Http2Stream() override;

  int32_t id() const { return id_; }
  http::Http2Request& request() { return request_; }
  bool awaitingHead() const { return state_ == State::Head; }

  // From the session's codec.
  void onHead();
  void onData(std::string_view data);
  void onEnd();
  // The stream is gone (answered, reset by the client, the connection's end): whatever is in
  // progress stops and the exchange is recorded.
  void onClosed();
  ssize_t readBody(uint8_t* to, size_t max, bool& last, const http::Http2Fields*& trailers);
  void clientTookBody();  // the client's window took body bytes: read on from the upstream

  // From the reactor: the upstream connection, its timeouts, a plugin's waker. (Streams are never
  // registered for events of their own; the base lets the reactor delete them after a batch.)
  void onEvents(uint32_t) override {}
  void onUpstreamEvents(uint32_t events) override;
  void onUpstreamTimeout() override;
  Waker suspend() override;
  void resumeExchange() override;

  // A gRPC call's stream on an upstream HTTP/2 connection (H2StreamOwner).
  void onUpstreamHead(bool endStream) override;
  void onUpstreamData(std::string_view data) override;
  void onUpstreamEnd() override;
  void onUpstreamFailed(uint32_t errorCode, bool connected) override;
  ssize_t readUpstreamBody(uint8_t* to, size_t max, bool& last) override;
  void afterUpstreamEvents() override;

 private:
  enum class State : uint8_t {
    Head,               // HEADERS not complete yet
    ReadingBody,        // a plugin reads the request body: all of it arrives first
    AwaitingPlugin,
    SendingRequest,
    AwaitingResponse,
    PassingResponse,
    CollectingResponse,  // a body filter edits the response: all of it arrives first
    GrpcCall,            // a gRPC call is on an upstream HTTP/2 stream (its answer comes from there)
    Answered,            // the response is with the codec (its body in down_)
    Finished,            // the exchange is recorded
  };

  void drive();
  void buildRequestHead();
  void forward();
  void afterRequestPlugins(plugins::PhaseResult result);
  void startUpstream();
  void startGrpcCall();
  void leaveGrpcCall();  // the upstream stream is dropped (the call ended, or its client left)
  // A gRPC call's clock: the service's read_timeout between upstream reads, and the call's own
  // deadline (grpc-timeout) over all of it; onTimer ends the call when either runs out.
  void armCallTimer();
  void onTimer() override;
  void upstreamFailed(UpstreamLeg::Failure failure);
  bool stepSend();
  bool stepReadHead();
  bool stepPass();
  bool stepCollect();
  enum class BodyRead { More, Wait, Closed, Error };
  BodyRead readUpstream();
  // The response head as fields for HEADERS (the same fields HTTP/1.x would carry, lower-cased).
  bool submitUpstreamHead(bool wholeBody);
  void responseFields(bool wholeBody);  // x.response's fields as they go to the client, into fields_
  void respondLocal(const http::GatewayResponse& response, std::shared_ptr<const std::string> body = nullptr);
  void respondPluginAnswer();
  void submit(int status, bool withBody);
  void resetStream(uint32_t errorCode);
  void finishExchange(bool reusable, int status);
  void appendRequestBody(std::string_view data);

  Http2Session& session_;
  ProxyWorker& worker_;
  int32_t id_;
  http::Http2Request request_;
  std::string cookie_;  // the request's cookie crumbs joined, as HTTP/1.1 carries them
  ClientFacts facts_;
  std::unique_ptr<Exchange> exchange_;
  UpstreamLeg leg_;
  State state_ = State::Head;
  bool closed_ = false;      // the codec closed the stream
  // The request body on its way up (chunk-framed when the client gave no length) and the DATA
  // bytes in it whose window goes back to the client once they are sent.
  std::string up_;
  size_t upSent_ = 0, upWindow_ = 0;
  // The response body on its way down, and whether its end is in.
  std::string down_;
  size_t downSent_ = 0;
  bool downDone_ = false, bodyDeferred_ = false;
  std::vector<std::pair<std::string, std::string>> fields_;  // the response head being submitted
  // A gRPC call: its upstream stream, the response as it arrives, and the trailers to pass on.
  UpstreamH2Connection* grpcUp_ = nullptr;
  int32_t grpcStream_ = -1;
  http::Http2Response grpcResponse_;
  bool grpcBodySent_ = false;
  uint64_t grpcDeadlineUs_ = 0;      // (0: the call has no deadline)
  bool grpcDeadlineArmed_ = false;   // the timer runs to the deadline, not to a read timeout
};

}  // namespace sluice::proxy
