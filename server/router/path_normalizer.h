#pragma once
// Request paths are normalised before matching (RFC 3986 6.2.2, as Kong does): percent-encoded
// unreserved characters decoded, other triplets upper-cased, dot segments removed, "//" merged.
#include <string>
#include <string_view>

namespace sluice::router {

// True when `path` is already in normal form (the common case: no work, no copy).
bool isNormalPath(std::string_view path);
// Writes the normal form of `path` into `out` (reused by the caller); false for invalid
// percent-encoding.
bool normalizePath(std::string_view path, std::string& out);

}  // namespace sluice::router
