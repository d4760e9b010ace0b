#include "http/gateway_response.h"

#include "http/http_types.h"

#include <cstdio>

namespace sluice::http {

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

namespace {

// Kong's error body: {"message":"..."} with the message JSON-escaped (plugins take it from config).
void jsonMessageBody(std::string_view message, std::string& out) {
  out.assign("{\n  \"message\":\"");
  for (const char c : message) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out.push_back(c);
        }
    }
  }
  out.append("\"\n}");
}

}  // namespace

std::string_view gatewayResponseBody(const GatewayResponse& r, std::string& json, std::string_view& contentType) {
  contentType = {};
  if (r.rawBody) {
    contentType = r.contentType;
    return r.body;
  }
  if (r.bodyless) return {};
  jsonMessageBody(r.message.empty() ? defaultMessage(r.status) : r.message, json);
  contentType = "application/json; charset=utf-8";
  return json;
}

bool writeGatewayResponse(net::IoBuffer& out, const GatewayResponse& r, bool headRequest, std::string_view serverToken,
                          std::string_view requestId) {
  thread_local std::string json;
  std::string_view contentType;
  const std::string_view body = gatewayResponseBody(r, json, contentType);
  char number[24];
  const auto digits = [&number](size_t n) {
    return std::string_view(number, static_cast<size_t>(std::snprintf(number, sizeof number, "%zu", n)));
  };
  bool ok = out.append("HTTP/1.1 ") && out.append(digits(static_cast<size_t>(r.status))) && out.append(" ") &&
            out.append(reasonPhrase(r.status)) && out.append("\r\n");
  if (!contentType.empty()) ok = ok && out.append("Content-Type: ") && out.append(contentType) && out.append("\r\n");
  ok = ok && out.append("Content-Length: ") && out.append(digits(r.bodyLength ? *r.bodyLength : body.size())) && out.append("\r\n");
  if (!serverToken.empty()) ok = ok && out.append("Server: ") && out.append(serverToken) && out.append("\r\n");
  if (!requestId.empty()) ok = ok && out.append("X-Sluice-Request-Id: ") && out.append(requestId) && out.append("\r\n");
  if (r.close) ok = ok && out.append("Connection: close\r\n");
  ok = ok && out.append(r.extraHeaders) && out.append("\r\n");
  if (ok && !headRequest && !body.empty()) ok = out.append(body);
  return ok;
}

}  // namespace sluice::http
