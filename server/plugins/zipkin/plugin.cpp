#include "plugins/zipkin/plugin.h"

#include "core/clock.h"
#include "plugins/config_values.h"
#include "plugins/encodings.h"
#include "plugins/logging/http_sender.h"
#include "plugins/logging/log_plugin.h"
#include "plugins/zipkin/trace_headers.h"
#include "snapshot/config_snapshot.h"

#include <openssl/rand.h>

#include <chrono>

namespace sluice::plugins {
namespace {

using nlohmann::json;

// What access decided, for the log phase.
struct ZipkinTrace {
  bool started = false, sample = false;
  std::string headerType, traceId, requestSpanId, requestParentId, proxySpanId;
  std::string method, host, path, protocol;  // (the request's bytes are gone by the log phase)
  uint64_t accessStartUs = 0;
  std::vector<std::pair<std::string, std::string>> tags;  // the request span's own (static, Zipkin-Tags)
  std::vector<std::pair<std::string, std::string>> baggage;
  void clear() {
    started = sample = false;
    headerType.clear();
    traceId.clear();
    requestSpanId.clear();
    requestParentId.clear();
    proxySpanId.clear();
    method.clear();
    host.clear();
    path.clear();
    protocol.clear();
    accessStartUs = 0;
    tags.clear();
    baggage.clear();
  }
};

// Kong's request_tags: "name=value;name2=value2", names without spaces, values trimmed.
void parseRequestTags(std::string_view header, std::vector<std::pair<std::string, std::string>>& tags) {
  while (!header.empty()) {
    const size_t semi = header.find(';');
    std::string_view item = http::trimOws(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    const size_t eq = item.find('=');
    if (item.empty() || eq == std::string_view::npos) continue;
    const std::string_view name = http::trimOws(item.substr(0, eq)), value = http::trimOws(item.substr(eq + 1));
    if (name.empty() || value.empty() || name.find_first_of(" \t") != std::string_view::npos) continue;
    tags.emplace_back(name, value);
  }
}

// "10.0.0.1:8080" or "[::1]:80" as Zipkin's endpoint fields.
void peerEndpoint(std::string_view peer, json& endpoint) {
  const size_t colon = peer.rfind(':');
  if (colon == std::string_view::npos) return;
  std::string ip(peer.substr(0, colon));
  if (ip.size() > 1 && ip.front() == '[') ip = ip.substr(1, ip.size() - 2);
  endpoint[ip.find(':') != std::string::npos ? "ipv6" : "ipv4"] = ip;
  try {
    endpoint["port"] = std::stoi(std::string(peer.substr(colon + 1)));
  } catch (const std::exception&) {
  }
}

class ZipkinPlugin final : public Plugin {
 public:
  ZipkinPlugin(const json& config, std::shared_ptr<observe::LogSink> sink) : sink_(std::move(sink)) {
    localServiceName_ = optionalString(config, "local_service_name");
    defaultServiceName_ = optionalString(config, "default_service_name");
    sampleRatio_ = config.value("sample_ratio", 0.001);
    includeCredential_ = config.value("include_credential", true);
    traceIdBytes_ = static_cast<size_t>(config.value("traceid_byte_count", 16));
    headerType_ = optionalString(config, "header_type");
    defaultHeaderType_ = optionalString(config, "default_header_type");
    tagsHeader_ = optionalString(config, "tags_header");
    if (config.contains("static_tags") && config["static_tags"].is_array())
      for (const auto& tag : config["static_tags"]) staticTags_.emplace_back(tag.value("name", ""), tag.value("value", ""));
  }

  uint8_t phases() const override { return phaseBit(Phase::Access) | phaseBit(Phase::Log); }

  PhaseResult access(RequestContext& ctx) const override {
    ZipkinTrace& trace = start(ctx);
    trace.accessStartUs = core::monotonicMicros();
    OutgoingSpan span{trace.traceId, trace.proxySpanId, trace.requestSpanId, trace.sample, {}, &trace.baggage};
    if (const std::string_view flags = ctx.header("x-b3-flags"); !flags.empty()) span.b3Flags = flags;
    for (auto& [name, value] : traceHeadersFor(span, headerType_, trace.headerType, defaultHeaderType_)) ctx.setHeaders.add(name, value);
    return PhaseResult::Continue;
  }

  // A request answered before access (or by a plugin before this one) is traced too.
  void requestAnswered(RequestContext& ctx) const override { start(ctx); }

  void log(const RequestContext& ctx) const override {
    const ZipkinTrace* trace = ctx.pluginSlots.find<ZipkinTrace>();
    if (!trace || !trace->started || !trace->sample || !sink_) return;
    // Zipkin wants wall-clock microseconds; the request's moments are monotonic ones.
    const uint64_t monoNow = core::monotonicMicros();
    const auto wallNow = static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    const auto epoch = [&](uint64_t mono) { return mono == 0 ? wallNow : wallNow - (monoNow - std::min(mono, monoNow)); };
    const std::string& method = trace->method;
    const uint64_t finished = ctx.finishedUs ? ctx.finishedUs : monoNow;

    const auto serviceName = [&]() -> json {
      if (ctx.service && !ctx.service->name.empty()) return ctx.service->name;
      return defaultServiceName_.empty() ? json() : json(defaultServiceName_);
    };
    const auto tagServiceAndRoute = [&](json& tags) {
      if (ctx.service) {
        tags["kong.service"] = ctx.service->id;
        if (!ctx.service->name.empty()) tags["kong.service_name"] = ctx.service->name;
      }
      if (ctx.route) {
        tags["kong.route"] = ctx.route->id;
        if (!ctx.route->name.empty()) tags["kong.route_name"] = ctx.route->name;
      }
    };
    const auto report = [&](const std::string& id, const std::string& parent, const std::string& name, const char* kind, uint64_t from,
                            uint64_t to, json tags, json remote, json annotations) {
      json span{{"traceId", trace->traceId}, {"id", id},          {"name", name}, {"kind", kind},
                {"timestamp", epoch(from)},  {"duration", epoch(to) - epoch(from)},
                {"localEndpoint", {{"serviceName", localServiceName_}}}};
      if (!parent.empty()) span["parentId"] = parent;
      span["remoteEndpoint"] = remote;
      for (auto it = tags.begin(); it != tags.end();) it = it->is_string() && it->get<std::string>().empty() ? tags.erase(it) : std::next(it);
      if (!tags.empty()) span["tags"] = tags;
      if (!annotations.empty()) span["annotations"] = annotations;
      sink_->push(span.dump());
    };
    const auto remoteOf = [&](std::string_view peer) {
      json remote = json::object();
      const json name = serviceName();
      if (!name.is_null()) remote["serviceName"] = name;
      if (!peer.empty()) peerEndpoint(peer, remote);
      return remote.empty() ? json() : remote;
    };

    // One span per balancer try; the failed ones say why.
    const auto& tries = ctx.balancerTries;
    for (size_t i = 0; i < tries.size(); ++i) {
      json tags{{"kong.balancer.try", std::to_string(i + 1)}};
      if (i + 1 < tries.size()) {
        tags["error"] = "true";
        tags["kong.balancer.state"] = "failed";
        tags["http.status_code"] = std::to_string(tries[i].failedStatus);
      }
      tagServiceAndRoute(tags);
      report(randomHex(8), trace->requestSpanId, method + " (balancer try " + std::to_string(i + 1) + ")", "CLIENT", tries[i].startUs,
             tries[i].endUs ? tries[i].endUs : finished, tags, remoteOf(tries[i].peer), json::array());
    }
    // The proxying, with Kong's phase annotations: access start/finish, header filter and body.
    const uint64_t accessStart = trace->accessStartUs ? trace->accessStartUs : finished;
    const uint64_t accessEnd = ctx.sentUpstreamUs ? ctx.sentUpstreamUs : finished;
    json annotations = json::array();
    const auto annotate = [&](const char* value, uint64_t at) { annotations.push_back({{"value", value}, {"timestamp", epoch(at)}}); };
    annotate("kas", accessStart);
    annotate("kaf", accessEnd);
    if (ctx.firstByteUs) {
      annotate("khs", ctx.firstByteUs);
      annotate("khf", ctx.firstByteUs);
      annotate("kbs", ctx.firstByteUs);
    }
    annotate("kbf", finished);
    json proxyTags = json::object();
    tagServiceAndRoute(proxyTags);
    if (ctx.service) proxyTags["peer.hostname"] = ctx.service->host;
    report(trace->proxySpanId, trace->requestSpanId, method + " (proxy)", "CLIENT", accessStart, finished, proxyTags,
           remoteOf(tries.empty() ? std::string_view() : tries.back().peer), annotations);
    // The request as the client saw it.
    json requestTags{{"lc", "kong"},
                     {"http.method", method},
                     {"http.host", trace->host},
                     {"http.path", trace->path},
                     {"http.protocol", trace->protocol}};
    for (const auto& [name, value] : trace->tags) requestTags[name] = value;
    requestTags["http.status_code"] = std::to_string(ctx.status);
    if (ctx.consumer) requestTags["kong.consumer"] = ctx.consumer->id;
    if (includeCredential_ && !ctx.credentialId.empty()) requestTags["kong.credential"] = ctx.credentialId;
    requestTags["kong.node.id"] = nodeId();
    json client = json::object();
    if (!defaultServiceName_.empty()) client["serviceName"] = defaultServiceName_;
    if (!client.empty()) client[std::string(ctx.clientIp).find(':') != std::string::npos ? "ipv6" : "ipv4"] = std::string(ctx.clientIp);
    report(trace->requestSpanId, trace->requestParentId, method, "SERVER", ctx.startedUs ? ctx.startedUs : accessStart, monoNow,
           requestTags, client.empty() ? json() : client, json::array());
  }

 private:
  // The trace of this request: the caller's, or a new one; once per request.
  ZipkinTrace& start(RequestContext& ctx) const {
    ZipkinTrace& trace = ctx.pluginSlots.get<ZipkinTrace>();
    if (trace.started || !ctx.request) return trace;
    trace.started = true;
    IncomingTrace incoming = readTraceHeaders(ctx.request->headers, headerType_);
    trace.headerType = incoming.headerType;
    trace.sample = incoming.sample.has_value() ? *incoming.sample : randomUnit() < sampleRatio_;
    trace.traceId = incoming.traceId.empty() ? randomHex(traceIdBytes_) : incoming.traceId;
    trace.requestSpanId = incoming.spanId.empty() ? randomHex(8) : incoming.spanId;  // (B3: the caller's span, shared)
    trace.requestParentId = incoming.parentId;
    trace.baggage = std::move(incoming.baggage);
    trace.proxySpanId = randomHex(8);
    const http::RequestHead& r = *ctx.request;
    trace.method.assign(r.method);
    trace.host.assign(http::hostWithoutPort(r.host));
    trace.path.assign(r.path);
    trace.protocol = http::protocolName(r);
    for (const auto& tag : staticTags_) trace.tags.push_back(tag);
    if (!tagsHeader_.empty())
      for (const http::Header& h : ctx.request->headers)
        if (http::equalsIgnoreCase(h.name, tagsHeader_)) parseRequestTags(h.value, trace.tags);
    return trace;
  }

  static double randomUnit() {
    thread_local uint64_t state = [] {
      uint64_t seed = 0;
      RAND_bytes(reinterpret_cast<unsigned char*>(&seed), sizeof seed);
      return seed | 1;
    }();
    state ^= state << 13;  // xorshift64: sampling needs no cryptographic randomness
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<double>(state >> 11) / static_cast<double>(uint64_t{1} << 53);
  }

  static const std::string& nodeId() {
    static const std::string kId = [] {
      std::string hex = randomHex(16);
      return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-4" + hex.substr(13, 3) + "-a" + hex.substr(17, 3) + "-" + hex.substr(20);
    }();
    return kId;
  }

  std::shared_ptr<observe::LogSink> sink_;
  std::string localServiceName_, defaultServiceName_, headerType_, defaultHeaderType_, tagsHeader_;
  double sampleRatio_ = 0.001;
  bool includeCredential_ = true;
  size_t traceIdBytes_ = 16;
  std::vector<std::pair<std::string, std::string>> staticTags_;
};

}  // namespace

PluginCreateResult createZipkin(const nlohmann::json& config, BuildContext& context) {
  std::shared_ptr<observe::LogSink> sink;
  if (config.contains("http_endpoint") && config["http_endpoint"].is_string()) {
    // Spans go to the collector as Zipkin's JSON array, several requests' to a POST.
    const json sender{{"http_endpoint", config["http_endpoint"]}, {"method", "POST"},  {"content_type", "application/json"},
                      {"timeout", 10000},                        {"keepalive", 60000}, {"retry_count", 0},
                      {"queue_size", 64}};
    sink = shippingSink<HttpSender>("zipkin", sender, context, context.node().find<observe::ShutdownDeadline>(observe::kShutdownDeadlineKey));
  }
  return PluginConstSharedPtr(std::make_shared<ZipkinPlugin>(config, std::move(sink)));
}

}  // namespace sluice::plugins
