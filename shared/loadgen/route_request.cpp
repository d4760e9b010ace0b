#include "loadgen/route_request.h"

namespace sluice::loadgen {
namespace {

const nlohmann::json* firstOf(const nlohmann::json& route, const char* field) {
  if (!route.contains(field) || !route[field].is_array() || route[field].empty() || !route[field][0].is_string()) return nullptr;
  return &route[field][0];
}

}  // namespace

std::string routeMethod(const nlohmann::json& route) {
  const nlohmann::json* m = firstOf(route, "methods");
  return m ? m->get<std::string>() : "GET";
}

std::string routePath(const nlohmann::json& route) {
  if (route.contains("paths") && route["paths"].is_array())
    for (const auto& p : route["paths"])
      if (p.is_string() && !p.get<std::string>().empty() && p.get<std::string>()[0] == '/') return p.get<std::string>();
  return "/";
}

std::string routeHost(const nlohmann::json& route) {
  const nlohmann::json* h = firstOf(route, "hosts");
  if (!h) return {};
  std::string host = h->get<std::string>();
  if (host.rfind("*.", 0) == 0) host = "loadtest" + host.substr(1);
  if (host.size() > 2 && host.compare(host.size() - 2, 2, ".*") == 0) host = host.substr(0, host.size() - 1) + "test";
  return host;
}

}  // namespace sluice::loadgen
