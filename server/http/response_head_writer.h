#pragma once
// The head of an upstream's response as the gateway passes it to its client in HTTP/1.x: the
// status line in the client's version, the upstream's headers without hop-by-hop ones (nor any
// its Connection header names) and with the header changes applied, the framing the body goes
// with, and the gateway's own headers.
#include "http/header_edits.h"
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

}  // namespace sluice::http
