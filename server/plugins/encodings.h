#pragma once
// Encodings several plugins write and read: base64url without padding (oauth2's PKCE challenges,
// session's cookies), URI components (oauth2's redirects, zipkin's baggage) and random hex
// identifiers (oauth2's tokens, zipkin's trace and span ids).
#include <string>
#include <string_view>

namespace sluice::plugins {

std::string base64urlEncode(const unsigned char* data, size_t size);
// Base64url with or without padding; false when `in` is not.
bool base64urlDecode(std::string_view in, std::string& out);
// ngx.escape_uri: every byte but the unreserved characters (letters, digits, "-._~") as %XX.
std::string escapeUriComponent(std::string_view in);
// `bytes` (at most 32) random bytes from OpenSSL as lower-case hex.
std::string randomHex(size_t bytes);

}  // namespace sluice::plugins
