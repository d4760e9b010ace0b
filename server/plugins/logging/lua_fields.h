#pragma once
// Kong's log plugins accept `custom_fields_by_lua` (Lua expressions added to the log object).
// Sluice runs no Lua: the field is accepted, so that a Kong user's file still loads, and a plugin
// built with some says so in the log once.
#include "plugins/build_context.h"

namespace sluice::plugins {

void warnIgnoredLua(const nlohmann::json& config, BuildContext& context, const char* plugin);

}  // namespace sluice::plugins
