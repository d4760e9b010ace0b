#include "proxy/exchange_start.h"

#include "core/clock.h"
#include "http/grpc_status.h"
#include "http/request_head_writer.h"
#include "proxy/balancer.h"
#include "proxy/proxy_worker.h"
#include "proxy/upstream_path.h"
#include "router/path_normalizer.h"

#include <algorithm>

namespace sluice::proxy {
namespace {

std::string_view headerLookup(const void* ctx, std::string_view name) {
  return http::findHeader(*static_cast<const http::Headers*>(ctx), name);
}

}  // namespace

void openExchange(ProxyWorker& worker, Exchange& x, const ClientFacts& client) {
  const ProxySettings& settings = worker.settings();
  worker.counters().requests.fetch_add(1, std::memory_order_relaxed);
  x.startUs = worker.nowMicros();
  x.isHead = x.head.method == "HEAD";
  x.httpMinor = x.head.versionMinor;
  x.protocol = http::protocolName(x.head);
  x.anyResponseByte = false;
  x.tries = 0;
  x.upstreamHeadSent = x.bufferedBodySent = 0;
  x.requestBodyPending = 0;
  x.requestIdLength = 0;
  if (settings.requestIdHeader) {
    const std::string_view id = worker.nextRequestId();
    x.requestIdLength = static_cast<uint8_t>(std::min(id.size(), sizeof x.requestId));
    std::copy_n(id.data(), x.requestIdLength, x.requestId);
  }
  x.ctx.reset();
  x.resolved.clear();
  x.timings.clear();
  x.chain = nullptr;
  x.route = nullptr;
  x.service = nullptr;
  x.bodyBuffered = false;
  x.connectStartUs = x.connectedUs = 0;
  x.peer = nullptr;
  x.targetMetricsId = 0;
  const bool accessLog = settings.accessLog != nullptr;
  if (settings.observe || accessLog) {
    x.method.assign(x.head.method);
    x.target.assign(x.head.target);
  }
  if (accessLog) {
    x.userAgent.assign(http::findHeader(x.head.headers, "user-agent"));
    x.referer.assign(http::findHeader(x.head.headers, "referer"));
  }
  if (settings.observe) {
    x.times = observe::TraceTimes{};
    x.host.assign(x.head.host);  // a trace says where the request went (the manager explains it again)
    x.clientTls = client.https;
    x.times.parsed = x.startUs;
    if (client.firstRequest) x.times.accepted = client.acceptedUs;
    x.forceTrace = client.traceAllowed && http::findHeader(x.head.headers, "x-sluice-trace") == "1";
  }
  x.pin = worker.pinSnapshot();
}

Routed routeExchange(ProxyWorker& worker, Exchange& x, const ClientFacts& client, http::GatewayResponse& answer) {
  const snapshot::ConfigSnapshot& snap = *x.pin->snapshot;
  const bool hasBody = x.head.framing != http::BodyFraming::None;
  std::string_view path = x.head.path;
  std::string& normalized = worker.scratch(0);
  if (!router::isNormalPath(path)) {
    if (!router::normalizePath(path, normalized)) {
      answer = http::GatewayResponse{400, {}, {}, true, false};
      return Routed::Respond;
    }
    path = normalized;
  }
  router::MatchInput in;
  in.method = x.head.method;
  in.host = x.head.host;
  in.path = path;
  in.protocol = client.https ? router::kHttps : router::kHttp;
  in.sni = client.sni;
  in.headerContext = &x.head.headers;
  in.header = headerLookup;
  const router::MatchResult match = snap.router.match(in);
  if (worker.settings().observe) x.times.routed = worker.nowMicros();
  if (!match.matched) {
    answer = http::GatewayResponse{404, "no Route matched with those values", {}, hasBody, false};
    return Routed::Respond;
  }
  const snapshot::RouteRuntime& route = snap.routes[match.index];
  if (match.protocolMismatch) {
    if (route.httpsRedirectStatus == 426) {
      answer = http::GatewayResponse{426, {}, "Connection: Upgrade\r\nUpgrade: TLS/1.2, HTTP/1.1\r\n", hasBody, false};
    } else {
      std::string& location = worker.scratch(1);
      location = "Location: https://" + std::string(http::hostWithoutPort(x.head.host)) + std::string(x.head.target) + "\r\n";
      answer = http::GatewayResponse{route.httpsRedirectStatus, {}, location, hasBody, true};
    }
    return Routed::Respond;
  }
  // Kong's checks of a gRPC route (runloop/handler.lua): a gRPC request, in HTTP/2, over TLS for grpcs.
  if (route.grpc || route.grpcs) {
    if (!http::isGrpcContentType(http::findHeader(x.head.headers, "content-type"))) {
      answer = http::GatewayResponse{415, "Non-gRPC request matched gRPC route", {}, hasBody, false};
      return Routed::Respond;
    }
    if (x.head.versionMajor != 2) {
      answer = http::GatewayResponse{426, "Please use HTTP2 protocol", "Connection: Upgrade\r\nUpgrade: HTTP/2\r\n", hasBody, false};
      return Routed::Respond;
    }
    if (!route.grpc && !client.https) {
      answer = http::GatewayResponse{200, {}, "Content-Type: application/grpc\r\ngrpc-status: 1\r\ngrpc-message: gRPC request matched gRPCs route\r\n",
                                     hasBody, true};
      return Routed::Respond;
    }
  }
  // Kong leaves the routes of a disabled service out of its router; a route without a service still
  // runs its plugins and is answered 503 after them.
  if (route.service >= 0 && !snap.services[static_cast<size_t>(route.service)].enabled) {
    answer = http::GatewayResponse{404, "no Route matched with those values", {}, hasBody, false};
    return Routed::Respond;
  }
  x.service = route.service >= 0 ? &snap.services[static_cast<size_t>(route.service)] : nullptr;
  const uint64_t maxBody = worker.settings().clientMaxBodySize;
  if (maxBody && x.head.framing == http::BodyFraming::ContentLength && x.head.contentLength > maxBody) {
    answer = http::GatewayResponse{413, {}, {}, true, false};
    return Routed::Respond;
  }
  x.route = &route;
  x.path = path;
  x.matchedPathLength = match.matchedPathLength;
  if (snap.chains[route.chain].readsRequestBody) {
    x.body.clear();
    x.bodyBuffered = true;  // plugins get the body, empty when there is none
    if (hasBody) return Routed::ReadBodyFirst;
  }
  return Routed::Forward;
}

namespace {

// The request's protocol as plugins' `protocols` fields name it: grpc or grpcs on a gRPC route.
uint8_t pluginProtocol(const Exchange& x, const ClientFacts& client) {
  if (x.route && (x.route->grpc || x.route->grpcs)) return client.https ? router::kGrpcs : router::kGrpc;
  return client.https ? router::kHttps : router::kHttp;
}

}  // namespace

plugins::PhaseResult runRequestPlugins(ProxyWorker& worker, Exchange& x, const ClientFacts& client,
                                       plugins::Suspension& suspension) {
  const snapshot::ConfigSnapshot& snap = *x.pin->snapshot;
  x.chain = &snap.chains[x.route->chain];
  if (x.chain->empty()) return plugins::PhaseResult::Continue;
  plugins::RequestContext& ctx = x.ctx;
  ctx.request = &x.head;
  ctx.path = x.path;
  ctx.clientIp = client.clientIp;
  ctx.requestId = x.id();
  ctx.https = client.https;
  ctx.startedUs = x.startUs;
  ctx.snapshot = &snap;
  ctx.route = x.route;
  ctx.service = x.service;
  ctx.suspension = &suspension;
  if (x.bodyBuffered) ctx.requestBody = &x.body;
  if (x.chain->phases & plugins::phaseBit(plugins::Phase::Log)) ctx.startedAtMs = worker.wallMillis(x.startUs);
  const uint64_t now = worker.nowMicros();
  if (worker.settings().observe) x.times.pluginsStart = now;
  return plugins::runRequestPhases(*x.chain, ctx, x.resolved, x.timings, pluginProtocol(x, client), x.cursor, now);
}

plugins::PhaseResult resumeRequestPlugins(Exchange& x, const ClientFacts& client) {
  return plugins::resumeRequestPhases(*x.chain, x.ctx, x.resolved, x.timings,
                                      pluginProtocol(x, client), x.cursor);
}

plugins::Suspension::Waker makeWaker(Exchange& x, ExchangeConductor& conductor, net::Reactor& reactor) {
  auto ticket = std::make_shared<WakeTicket>();  // new each time: an old waker must not find this wait
  ticket->conductor = &conductor;
  x.waking = ticket;
  return [reactor = reactor.handle(), ticket] {
    reactor->post([ticket] {
      if (ExchangeConductor* conductor = ticket->conductor) conductor->resumeExchange();
    });
  };
}

void forgetWaker(Exchange& x) {
  if (x.waking) x.waking->conductor = nullptr, x.waking.reset();
}

http::PassedResponse passedResponse(const ProxyWorker& worker, Exchange& x, std::string_view via, bool wholeBody) {
  http::PassedResponse passed;
  passed.wholeBody = wholeBody;
  passed.changes = {&x.ctx.responseHeaders, &x.ctx.removeResponseHeaders};
  passed.via = via;
  if (worker.settings().latencyTokens) {
    passed.upstreamLatencyMs = static_cast<int64_t>((worker.nowMicros() - x.sentUs) / 1000);
    passed.proxyLatencyMs = static_cast<int64_t>((x.sentUs - x.startUs) / 1000);
  }
  passed.requestId = x.id();
  return passed;
}

const std::string& upstreamTarget(ProxyWorker& worker, Exchange& x, std::string_view& strippedPrefix) {
  const snapshot::RouteRuntime& route = *x.route;
  const snapshot::ServiceRuntime& service = *x.service;
  // Upstream path: strip the matched prefix, join with the service path (path_handling).
  const std::string_view path = x.path;
  std::string_view rest = path;
  std::string_view prefix;
  if (route.stripPath && x.matchedPathLength > 0) {
    prefix = path.substr(0, x.matchedPathLength);
    rest = path.substr(x.matchedPathLength);
  }
  std::string& upstreamPath = worker.scratch(1);
  if (x.ctx.pathRewritten) upstreamPath = x.ctx.upstreamPath;  // a plugin chose the whole path
  else joinUpstreamPath(service.path, rest, route.pathHandlingV1, upstreamPath);
  const std::string_view query = x.ctx.queryRewritten ? std::string_view(x.ctx.query) : x.head.query;
  if (!query.empty()) {
    upstreamPath.push_back('?');
    upstreamPath.append(query);
  }
  if (x.chain->phases & plugins::phaseBit(plugins::Phase::Log)) x.ctx.upstreamUri = upstreamPath;
  strippedPrefix = prefix.size() > 1 ? prefix : std::string_view();
  return upstreamPath;
}

bool writeUpstreamRequest(ProxyWorker& worker, Exchange& x, const ClientFacts& client, net::IoBuffer& out) {
  const snapshot::RouteRuntime& route = *x.route;
  const snapshot::ServiceRuntime& service = *x.service;
  std::string_view prefix;
  const std::string& upstreamPath = upstreamTarget(worker, x, prefix);
  http::ForwardedRequest info;
  info.clientIp = client.clientIp;
  info.serverPort = client.serverPort;
  info.https = client.https;
  info.upstreamPath = upstreamPath;
  info.host = route.preserveHost ? x.head.host : std::string_view(service.hostHeader);
  info.requestId = x.id();
  info.forwardedPrefix = prefix;
  info.chunkedBody = x.head.framing == http::BodyFraming::Chunked && !x.bodyBuffered;
  if (x.bodyBuffered && (!x.body.empty() || x.head.framing != http::BodyFraming::None))
    info.bufferedBodyLength = static_cast<int64_t>(x.body.size());
  info.upgrade = x.head.upgrade;
  info.method = x.ctx.method;
  info.changes = {&x.ctx.setHeaders, &x.ctx.removeHeaders};
  prepareBalancing(x, client);
  worker.clientBuffers().acquire(out);
  out.clear();
  if (http::writeForwardedRequestHead(out, x.head, info)) return true;
  out.clear();
  return worker.growToLarge(out) && http::writeForwardedRequestHead(out, x.head, info);
}

void prepareBalancing(Exchange& x, const ClientFacts& client) {
  const snapshot::ServiceRuntime& service = *x.service;
  x.hashKey.clear();
  x.triedTargets.clear();
  x.targetIndex = -1;
  if (service.upstream >= 0) {
    BalanceInput balance;
    balance.clientIp = client.clientIp;
    balance.path = x.path;
    balance.query = x.head.query;
    if (x.ctx.consumer) balance.consumerId = x.ctx.consumer->id;
    balance.headerContext = &x.head.headers;
    balance.header = headerLookup;
    x.hashKey = requestHashKey(x.pin->snapshot->upstreams[static_cast<size_t>(service.upstream)], balance);
  }
}

}  // namespace sluice::proxy
