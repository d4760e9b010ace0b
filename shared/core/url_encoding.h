#pragma once
// Percent-encoding for URLs and forms, shared by the gateway (query strings plugins rewrite) and
// Admin API clients (paths and query values they build).
#include <string>
#include <string_view>

namespace sluice::core {

// The value of a hex digit, or -1 (inline: the router and query parsing use it per byte).
inline int hexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// All but unreserved characters (A-Z a-z 0-9 - _ . ~) as %XX; a space as '+' when `spaceAsPlus`.
std::string percentEncode(std::string_view in, bool spaceAsPlus = false);
// %XX back to bytes (a malformed escape stays as it is); '+' as a space when `plusIsSpace`.
std::string percentDecode(std::string_view in, bool plusIsSpace = false);

}  // namespace sluice::core
