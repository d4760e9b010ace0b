#pragma once
// Data-plane settings from sluice.conf (nginx/Kong names), resolved once at start.
#include "http/http2_server_codec.h"
#include "http/http_limits.h"
#include "net/address_range.h"
#include "net/listen_address.h"
#include "net/tls_context.h"
#include "observe/access_log.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sluice::proxy {

struct ProxySettings {
  std::vector<net::ListenAddress> listen;
  int workers = 1;
  http::HttpLimits limits;
  http::Http2Limits http2;  // HTTP/2 connections (http2_* settings)
  uint64_t clientMaxBodySize = 0;  // 0: unlimited (Kong's default)
  uint64_t bodyBufferSize = uint64_t{8} << 20;  // bodies plugins read or edit are held in memory up to this
  uint64_t clientHeaderTimeoutMs = 60000;
  uint64_t clientBodyTimeoutMs = 60000;
  uint64_t keepaliveTimeoutMs = 60000;
  uint64_t keepaliveRequests = 10000;
  size_t upstreamKeepalivePoolSize = 512;  // idle connections per peer and reactor
  uint64_t upstreamKeepaliveMaxRequests = 10000;
  uint64_t upstreamKeepaliveIdleTimeoutMs = 60000;
  size_t upstreamBufferSize = 65536;  // holds a typical response: fewer syscalls than nginx's 8k
  bool serverTokens = true;           // Via / Server
  bool latencyTokens = true;          // X-Sluice-*-Latency
  bool requestIdHeader = true;        // X-Sluice-Request-Id downstream and upstream
  // Request figures and traces (observability = off: none of it, not even its clock reads).
  bool observe = true;
  bool observeConsumers = false;  // figures per consumer too (observability_consumers)
  uint32_t traceSlowest = 5;                    // per route and minute
  std::vector<net::AddressRange> traceClients;  // may force a trace with X-Sluice-Trace: 1
  std::shared_ptr<observe::AccessLog> accessLog;  // null: access_log = off
  std::string version = "0.0.0";
  // TLS: the certificate served when no SNI matches, and the protocols allowed (ssl_protocols).
  std::shared_ptr<net::KeyPair> defaultCertificate;
  std::string sslProtocols = "TLSv1.2 TLSv1.3";
  // Made by ProxyServer::start from the above.
  net::SslCtxPtr serverTls, clientTls;
};

}  // namespace sluice::proxy
