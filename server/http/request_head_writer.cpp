#include "http/request_head_writer.h"

#include "http/http_types.h"

#include <charconv>

namespace sluice::http {

bool writeForwardedRequestHead(net::IoBuffer& out, const RequestHead& req, const ForwardedRequest& info) {
  const std::string_view method = info.method.empty() ? req.method : info.method;
  bool ok = out.append(method) && out.append(" ") && out.append(info.upstreamPath) && out.append(" HTTP/1.1\r\nHost: ") &&
            out.append(info.host) && out.append("\r\n");
  ok = ok && forEachForwardedField(req, info, [&out](std::string_view name, std::string_view value) {
         return out.append(name) && out.append(": ") && out.append(value) && out.append("\r\n");
       });
  char number[24];
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
