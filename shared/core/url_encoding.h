#pragma once
// Percent-encoding for URLs and forms, shared by the gateway (query strings plugins rewrite) and
// Admin API clients (paths and query values they build).
#include <string>
#include <string_view>

namespace sluice::core {

// All but unreserved characters (A-Z a-z 0-9 - _ . ~) as %XX; a space as '+' when `spaceAsPlus`.
std::string percentEncode(std::string_view in, bool spaceAsPlus = false);
// %XX back to bytes (a malformed escape stays as it is); '+' as a space when `plusIsSpace`.
std::string percentDecode(std::string_view in, bool plusIsSpace = false);

}  // namespace sluice::core
