#include "http/response_head_writer.h"

#include "http/http_types.h"

#include <charconv>

namespace sluice::http {
namespace {

bool appendNumber(net::IoBuffer& out, uint64_t n) {
  char digits[24];
  const auto r = std::to_chars(digits, digits + sizeof digits, n);
  return out.append(std::string_view(digits, static_cast<size_t>(r.ptr - digits)));
}

}  // namespace

bool writePassedResponseHead(net::IoBuffer& out, const ResponseHead& response, const PassedResponse& p) {
  bool ok = out.append(p.clientMinor == 1 ? "HTTP/1.1 " : "HTTP/1.0 ") && appendNumber(out, static_cast<uint64_t>(response.status)) &&
            out.append(" ") && out.append(response.reason.empty() ? reasonPhrase(response.status) : response.reason) &&
            out.append("\r\n");
  const bool edited = p.changes.any();
  for (const auto& h : response.headers) {
    if (isHopByHop(h.name)) continue;
    if (edited && p.changes.replaces(h.name)) continue;
    if (!response.connection.empty() && hasToken(response.connection, h.name)) continue;
    if ((p.dechunk || p.wholeBody) && equalsIgnoreCase(h.name, "content-length")) continue;
    ok = ok && out.append(h.name) && out.append(": ") && out.append(h.value) && out.append("\r\n");
  }
  if (p.changes.set)
    for (const auto& e : *p.changes.set) ok = ok && out.append(e.name) && out.append(": ") && out.append(e.value) && out.append("\r\n");
  if (response.framing == BodyFraming::Chunked && !p.dechunk) ok = ok && out.append("Transfer-Encoding: chunked\r\n");
  if (p.wholeBody) ok = ok && out.append("Content-Length: ") && appendNumber(out, response.contentLength) && out.append("\r\n");
  if (!p.via.empty()) ok = ok && out.append("Via: ") && out.append(p.via) && out.append("\r\n");
  if (p.upstreamLatencyMs >= 0 && p.proxyLatencyMs >= 0) {
    ok = ok && out.append("X-Sluice-Upstream-Latency: ") && appendNumber(out, static_cast<uint64_t>(p.upstreamLatencyMs)) &&
         out.append("\r\nX-Sluice-Proxy-Latency: ") && appendNumber(out, static_cast<uint64_t>(p.proxyLatencyMs)) && out.append("\r\n");
  }
  if (!p.requestId.empty()) ok = ok && out.append("X-Sluice-Request-Id: ") && out.append(p.requestId) && out.append("\r\n");
  if (p.upgrade)
    return ok && out.append("Upgrade: ") && out.append(findHeader(response.headers, "upgrade")) &&
           out.append("\r\nConnection: upgrade\r\n\r\n");
  if (!p.keepAlive) ok = ok && out.append("Connection: close\r\n");
  else if (p.clientMinor == 0) ok = ok && out.append("Connection: keep-alive\r\n");
  return ok && out.append("\r\n");
}

}  // namespace sluice::http
