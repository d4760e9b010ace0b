#include "http/request_head_writer.h"

#include "http/http_types.h"

#include <charconv>

namespace sluice::http {
namespace {

bool isForwardingHeader(std::string_view name) {
  if (name.size() < 9) return false;
  static constexpr std::string_view kHeaders[] = {"x-forwarded-for",  "x-forwarded-proto", "x-forwarded-host",
                                                  "x-forwarded-port", "x-forwarded-path",  "x-forwarded-prefix",
                                                  "x-real-ip",        "x-sluice-request-id"};
  for (auto h : kHeaders)
    if (equalsIgnoreCase(name, h)) return true;
  return false;
}

}  // namespace

bool writeForwardedRequestHead(net::IoBuffer& out, const RequestHead& req, const ForwardedRequest& info) {
  const std::string_view method = info.method.empty() ? req.method : info.method;
  bool ok = out.append(method) && out.append(" ") && out.append(info.upstreamPath) && out.append(" HTTP/1.1\r\nHost: ") &&
            out.append(info.host) && out.append("\r\n");
  std::string_view forwardedFor;
  const bool edited = info.changes.any();
  for (const auto& h : req.headers) {
    if (!ok) return false;
    if (isHopByHop(h.name) || equalsIgnoreCase(h.name, "host") ||
        equalsIgnoreCase(h.name, "content-length") || equalsIgnoreCase(h.name, "expect"))
      continue;
    if (!req.connection.empty() && hasToken(req.connection, h.name)) continue;  // named by the client
    if (edited && info.changes.replaces(h.name)) continue;
    if (isForwardingHeader(h.name)) {
      if (equalsIgnoreCase(h.name, "x-forwarded-for")) forwardedFor = h.value;
      continue;
    }
    ok = out.append(h.name) && out.append(": ") && out.append(h.value) && out.append("\r\n");
  }
  char number[24];
  ok = ok && out.append("X-Forwarded-For: ");
  if (!forwardedFor.empty()) ok = ok && out.append(forwardedFor) && out.append(", ");
  ok = ok && out.append(info.clientIp) && out.append("\r\nX-Forwarded-Proto: ") && out.append(info.https ? "https" : "http");
  const std::string_view hostOnly = hostWithoutPort(req.host);
  const int portLength = static_cast<int>(std::to_chars(number, number + sizeof number, info.serverPort).ptr - number);
  ok = ok && out.append("\r\nX-Forwarded-Host: ") && out.append(hostOnly) && out.append("\r\nX-Forwarded-Port: ") &&
       out.append(std::string_view(number, static_cast<size_t>(portLength))) && out.append("\r\nX-Forwarded-Path: ") &&
       out.append(req.path) && out.append("\r\nX-Real-IP: ") && out.append(info.clientIp) && out.append("\r\n");
  if (!info.forwardedPrefix.empty()) ok = ok && out.append("X-Forwarded-Prefix: ") && out.append(info.forwardedPrefix) && out.append("\r\n");
  if (info.changes.set)
    for (const auto& e : *info.changes.set)
      ok = ok && out.append(e.name) && out.append(": ") && out.append(e.value) && out.append("\r\n");
  if (!info.requestId.empty()) ok = ok && out.append("X-Sluice-Request-Id: ") && out.append(info.requestId) && out.append("\r\n");
  if (info.bufferedBodyLength >= 0) {
    const int n = static_cast<int>(std::to_chars(number, number + sizeof number, info.bufferedBodyLength).ptr - number);
    ok = ok && out.append("Content-Length: ") && out.append(std::string_view(number, static_cast<size_t>(n))) && out.append("\r\n");
  } else if (info.chunkedBody) {
    ok = ok && out.append("Transfer-Encoding: chunked\r\n");
  } else if (req.framing == BodyFraming::ContentLength) {
    const int n = static_cast<int>(std::to_chars(number, number + sizeof number, req.contentLength).ptr - number);
    ok = ok && out.append("Content-Length: ") && out.append(std::string_view(number, static_cast<size_t>(n))) && out.append("\r\n");
  } else if (!findHeader(req.headers, "content-length").empty()) {
    ok = ok && out.append("Content-Length: 0\r\n");
  }
  if (info.upgrade)
    ok = ok && out.append("Upgrade: ") && out.append(findHeader(req.headers, "upgrade")) &&
         out.append("\r\nConnection: upgrade\r\n");
  else if (info.close)
    ok = ok && out.append("Connection: close\r\n");
  return ok && out.append("\r\n");
}

}  // namespace sluice::http
