#include "app/proxy_settings_loader.h"

#include "net/listen_address.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <thread>

namespace sluice::app {

core::Result<proxy::ProxySettings> loadProxySettings(const Config& config, const std::string& version) {
  proxy::ProxySettings s;
  s.version = version;
  auto listen = net::parseListenList(config.get("proxy_listen"), "proxy_listen");
  if (!listen) return listen.error();
  s.listen = *listen;
  if (config.get("worker_processes") == "auto") {
    s.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  } else {
    auto n = config.integer("worker_processes");
    if (!n || *n < 1 || *n > 1024) return core::Error::badRequest("worker_processes: expected auto or 1..1024");
    s.workers = static_cast<int>(*n);
  }
  std::stringstream buffers(config.get("large_client_header_buffers"));
  std::string count, size;
  buffers >> count >> size;
  auto bufferSize = parseBytes(size);
  int bufferCount = 0;
  try {
    bufferCount = std::stoi(count);
  } catch (const std::exception&) {
  }
  if (!bufferSize || bufferCount < 1 || *bufferSize < 1024)
    return core::Error::badRequest("large_client_header_buffers: expected 'NUMBER SIZE', e.g. '4 8k'");
  s.limits.maxRequestLine = static_cast<size_t>(*bufferSize);
  s.limits.maxHeaderBytes = static_cast<size_t>(*bufferSize) * static_cast<size_t>(bufferCount);
  s.limits.maxHeaders = static_cast<size_t>(*config.integer("max_request_headers"));
  s.http2.maxConcurrentStreams = static_cast<uint32_t>(*config.integer("http2_max_concurrent_streams"));
  s.http2.maxRequests = static_cast<uint32_t>(std::min<int64_t>(*config.integer("http2_max_requests"), UINT32_MAX));
  s.http2.maxHeaderListSize = static_cast<uint32_t>(*config.bytes("http2_max_header_list_size"));
  s.http2.streamWindow = static_cast<uint32_t>(*config.bytes("http2_stream_window"));
  s.http2.connectionWindow = static_cast<uint32_t>(*config.bytes("http2_connection_window"));
  s.http2.maxControlFramesPerSecond = static_cast<uint32_t>(std::min<int64_t>(*config.integer("http2_max_control_frames"), UINT32_MAX));
  s.http2.maxHeaders = s.limits.maxHeaders;
  s.clientMaxBodySize = static_cast<uint64_t>(*config.bytes("client_max_body_size"));
  s.bodyBufferSize = static_cast<uint64_t>(*config.bytes("body_buffer_size"));
  s.clientHeaderTimeoutMs = static_cast<uint64_t>(*config.milliseconds("client_header_timeout"));
  s.clientBodyTimeoutMs = static_cast<uint64_t>(*config.milliseconds("client_body_timeout"));
  s.keepaliveTimeoutMs = static_cast<uint64_t>(*config.milliseconds("keepalive_timeout"));
  s.keepaliveRequests = static_cast<uint64_t>(*config.integer("keepalive_requests"));
  s.upstreamKeepalivePoolSize = static_cast<size_t>(*config.integer("upstream_keepalive_pool_size"));
  s.upstreamKeepaliveMaxRequests = static_cast<uint64_t>(*config.integer("upstream_keepalive_max_requests"));
  s.upstreamKeepaliveIdleTimeoutMs = static_cast<uint64_t>(*config.milliseconds("upstream_keepalive_idle_timeout"));
  s.sslProtocols = config.get("ssl_protocols");
  s.observe = *config.boolean("observability");
  s.observeConsumers = *config.boolean("observability_consumers");
  s.traceSlowest = static_cast<uint32_t>(*config.integer("trace_slowest"));
  if (config.get("trace_clients") != "off")
    for (const auto& entry : config.list("trace_clients")) {
      auto range = net::AddressRange::parse(entry);
      if (!range) return core::Error::badRequest("trace_clients: '" + entry + "' is not an address or CIDR range");
      s.traceClients.push_back(*range);
    }
  bool anyTls = false;
  for (const auto& l : s.listen) anyTls = anyTls || l.ssl;
  if (anyTls) {
    core::Result<net::KeyPair> pair = core::Error::badRequest("");
    if (!config.get("ssl_cert").empty()) {
      std::ifstream cert(config.get("ssl_cert")), key(config.get("ssl_cert_key"));
      if (!cert || !key) return core::Error::badRequest("ssl_cert / ssl_cert_key: cannot read the files");
      pair = net::parseKeyPair(std::string(std::istreambuf_iterator<char>(cert), {}),
                               std::string(std::istreambuf_iterator<char>(key), {}));
    } else {
      pair = net::loadOrCreateDefaultCertificate(config.get("prefix") + "/ssl/sluice-default.crt",
                                                 config.get("prefix") + "/ssl/sluice-default.key", "localhost");
    }
    if (!pair) return core::Error::badRequest("ssl_cert: " + pair.error().message);
    s.defaultCertificate = std::make_shared<net::KeyPair>(*pair);
  }
  const auto tokens = config.list("headers");
  const auto has = [&](const char* name) {
    for (const auto& t : tokens)
      if (t == name || (std::string(name) == "X-Sluice-Request-Id" && t == "x-sluice-request-id")) return true;
    return false;
  };
  s.serverTokens = has("server_tokens");
  s.latencyTokens = has("latency_tokens");
  s.requestIdHeader = has("X-Sluice-Request-Id");
  for (const auto& t : tokens)
    if (t != "off" && t != "server_tokens" && t != "latency_tokens" && t != "X-Sluice-Request-Id" &&
        t != "x-sluice-request-id")
      return core::Error::badRequest("headers: unknown value '" + t +
                                     "' (server_tokens, latency_tokens, X-Sluice-Request-Id or off)");
  return s;
}

}  // namespace sluice::app
