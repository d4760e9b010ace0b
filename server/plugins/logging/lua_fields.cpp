#include "plugins/logging/lua_fields.h"

#include <Poco/Logger.h>

namespace sluice::plugins {

void warnIgnoredLua(const nlohmann::json& config, BuildContext& context, const char* plugin) {
  const auto it = config.find("custom_fields_by_lua");
  if (it == config.end() || !it->is_object() || it->empty()) return;
  Poco::Logger::get("sluice.plugins").warning("%s (%s): custom_fields_by_lua is ignored (no Lua here)", std::string(plugin), context.pluginId());
}

}  // namespace sluice::plugins
