#pragma once
// Views into a connection's buffer: a parsed head never copies header bytes. The buffer must stay
// put while a head is in use (connections only compact it between exchanges).
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::http {

struct Header {
  std::string_view name;
  std::string_view value;
};

using Headers = std::vector<Header>;  // reused per connection: no allocation once warm

// How a message body is delimited (RFC 9112 section 6).
enum class BodyFraming { None, ContentLength, Chunked, UntilClose };

enum class ParseResult { NeedMore, Done, Error };

// ASCII lower case of one byte (header names and host names are ASCII; no locale involved).
constexpr char asciiLower(char c) { return static_cast<char>(c + ((static_cast<unsigned char>(c - 'A') < 26) << 5)); }
// Case-insensitive ASCII equality. Inline: header writers call it for every header against every
// name they look for, and most calls end at the length check.
inline bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (asciiLower(a[i]) != asciiLower(b[i])) return false;
  return true;
}
// The reason phrase of a status line ("Not Found"); "Unknown" for a code it does not know.
std::string_view reasonPhrase(int status);
// Without leading and trailing spaces and tabs (RFC 9110 OWS).
std::string_view trimOws(std::string_view s);
// The first header with this name (case-insensitive), or an empty view.
std::string_view findHeader(const Headers& headers, std::string_view name);
// True if a comma-separated header value contains `token` (case-insensitive), e.g. Connection: close.
bool hasToken(std::string_view value, std::string_view token);
// Hop-by-hop headers (RFC 9110 7.6.1) that a proxy never forwards.
bool isHopByHop(std::string_view name);
// ASCII lower case (header names, media types, host names).
std::string toLower(std::string_view s);
// A Host value without its port: "a.example:8000" -> "a.example", "[::1]:80" -> "[::1]".
std::string_view hostWithoutPort(std::string_view host);

// The syntax both parsers (requests, responses) check: token characters of header names, a
// Content-Length value, and the end of a head (index just past the blank line) at or after
// `from` (bytes already scanned), or npos.
// (Inline: the parsers call them for every byte of a head.)
inline constexpr auto kTokenChars = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = true;
  for (unsigned char c : std::string_view("!#$%&'*+-.^_`|~")) t[c] = true;
  return t;
}();
inline bool isTokenChar(unsigned char c) { return kTokenChars[c]; }

inline bool parseContentLength(std::string_view value, uint64_t& out) {
  if (value.empty() || value.size() > 18) return false;
  uint64_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  out = n;
  return true;
}

inline size_t findHeadEnd(std::string_view data, size_t from) {
  size_t at = from > 3 ? from - 3 : 0;
  while (at < data.size()) {
    const void* p = std::memchr(data.data() + at, '\n', data.size() - at);
    if (!p) return std::string_view::npos;
    const size_t lf = static_cast<size_t>(static_cast<const char*>(p) - data.data());
    if (lf + 1 < data.size() && data[lf + 1] == '\n') return lf + 2;
    if (lf + 2 < data.size() && data[lf + 1] == '\r' && data[lf + 2] == '\n') return lf + 3;
    at = lf + 1;
  }
  return std::string_view::npos;
}

}  // namespace sluice::http
