#pragma once
// What a plugin sees of one request and what it may change: the request head (readable during
// rewrite and access only: its bytes live in the connection's buffer), the route and service,
// the authenticated consumer, edits to the upstream request, headers to add to the response, and
// a local response. One context lives in each exchange and is reset per request; its vectors
// keep their capacity, so a warm connection does not allocate for plugins.
#include "http/header_edits.h"
#include "http/request_parser.h"
#include "http/response_parser.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::snapshot {
struct ConfigSnapshot;
struct RouteRuntime;
struct ServiceRuntime;
struct ConsumerRuntime;
}  // namespace sluice::snapshot

namespace sluice::plugins {

using http::HeaderEdit;
using http::HeaderEdits;
using http::NameList;
using http::ReusedList;

enum class PhaseResult : uint8_t {
  Continue,
  Respond,  // ctx.local holds the response; the upstream is not contacted
  Suspend,  // the plugin waits for work done off the reactor (see Suspension)
};

struct RequestContext;

// How a plugin waits without blocking its reactor (ldap-auth's bind): in rewrite or access it takes
// a waker from `ctx.suspension->suspend()`, hands its work and the waker to threads of its own,
// sets `ctx.resume` and returns Suspend. The request's bytes stay where they are and nothing else
// happens to it until the waker is called (once, from any thread): then, on the request's reactor,
// `ctx.resume(ctx)` finishes the phase (Continue or Respond, or Suspend again) and the chain goes
// on with the next plugin. A waker called after the client left does nothing.
class Suspension {
 public:
  using Waker = std::function<void()>;
  virtual Waker suspend() = 0;

 protected:
  ~Suspension() = default;
};

// A response made by a plugin (Kong's kong.response.exit): a JSON {"message": ...} body unless
// `body` is set.
struct LocalResponse {
  int status = 0;
  std::string message;
  std::string body;         // raw body (with contentType)
  std::string contentType;  // for `body`
  HeaderEdits headers;
  // A body kept in memory elsewhere (a cached response), sent without a copy; its headers
  // (Content-Type included) are in `headers`.
  std::shared_ptr<const std::string> sharedBody;
  void clear() {
    status = 0;
    message.clear();
    body.clear();
    contentType.clear();
    headers.clear();
    sharedBody.reset();
  }
};

// A copy of the response body as it streams to the client, for a plugin that asked in
// header_filter (proxy-cache stores it): the exchange fills it, the log phase reads it.
struct BodyCapture {
  bool active = false;
  uint64_t limit = 0;  // stop capturing past this size
  std::string body;
  void clear() {
    active = false;
    limit = 0;
    body.clear();
  }
};

// Per-request state a plugin keeps between its phases, of a type of its own (proxy-cache's key and
// the headers it will store, the log plugins' captured request): `ctx.pluginSlots.get<T>()`. The context
// knows none of these types. A slot is made the first time an exchange's context asks for it and
// kept, cleared between requests (T::clear()), so that a warm connection allocates nothing.
class PluginSlots {
 public:
  template <class T>
  T& get() {
    if (T* found = lookup<T>()) return *found;
    slots_.push_back(Slot{&kTag<T>, Owned(new T(), [](void* p) { delete static_cast<T*>(p); }),
                          [](void* p) { static_cast<T*>(p)->clear(); }});
    return *static_cast<T*>(slots_.back().object.get());
  }
  // Null when no phase of this request asked for it.
  template <class T>
  const T* find() const {
    return const_cast<PluginSlots*>(this)->lookup<T>();
  }
  void clear() {
    for (Slot& s : slots_) s.clear(s.object.get());
  }

 private:
  template <class T>
  static constexpr char kTag = 0;  // one address per type: its identity
  using Owned = std::unique_ptr<void, void (*)(void*)>;
  struct Slot {
    const void* type;
    Owned object;
    void (*clear)(void*);
  };
  template <class T>
  T* lookup() {
    for (Slot& s : slots_)
      if (s.type == &kTag<T>) return static_cast<T*>(s.object.get());
    return nullptr;
  }
  std::vector<Slot> slots_;
};

struct RequestContext {
  // --- the request (rewrite/access)
  const http::RequestHead* request = nullptr;
  std::string_view path;  // normalised path
  std::string_view clientIp;
  std::string_view requestId;  // X-Sluice-Request-Id (empty when that header is off)
  bool https = false;
  uint64_t startedUs = 0;
  const snapshot::ConfigSnapshot* snapshot = nullptr;
  const snapshot::RouteRuntime* route = nullptr;      // null: no route matched
  const snapshot::ServiceRuntime* service = nullptr;  // null: no route, or a route without service

  // --- authentication (set by auth plugins, read by later ones)
  const snapshot::ConsumerRuntime* consumer = nullptr;
  size_t consumerIndex = 0;          // its index in the snapshot's consumers, when set
  std::string credentialId;          // the credential entity's id
  std::string credentialIdentifier;  // key-auth: the credential id; basic-auth: the username; jwt: the key
  bool anonymous = false;            // consumer is the configured anonymous consumer

  // --- edits to the upstream request
  NameList removeHeaders;   // names, any case
  HeaderEdits setHeaders;   // replace any header of that name (append = true: sent beside it)
  std::string method;       // the method to send instead of the client's (empty: the same)
  bool pathRewritten = false;
  std::string upstreamPath; // the path to send instead (when pathRewritten), without query
  bool queryRewritten = false;
  std::string query;                       // the new query string (without '?') when queryRewritten

  // The whole request body (de-chunked) when a plugin of the chain reads it (readsRequestBody),
  // else null. Plugins may edit it: what it holds after access goes upstream, with its length.
  std::string* requestBody = nullptr;

  // A request body limit set by a plugin (0: none), enforced while a chunked body streams.
  uint64_t bodyLimit = 0;
  std::string_view bodyLimitMessage;

  // --- the response
  HeaderEdits responseHeaders;  // added to the response, whoever makes it
  const http::ResponseHead* response = nullptr;  // header_filter: the upstream's head
  NameList removeResponseHeaders;  // header_filter edits
  bool bufferResponse = false;  // header_filter: collect the body and run body_filter on it
  int status = 0;                                  // the status sent (log phase)
  uint64_t bytesSent = 0;                          // bytes written to the client
  uint64_t bytesReceived = 0;                      // request head and body bytes read (log phase)

  // --- the balancer's tries (tracing): when each began and ended (monotonic µs; an end of 0: the
  // response's), its peer ("10.0.0.1:8080", the snapshot's text) and the status a failed one gave
  struct BalancerTry {
    uint64_t startUs = 0, endUs = 0;
    std::string_view peer;
    int failedStatus = 0;
  };
  std::vector<BalancerTry> balancerTries;

  // --- waiting without blocking (see Suspension): provided by the exchange; the continuation of
  // the plugin that suspended
  Suspension* suspension = nullptr;
  std::function<PhaseResult(RequestContext&)> resume;

  // --- for the log phase: times (monotonic µs; 0: did not happen) and captured text
  int64_t startedAtMs = 0;     // wall clock, for logs
  uint64_t sentUpstreamUs = 0, firstByteUs = 0, finishedUs = 0;
  std::string upstreamUri;
  LocalResponse local;
  BodyCapture capture;
  PluginSlots pluginSlots;  // each plugin's own state between its phases

  void reset() {
    request = nullptr;
    path = {};
    clientIp = {};
    requestId = {};
    https = false;
    startedUs = 0;
    snapshot = nullptr;
    route = nullptr;
    service = nullptr;
    consumer = nullptr;
    consumerIndex = 0;
    credentialId.clear();
    credentialIdentifier.clear();
    anonymous = false;
    removeHeaders.clear();
    setHeaders.clear();
    method.clear();
    pathRewritten = false;
    upstreamPath.clear();
    queryRewritten = false;
    query.clear();
    requestBody = nullptr;
    bodyLimit = 0;
    bodyLimitMessage = {};
    responseHeaders.clear();
    response = nullptr;
    removeResponseHeaders.clear();
    bufferResponse = false;
    status = 0;
    bytesSent = 0;
    bytesReceived = 0;
    startedAtMs = 0;
    sentUpstreamUs = firstByteUs = finishedUs = 0;
    balancerTries.clear();
    suspension = nullptr;
    resume = nullptr;
    upstreamUri.clear();
    local.clear();
    capture.clear();
    pluginSlots.clear();
  }
  // Short-circuits with Kong's JSON message body.
  void respond(int statusCode, std::string_view messageText) {
    local.status = statusCode;
    local.message.assign(messageText);
  }
  std::string_view header(std::string_view name) const {
    return request ? http::findHeader(request->headers, name) : std::string_view();
  }
};

// Kong's three latencies of a finished request, in µs: `kong` is the gateway's own time (until the
// request went upstream, or all of it for a local response), `upstream` the wait for the upstream's
// response head (-1 when there was none), `request` the whole exchange.
struct RequestLatencies {
  int64_t kongUs = 0, upstreamUs = -1, requestUs = 0;
};
RequestLatencies latencies(const RequestContext& ctx);

}  // namespace sluice::plugins
