#pragma once
// Hex digests: MD5 for cache keys and configuration hashes (Kong's choices; not for secrets).
#include <string>
#include <string_view>

namespace sluice::core {

std::string md5Hex(std::string_view text);

}  // namespace sluice::core
