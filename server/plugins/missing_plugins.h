#pragma once
// Kong 2.8's bundled plugins that this build lacks: the message that refuses each, saying whether
// it is planned or why it is not coming.
#include <string>

namespace sluice::plugins {

// Empty for any name that is not one of them.
std::string missingKongPlugin(const std::string& name);

}  // namespace sluice::plugins
