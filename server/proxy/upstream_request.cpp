#include "proxy/upstream_request.h"

namespace sluice::proxy {
namespace {

bool isForwardingHeader(std::string_view name) {
  if (name.size() < 9) return false;
  static constexpr std::string_view kHeaders[] = {"x-forwarded-for",  "x-forwarded-proto", "x-forwarded-host",
                                                  "x-forwarded-port", "x-forwarded-path",  "x-forwarded-prefix",
                                                  "x-real-ip",        "x-sluice-request-id"};
  for (auto h : kHeaders)
    if (http::equalsIgnoreCase(name, h)) return true;
  return false;
}

}  // namespace

void joinUpstreamPath(std::string_view servicePath, std::string_view rest, bool v1, std::string& out) {
  out.assign(servicePath.empty() ? std::string_view("/") : servicePath);
  if (rest.empty()) return;
  const bool slashEnd = !out.empty() && out.back() == '/';
  const bool slashStart = rest.front() == '/';
  if (v1) {  // the service path is a plain prefix; the rest's leading slash is dropped
    if (slashStart) rest.remove_prefix(1);
    out.append(rest);
    return;
  }
  if (slashEnd && slashStart) rest.remove_prefix(1);
  else if (!slashEnd && !slashStart) out.push_back('/');
  out.append(rest);
}

namespace {

bool editedByPlugin(const plugins::RequestContext& edits, std::string_view name) {
  for (const auto& r : edits.removeHeaders)
    if (http::equalsIgnoreCase(r, name)) return true;
  for (const auto& e : edits.setHeaders)
    if (!e.append && http::equalsIgnoreCase(e.name, name)) return true;
  return false;
}

}  // namespace

bool writeUpstreamRequestHead(net::IoBuffer& out, const http::RequestHead& req, const ForwardingInfo& info) {
  const std::string_view method = info.edits && !info.edits->method.empty() ? std::string_view(info.edits->method) : req.method;
  bool ok = out.append(method) && out.append(" ") && out.append(info.upstreamPath) && out.append(" HTTP/1.1\r\nHost: ") &&
            out.append(info.host) && out.append("\r\n");
  std::string_view forwardedFor;
  const bool edited = info.edits && (!info.edits->removeHeaders.empty() || !info.edits->setHeaders.empty());
  for (const auto& h : req.headers) {
    if (!ok) return false;
    if (http::isHopByHop(h.name) || http::equalsIgnoreCase(h.name, "host") ||
        http::equalsIgnoreCase(h.name, "content-length") || http::equalsIgnoreCase(h.name, "expect"))
      continue;
    if (!req.connection.empty() && http::hasToken(req.connection, h.name)) continue;  // named by the client
    if (edited && editedByPlugin(*info.edits, h.name)) continue;
    if (isForwardingHeader(h.name)) {
      if (http::equalsIgnoreCase(h.name, "x-forwarded-for")) forwardedFor = h.value;
      continue;
    }
    ok = out.append(h.name) && out.append(": ") && out.append(h.value) && out.append("\r\n");
  }
  char number[24];
  ok = ok && out.append("X-Forwarded-For: ");
  if (!forwardedFor.empty()) ok = ok && out.append(forwardedFor) && out.append(", ");
  ok = ok && out.append(info.clientIp) && out.append("\r\nX-Forwarded-Proto: ") && out.append(info.https ? "https" : "http");
  const std::string_view hostOnly = http::hostWithoutPort(req.host);
  const int portLength = std::snprintf(number, sizeof number, "%u", info.serverPort);
  ok = ok && out.append("\r\nX-Forwarded-Host: ") && out.append(hostOnly) && out.append("\r\nX-Forwarded-Port: ") &&
       out.append(std::string_view(number, static_cast<size_t>(portLength))) && out.append("\r\nX-Forwarded-Path: ") &&
       out.append(req.path) && out.append("\r\nX-Real-IP: ") && out.append(info.clientIp) && out.append("\r\n");
  if (!info.forwardedPrefix.empty()) ok = ok && out.append("X-Forwarded-Prefix: ") && out.append(info.forwardedPrefix) && out.append("\r\n");
  if (info.edits)
    for (const auto& e : info.edits->setHeaders)
      ok = ok && out.append(e.name) && out.append(": ") && out.append(e.value) && out.append("\r\n");
  if (!info.requestId.empty()) ok = ok && out.append("X-Sluice-Request-Id: ") && out.append(info.requestId) && out.append("\r\n");
  if (info.bufferedBodyLength >= 0) {
    const int n = std::snprintf(number, sizeof number, "%lld", static_cast<long long>(info.bufferedBodyLength));
    ok = ok && out.append("Content-Length: ") && out.append(std::string_view(number, static_cast<size_t>(n))) && out.append("\r\n");
  } else if (info.chunkedBody) {
    ok = ok && out.append("Transfer-Encoding: chunked\r\n");
  } else if (req.framing == http::BodyFraming::ContentLength) {
    const int n = std::snprintf(number, sizeof number, "%llu", static_cast<unsigned long long>(req.contentLength));
    ok = ok && out.append("Content-Length: ") && out.append(std::string_view(number, static_cast<size_t>(n))) && out.append("\r\n");
  } else if (!http::findHeader(req.headers, "content-length").empty()) {
    ok = ok && out.append("Content-Length: 0\r\n");
  }
  if (info.upgrade)
    ok = ok && out.append("Upgrade: ") && out.append(http::findHeader(req.headers, "upgrade")) &&
         out.append("\r\nConnection: upgrade\r\n");
  else if (info.close)
    ok = ok && out.append("Connection: close\r\n");
  return ok && out.append("\r\n");
}

}  // namespace sluice::proxy
