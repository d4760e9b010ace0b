#pragma once
// The request the gateway sends upstream, in HTTP/1.1: the client's request line and headers with
// the path it was given, hop-by-hop headers removed — including any the client's Connection header
// names — the header changes applied, Kong's forwarding headers added, and the body's framing.
#include "http/field_names.h"
#include "http/header_edits.h"
#include "http/http_types.h"
#include "http/request_parser.h"
#include "net/io_buffer.h"

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace sluice::http {

struct ForwardedRequest {
  std::string_view method;           // empty: the client's
  std::string_view clientIp;
  uint16_t serverPort = 0;
  bool https = false;
  std::string_view upstreamPath;     // path (with query) to send
  std::string_view host;             // Host header to send
  std::string_view requestId;        // empty: none
  std::string_view forwardedPrefix;  // the stripped prefix, when strip_path removed one
  bool chunkedBody = false;
  int64_t bufferedBodyLength = -1;   // >= 0: the body was read whole and goes with this length
  bool close = false;                // ask the upstream to close (the connection will not be reused)
  bool upgrade = false;              // pass Upgrade/Connection: upgrade on (WebSocket)
  HeaderChanges changes;             // headers removed or set on the way
};

// Writes the head into `out`; false if it does not fit.
bool writeForwardedRequestHead(net::IoBuffer& out, const RequestHead& request, const ForwardedRequest& forwarded);

// The request's fields whatever the protocol toward the upstream, each (name, value) to `emit`
// (false stops): the client's fields passed on (hop-by-hop ones and those its Connection names
// dropped, the header changes applied), then the forwarding headers. Not the request line, Host,
// nor the body's framing (Content-Length, Transfer-Encoding) or Connection/Upgrade.
template <class Emit>
bool forEachForwardedField(const RequestHead& req, const ForwardedRequest& info, Emit&& emit) {
  std::string_view forwardedFor;
  const bool edited = info.changes.any();
  for (const auto& h : req.headers) {
    const FieldName known = fieldName(h.name);
    if (isHopByHop(known) || known == FieldName::Host || known == FieldName::ContentLength || known == FieldName::Expect)
      continue;
    if (!req.connection.empty() && hasToken(req.connection, h.name)) continue;  // named by the client
    if (edited && info.changes.replaces(h.name)) continue;
    if (isForwardingHeader(known)) {  // the client's are replaced by the gateway's
      if (known == FieldName::XForwardedFor) forwardedFor = h.value;
      continue;
    }
    if (!emit(h.name, h.value)) return false;
  }
  thread_local std::string joined;
  joined.clear();
  if (!forwardedFor.empty()) joined.append(forwardedFor).append(", ");
  joined.append(info.clientIp);
  char number[24];
  const auto port = std::to_chars(number, number + sizeof number, info.serverPort).ptr - number;
  if (!emit("X-Forwarded-For", joined) || !emit("X-Forwarded-Proto", info.https ? "https" : "http") ||
      !emit("X-Forwarded-Host", hostWithoutPort(req.host)) ||
      !emit("X-Forwarded-Port", std::string_view(number, static_cast<size_t>(port))) || !emit("X-Forwarded-Path", req.path) ||
      !emit("X-Real-IP", info.clientIp))
    return false;
  if (!info.forwardedPrefix.empty() && !emit("X-Forwarded-Prefix", info.forwardedPrefix)) return false;
  if (info.changes.set)
    for (const auto& e : *info.changes.set)
      if (!emit(e.name, e.value)) return false;
  return info.requestId.empty() || emit("X-Sluice-Request-Id", info.requestId);
}

}  // namespace sluice::http
