#include "plugins/http_log/plugin.h"

#include "observe/shutdown_deadline.h"
#include "plugins/logging/http_sender.h"
#include "plugins/logging/log_plugin.h"
#include "plugins/logging/lua_fields.h"

namespace sluice::plugins {

PluginCreateResult createHttpLog(const nlohmann::json& config, BuildContext& context) {
  warnIgnoredLua(config, context, "http-log");
  // One queue and sender thread per distinct configuration, kept across snapshots.
  auto shutdown = context.node().find<observe::ShutdownDeadline>(observe::kShutdownDeadlineKey);
  auto sink = context.node().get<observe::LogSink>("http-log:" + config.dump(), [&config, &shutdown] {
    auto sender = std::make_shared<HttpSender>(config, shutdown);
    const auto batch = static_cast<size_t>(config.value("queue_size", 1));
    const auto flushMs = static_cast<uint32_t>(config.value("flush_timeout", 2.0) * 1000);
    return std::make_shared<observe::LogSink>([sender](std::vector<std::string>& lines) { sender->send(lines); }, 10000, batch, flushMs);
  });
  return PluginConstSharedPtr(std::make_shared<LogPlugin>(std::move(sink)));
}

}  // namespace sluice::plugins
