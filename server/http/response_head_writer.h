#pragma once
// The head of an upstream's response as the gateway passes it to its client in HTTP/1.x: the
// status line in the client's version, the upstream's headers without hop-by-hop ones (nor any
// its Connection header names) and with the header changes applied, the framing the body goes
// with, and the gateway's own headers.
#include "http/field_names.h"
#include "http/header_edits.h"
#include "http/http_types.h"
#include "http/response_parser.h"
#include "net/io_buffer.h"

#include <cstdint>
#include <string_view>

namespace sluice::http {

struct PassedResponse {
  int clientMinor = 1;          // HTTP/1.0 or 1.1, as the client spoke
  bool dechunk = false;         // a chunked body goes out de-chunked (to an HTTP/1.0 client), until close
  bool wholeBody = false;       // the body was read whole (and may be edited): Content-Length of response.contentLength
  bool upgrade = false;         // 101 Switching Protocols: the head ends with Upgrade and Connection: upgrade
  bool keepAlive = true;        // false: Connection: close
  HeaderChanges changes;        // headers removed or set on the way
  std::string_view via;         // "1.1 sluice/<version>"; empty: no Via
  int64_t upstreamLatencyMs = -1, proxyLatencyMs = -1;  // >= 0: the X-Sluice-*-Latency headers
  std::string_view requestId;   // empty: no X-Sluice-Request-Id
};

// Writes the head into `out`; false if it does not fit.
bool writePassedResponseHead(net::IoBuffer& out, const ResponseHead& response, const PassedResponse& passed);

// The head's fields whatever the protocol toward the client, each (name, value) to `emit`, which
// returns false to stop: the upstream's fields passed on (with the header changes), then the
// gateway's own. Not the status line nor what frames the message in HTTP/1.x (Transfer-Encoding,
// Connection, Upgrade). HTTP/2 sends these fields, names lower-cased.
template <class Emit>
bool forEachUpstreamField(const ResponseHead& response, const PassedResponse& p, Emit&& emit) {
  const bool edited = p.changes.any();
  for (const auto& h : response.headers) {
    const FieldName known = fieldName(h.name);
    if (isHopByHop(known)) continue;
    if (edited && p.changes.replaces(h.name)) continue;
    if (!response.connection.empty() && hasToken(response.connection, h.name)) continue;
    if ((p.dechunk || p.wholeBody) && known == FieldName::ContentLength) continue;
    if (!emit(h.name, h.value)) return false;
  }
  if (p.changes.set)
    for (const auto& e : *p.changes.set)
      if (!emit(e.name, e.value)) return false;
  return true;
}

// A number's decimal digits, in `room`.
std::string_view decimal(uint64_t n, char (&room)[24]);

template <class Emit>
bool forEachGatewayField(const ResponseHead& response, const PassedResponse& p, Emit&& emit) {
  char digits[24];
  if (p.wholeBody && !emit("Content-Length", decimal(response.contentLength, digits))) return false;
  if (!p.via.empty() && !emit("Via", p.via)) return false;
  if (p.upstreamLatencyMs >= 0 && p.proxyLatencyMs >= 0) {
    if (!emit("X-Sluice-Upstream-Latency", decimal(static_cast<uint64_t>(p.upstreamLatencyMs), digits))) return false;
    if (!emit("X-Sluice-Proxy-Latency", decimal(static_cast<uint64_t>(p.proxyLatencyMs), digits))) return false;
  }
  return p.requestId.empty() || emit("X-Sluice-Request-Id", p.requestId);
}

}  // namespace sluice::http
