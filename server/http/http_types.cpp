#include "http/http_types.h"

#include <cctype>

namespace sluice::http {
namespace {

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace

std::string_view trimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string_view findHeader(const Headers& headers, std::string_view name) {
  for (const auto& h : headers)
    if (equalsIgnoreCase(h.name, name)) return h.value;
  return {};
}

bool hasToken(std::string_view value, std::string_view token) {
  while (!value.empty()) {
    const auto comma = value.find(',');
    if (equalsIgnoreCase(trimOws(value.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

bool isHopByHop(std::string_view name) {
  static constexpr std::string_view kHopByHop[] = {"connection", "keep-alive",        "proxy-connection",
                                                   "te",         "transfer-encoding", "upgrade"};
  for (auto h : kHopByHop)
    if (equalsIgnoreCase(name, h)) return true;
  return false;
}

std::string toLower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view hostWithoutPort(std::string_view host) {
  const size_t colon = host.rfind(':');
  const size_t bracket = host.rfind(']');
  if (colon == std::string_view::npos || (bracket != std::string_view::npos && colon < bracket)) return host;
  if (bracket == std::string_view::npos && host.find(':') != colon) return host;  // a bare IPv6 address
  return host.substr(0, colon);
}

}  // namespace sluice::http
