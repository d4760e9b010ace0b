#include "proxy/exchange_recorder.h"

#include "core/clock.h"
#include "observe/request_record.h"

namespace sluice::proxy {

void ExchangeRecorder::record(Exchange& x, std::string_view clientIp, int status) {
  if (!x.pin) return;  // never began (a head that did not parse), or ended (unpinned right after)
  const uint64_t now = core::monotonicMicros();
  plugins::RequestContext& ctx = x.ctx;
  observe::RequestRecord r;
  r.route = x.route ? x.route->metricsId : 0;
  if (x.ctx.consumer && settings_.observeConsumers) r.consumer = x.ctx.consumer->metricsId;
  r.target = x.targetMetricsId;
  r.status = status;
  r.bytesIn = x.head.headBytes + x.requestBodySeen();
  r.bytesOut = ctx.bytesSent;
  r.totalUs = now - x.startUs;
  if (x.connectStartUs && x.connectedUs >= x.connectStartUs) r.connectUs = static_cast<int64_t>(x.connectedUs - x.connectStartUs);
  const uint64_t sent = ctx.sentUpstreamUs;
  const uint64_t beforeUpstream = (sent ? sent : now) - x.startUs;
  r.gatewayUs = beforeUpstream - std::min<uint64_t>(beforeUpstream, r.connectUs > 0 ? static_cast<uint64_t>(r.connectUs) : 0);
  if (sent && ctx.firstByteUs >= sent) {
    r.ttfbUs = static_cast<int64_t>(ctx.firstByteUs - sent);
    r.transferUs = now - ctx.firstByteUs;
  }
  const plugins::PluginChain* chain = x.chain;
  x.chain = nullptr;  // the log phase runs once per exchange
  if (chain && (chain->phases & plugins::phaseBit(plugins::Phase::Log)) && !x.resolved.empty()) {
    ctx.status = status;
    ctx.finishedUs = now;
    ctx.bytesReceived = r.bytesIn;
    ctx.request = nullptr;  // the head's bytes are gone by now
    plugins::runLog(*chain, ctx, x.resolved, x.timings, now);
  }
  const ProxySettings& settings = settings_;
  if (settings.accessLog) {
    observe::AccessEntry e;
    e.clientIp = clientIp;
    e.method = x.method;
    e.target = x.target;
    e.userAgent = x.userAgent;
    e.referer = x.referer;
    e.requestId = x.id();
    if (x.route) e.route = x.route->name.empty() ? std::string_view(x.route->id) : std::string_view(x.route->name);
    if (x.service) e.service = x.service->name.empty() ? std::string_view(x.service->host) : std::string_view(x.service->name);
    e.protocol = x.protocol;
    e.status = status;
    e.bytesIn = r.bytesIn;
    e.bytesOut = r.bytesOut;
    e.totalUs = r.totalUs;
    e.upstreamUs = r.ttfbUs;
    settings.accessLog->write(e);
  }
  if (!settings.observe) return;
  r.timings = x.timings;  // the log phase's included
  metrics_.record(r);
  const int64_t minute = static_cast<int64_t>(now / 60000000);
  if (x.forceTrace || metrics_.slowEnoughToTrace(r.route, r.totalUs, minute, settings.traceSlowest)) keepTrace(x, clientIp, r, minute);
}

void ExchangeRecorder::keepTrace(const Exchange& x, std::string_view clientIp, const observe::RequestRecord& r,
                                 int64_t minute) {
  observe::TraceInput t;
  t.times = x.times;
  t.times.connected = x.connectedUs;
  t.times.requestSent = x.ctx.sentUpstreamUs;
  t.times.firstByte = x.ctx.firstByteUs;
  t.times.lastByte = x.startUs + r.totalUs;
  t.times.logged = core::monotonicMicros();
  t.take(r);
  t.startedAtMs = core::unixMillis() - static_cast<int64_t>((t.times.logged - x.startUs) / 1000);
  t.requestId.assign(x.id());
  t.method = x.method;
  t.path = x.target;
  t.host = x.host;
  t.clientTls = x.clientTls;
  t.clientIp.assign(clientIp);
  if (x.peer) t.peer = x.peer->text;
  t.forced = x.forceTrace;
  t.tls = x.service && x.service->tls;
  metrics_.addTrace(minute, std::move(t));
}

}  // namespace sluice::proxy
