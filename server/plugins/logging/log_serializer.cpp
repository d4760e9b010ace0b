#include "plugins/logging/log_serializer.h"

#include "plugins/request_json.h"
#include "snapshot/config_snapshot.h"

#include <nlohmann/json.hpp>

#include <chrono>

namespace sluice::plugins {

namespace {

// What the log plugins capture while the bytes exist (the request's slot): JSON text.
struct LogCapture {
  std::string request, responseHeaders;
  void clear() {
    request.clear();
    responseHeaders.clear();
  }
};

}  // namespace

void captureRequestForLog(RequestContext& ctx) {
  LogCapture& captured = ctx.pluginSlots.get<LogCapture>();
  if (!captured.request.empty() || !ctx.request) return;
  const http::RequestHead& r = *ctx.request;
  const std::string scheme = ctx.https ? "https" : "http";
  nlohmann::json request{{"method", std::string(r.method)},
                         {"uri", std::string(r.target)},
                         {"url", scheme + "://" + std::string(r.host) + std::string(r.target)},
                         {"querystring", queryJson(r.query)},
                         {"headers", headersJson(r.headers)},
                         {"size", r.headBytes + (r.framing == http::BodyFraming::ContentLength ? r.contentLength : 0)}};
  captured.request = request.dump();
}

void captureResponseForLog(RequestContext& ctx) {
  LogCapture& captured = ctx.pluginSlots.get<LogCapture>();
  if (!captured.responseHeaders.empty() || !ctx.response) return;
  captured.responseHeaders = headersJson(ctx.response->headers).dump();
}

std::string serializeLog(const RequestContext& ctx) {
  static const LogCapture kNothing;
  const LogCapture& captured = ctx.pluginSlots.find<LogCapture>() ? *ctx.pluginSlots.find<LogCapture>() : kNothing;
  nlohmann::json log;
  log["request"] = captured.request.empty() ? nlohmann::json::object() : nlohmann::json::parse(captured.request);
  if (!ctx.requestId.empty()) log["request"]["id"] = std::string(ctx.requestId);  // as in traces and the access log
  log["response"] = {{"status", ctx.status},
                     {"size", ctx.bytesSent},
                     {"headers", captured.responseHeaders.empty() ? nlohmann::json::object() : nlohmann::json::parse(captured.responseHeaders)}};
  if (ctx.route) log["route"] = {{"id", ctx.route->id}, {"name", ctx.route->name.empty() ? nlohmann::json() : nlohmann::json(ctx.route->name)}};
  if (ctx.service)
    log["service"] = {{"id", ctx.service->id},
                      {"name", ctx.service->name.empty() ? nlohmann::json() : nlohmann::json(ctx.service->name)},
                      {"host", ctx.service->host},
                      {"port", ctx.service->port},
                      {"protocol", ctx.service->protocol}};
  if (ctx.consumer)
    log["consumer"] = {{"id", ctx.consumer->id}, {"username", ctx.consumer->username}, {"custom_id", ctx.consumer->customId}};
  const RequestLatencies l = latencies(ctx);
  log["latencies"] = {{"kong", l.kongUs / 1000}, {"proxy", l.upstreamUs < 0 ? -1 : l.upstreamUs / 1000}, {"request", l.requestUs / 1000}};
  log["client_ip"] = std::string(ctx.clientIp);
  log["upstream_uri"] = ctx.upstreamUri;
  log["started_at"] = ctx.startedAtMs;
  return log.dump();
}

}  // namespace sluice::plugins
