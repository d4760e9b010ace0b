#pragma once
#include <string>
#include <string_view>

namespace sluice::core {

// A random (version 4) UUID in lowercase 8-4-4-4-12 form.
std::string newUuid();
// True for any 8-4-4-4-12 hex string (any version, either case), as Kong's uuid typedef accepts.
bool isUuid(std::string_view text);

}  // namespace sluice::core
