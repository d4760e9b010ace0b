#pragma once
// The plugins this build offers, by Kong id. The list is explicit (builtin.cpp): static-init
// registration is dropped by linkers from static libraries.
#include "schema/plugin_schema.h"

#include <string>
#include <vector>

namespace sluice::plugins {

const std::vector<const schema::PluginSchema*>& builtinPluginSchemas();
const schema::PluginSchema* findPluginSchema(const std::string& name);

}  // namespace sluice::plugins
