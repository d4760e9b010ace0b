#pragma once
// The request the gateway sends upstream, in HTTP/1.1: the client's request line and headers with
// the path it was given, hop-by-hop headers removed — including any the client's Connection header
// names — the header changes applied, Kong's forwarding headers added, and the body's framing.
#include "http/header_edits.h"
#include "http/request_parser.h"
#include "net/io_buffer.h"

#include <cstdint>
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

}  // namespace sluice::http
