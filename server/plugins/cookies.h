#pragma once
// Reading a request's cookies (jwt's cookie_names, session's cookie): `name=value` pairs of the
// Cookie header, separated by ';'.
#include "plugins/request_context.h"

#include <string_view>

namespace sluice::plugins {

// The value of the first cookie named `name` (empty: none, or empty).
inline std::string_view cookieValue(const RequestContext& ctx, std::string_view name) {
  const std::string_view cookie = ctx.header("cookie");
  size_t pos = 0;
  while (pos < cookie.size()) {
    size_t end = cookie.find(';', pos);
    if (end == std::string_view::npos) end = cookie.size();
    std::string_view pair = cookie.substr(pos, end - pos);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=') return pair.substr(name.size() + 1);
    pos = end + 1;
  }
  return {};
}

}  // namespace sluice::plugins
