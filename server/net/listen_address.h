#pragma once
// An address a listener binds, in Kong's *_listen syntax: "host:port [flag ...]" entries separated
// by commas, "[::1]:8000" for IPv6, "off" for none.
#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sluice::net {

struct ListenAddress {
  std::string host;
  uint16_t port = 0;
  bool ssl = false;
  bool http2 = false;  // HTTP/2: offered in ALPN on a TLS listener, by prior knowledge (h2c) on a plain one
};

// `key` names the setting in error messages. Flags other than ssl and http2 that Kong accepts
// (reuseport, backlog=N, deferred) are accepted and have no effect; any other is refused.
core::Result<std::vector<ListenAddress>> parseListenList(const std::string& value, const std::string& key);
// The first address of such a list (a setting that takes one: admin_listen, cluster_listen, ...).
core::Result<ListenAddress> parseFirstListen(const std::string& value, const std::string& key);

}  // namespace sluice::net
