#include "schema/plugin_schema.h"

namespace sluice::schema {

const std::vector<std::string>& allowedProtocols(const PluginSchema& plugin) {
  static const std::vector<std::string> kHttp{"grpc", "grpcs", "http", "https"};
  static const std::vector<std::string> kAny{"grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"};
  return plugin.protocols == PluginProtocols::Http ? kHttp : kAny;
}

}  // namespace sluice::schema
