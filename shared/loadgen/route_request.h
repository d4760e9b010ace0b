#pragma once
// A request a route accepts, from its Admin API JSON: the gateway's own load tests and the
// manager's both start from it when the user names a route and nothing more.
#include <nlohmann/json.hpp>

#include <string>

namespace sluice::loadgen {

// Its first method, else GET.
std::string routeMethod(const nlohmann::json& route);
// Its first plain path ("/" when it has none or only regexes).
std::string routePath(const nlohmann::json& route);
// Its first host with a wildcard filled in ("*.shop.test" → "loadtest.shop.test"); empty when it
// matches any host.
std::string routeHost(const nlohmann::json& route);

}  // namespace sluice::loadgen
