#include "proxy/gateway_responses.h"

#include <cstdio>

namespace sluice::proxy {

std::string_view defaultMessage(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 408: return "Request timeout";
    case 411: return "Length required";
    case 413: return "Request body too large";
    case 414: return "URI too long";
    case 417: return "Expectation failed";
    case 426: return "Please use HTTPS protocol";
    case 431: return "Request header or cookie too large";
    case 501: return "Not implemented";
    case 502: return "An invalid response was received from the upstream server";
    case 503: return "The upstream server is currently unavailable";
    case 504: return "The upstream server is timing out";
    case 505: return "HTTP version not supported";
    default: return "An unexpected error occurred";
  }
}

std::string_view reasonPhrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 417: return "Expectation Failed";
    case 426: return "Upgrade Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

bool writeGatewayResponse(net::IoBuffer& out, const GatewayResponse& r, bool headRequest, std::string_view serverToken,
                          std::string_view requestId) {
  const std::string_view message = r.message.empty() ? defaultMessage(r.status) : r.message;
  char body[512];
  int bodyLength = 0;
  if (!r.bodyless) {
    bodyLength = std::snprintf(body, sizeof body, "{\n  \"message\":\"%.*s\"\n}", static_cast<int>(message.size()),
                               message.data());
    if (bodyLength < 0 || bodyLength >= static_cast<int>(sizeof body)) return false;
  }
  char head[1024];
  const std::string_view reason = reasonPhrase(r.status);
  int n = std::snprintf(head, sizeof head, "HTTP/1.1 %d %.*s\r\n", r.status, static_cast<int>(reason.size()), reason.data());
  if (!r.bodyless)
    n += std::snprintf(head + n, sizeof head - static_cast<size_t>(n), "Content-Type: application/json; charset=utf-8\r\n");
  n += std::snprintf(head + n, sizeof head - static_cast<size_t>(n), "Content-Length: %d\r\n", bodyLength);
  if (!serverToken.empty())
    n += std::snprintf(head + n, sizeof head - static_cast<size_t>(n), "Server: %.*s\r\n",
                       static_cast<int>(serverToken.size()), serverToken.data());
  if (!requestId.empty())
    n += std::snprintf(head + n, sizeof head - static_cast<size_t>(n), "X-Sluice-Request-Id: %.*s\r\n",
                       static_cast<int>(requestId.size()), requestId.data());
  if (r.close) n += std::snprintf(head + n, sizeof head - static_cast<size_t>(n), "Connection: close\r\n");
  if (n < 0 || static_cast<size_t>(n) >= sizeof head) return false;
  if (!out.append(std::string_view(head, static_cast<size_t>(n))) || !out.append(r.extraHeaders) || !out.append("\r\n"))
    return false;
  if (!headRequest && bodyLength > 0) return out.append(std::string_view(body, static_cast<size_t>(bodyLength)));
  return true;
}

}  // namespace sluice::proxy
