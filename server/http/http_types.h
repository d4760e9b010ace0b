#pragma once
// Views into a connection's buffer: a parsed head never copies header bytes. The buffer must stay
// put while a head is in use (connections only compact it between exchanges).
#include <cstdint>
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

bool equalsIgnoreCase(std::string_view a, std::string_view b);
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

}  // namespace sluice::http
