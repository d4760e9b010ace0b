#include "plugins/file_log/plugin.h"

#include "observe/log_file.h"
#include "plugins/config_values.h"
#include "plugins/logging/log_plugin.h"
#include "plugins/logging/lua_fields.h"

namespace sluice::plugins {

PluginCreateResult createFileLog(const nlohmann::json& config, BuildContext& context) {
  const std::string path = config.at("path").get<std::string>();
  const bool reopen = config.at("reopen").get<bool>();
  warnIgnoredLua(config, context, "file-log");
  // One writer thread per file and mode, kept across snapshots.
  auto sink = context.node().get<observe::LogSink>("file-log:" + std::string(reopen ? "reopen:" : "") + path, [&] {
    auto writer = std::make_shared<observe::LogFile>(path, reopen);
    return std::make_shared<observe::LogSink>([writer](std::vector<std::string>& lines) { writer->write(lines); }, 10000, 256, 100);
  });
  return PluginConstSharedPtr(std::make_shared<LogPlugin>(std::move(sink)));
}

}  // namespace sluice::plugins
