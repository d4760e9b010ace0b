// Kong 2.8's bundled plugins that Sluice does not have, and why: a Kong user's file that uses one
// is refused with that reason instead of a bare "not enabled".
#include "plugins/missing_plugins.h"

#include <string_view>

namespace sluice::plugins {
namespace {

enum class Status { NotYet, RunsLua, NeedsInternet };

struct Missing {
  std::string_view name;
  Status status;
};

constexpr Missing kMissing[] = {
    {"grpc-gateway", Status::NotYet},  {"grpc-web", Status::NotYet},
    {"pre-function", Status::RunsLua},     {"post-function", Status::RunsLua},
    {"acme", Status::NeedsInternet},       {"aws-lambda", Status::NeedsInternet},
    {"azure-functions", Status::NeedsInternet},
};

}  // namespace

std::string missingKongPlugin(const std::string& name) {
  for (const Missing& m : kMissing) {
    if (m.name != name) continue;
    const std::string head = "plugin '" + name + "' is one of Kong 2.8's bundled plugins that Sluice ";
    switch (m.status) {
      case Status::NotYet: return head + "does not have yet (planned: they translate HTTP/1.1 calls to the gRPC services Sluice proxies)";
      case Status::RunsLua: return head + "will not offer: it runs Lua code, and Sluice runs no Lua";
      case Status::NeedsInternet: return head + "will not offer: it only works with a service on the internet";
    }
  }
  return {};
}

}  // namespace sluice::plugins
