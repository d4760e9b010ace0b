#pragma once
// The request Sluice sends upstream: the client's request line and headers with the path rewritten
// (strip_path, service path, path_handling), hop-by-hop headers removed — including any the
// client's Connection header names — and Kong's forwarding headers added.
#include "http/request_parser.h"
#include "net/io_buffer.h"
#include "plugins/request_context.h"
#include "snapshot/config_snapshot.h"

namespace sluice::proxy {

// Kong's path joining: v0 always joins service path and the rest with one slash; v1 treats the
// service path as a plain prefix (see docs/life-of-a-request.md).
void joinUpstreamPath(std::string_view servicePath, std::string_view rest, bool v1, std::string& out);

struct ForwardingInfo {
  std::string_view clientIp;
  uint16_t serverPort = 0;
  bool https = false;
  std::string_view upstreamPath;  // path (with query) to send
  std::string_view host;          // Host header to send
  std::string_view requestId;     // empty: none
  std::string_view forwardedPrefix;  // the stripped prefix, when strip_path removed one
  bool chunkedBody = false;
  int64_t bufferedBodyLength = -1;  // >= 0: the body was read for the plugins and goes with this length
  bool close = false;             // ask the upstream to close (we will not reuse it)
  bool upgrade = false;           // pass Upgrade/Connection: upgrade on (WebSocket)
  const plugins::RequestContext* edits = nullptr;  // headers plugins removed or set
};

// Writes the head into `out`; false if it does not fit.
bool writeUpstreamRequestHead(net::IoBuffer& out, const http::RequestHead& request, const ForwardingInfo& info);

}  // namespace sluice::proxy
