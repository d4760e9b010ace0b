#pragma once
// The path a request goes upstream with: Kong's joining of the service path and what the route
// left of the request path. v0 always joins them with one slash; v1 treats the service path as a
// plain prefix (see docs/life-of-a-request.md).
#include <string>
#include <string_view>

namespace sluice::proxy {

void joinUpstreamPath(std::string_view servicePath, std::string_view rest, bool v1, std::string& out);

}  // namespace sluice::proxy
