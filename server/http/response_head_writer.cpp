#include "http/response_head_writer.h"

#include "http/http_types.h"

#include <charconv>

namespace sluice::http {

std::string_view decimal(uint64_t n, char (&room)[24]) {
  const auto r = std::to_chars(room, room + sizeof room, n);
  return std::string_view(room, static_cast<size_t>(r.ptr - room));
}

bool writePassedResponseHead(net::IoBuffer& out, const ResponseHead& response, const PassedResponse& p) {
  char digits[24];
  bool ok = out.append(p.clientMinor == 1 ? "HTTP/1.1 " : "HTTP/1.0 ") && out.append(decimal(static_cast<uint64_t>(response.status), digits)) &&
            out.append(" ") && out.append(response.reason.empty() ? reasonPhrase(response.status) : response.reason) &&
            out.append("\r\n");
  const auto line = [&out](std::string_view name, std::string_view value) {
    return out.append(name) && out.append(": ") && out.append(value) && out.append("\r\n");
  };
  ok = ok && forEachUpstreamField(response, p, line);
  if (response.framing == BodyFraming::Chunked && !p.dechunk) ok = ok && out.append("Transfer-Encoding: chunked\r\n");
  ok = ok && forEachGatewayField(response, p, line);
  if (p.upgrade)
    return ok && out.append("Upgrade: ") && out.append(findHeader(response.headers, "upgrade")) &&
           out.append("\r\nConnection: upgrade\r\n\r\n");
  if (!p.keepAlive) ok = ok && out.append("Connection: close\r\n");
  else if (p.clientMinor == 0) ok = ok && out.append("Connection: keep-alive\r\n");
  return ok && out.append("\r\n");
}

}  // namespace sluice::http
