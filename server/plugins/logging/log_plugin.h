#pragma once
// The plugin shape every log plugin shares: capture the request (access) and the response head
// (header_filter) while their bytes exist, then queue Kong's log object to a sink (log).
#include "plugins/logging/log_serializer.h"
#include "observe/log_sink.h"
#include "plugins/build_context.h"
#include "plugins/logging/lua_fields.h"
#include "plugins/plugin.h"

#include <memory>
#include <string>
#include <vector>

namespace sluice::plugins {

class LogPlugin final : public Plugin {
 public:
  explicit LogPlugin(std::shared_ptr<observe::LogSink> sink) : sink_(std::move(sink)) {}

  uint8_t phases() const override { return phaseBit(Phase::Access) | phaseBit(Phase::HeaderFilter) | phaseBit(Phase::Log); }
  PhaseResult access(RequestContext& ctx) const override {
    captureRequestForLog(ctx);
    return PhaseResult::Continue;
  }
  void headerFilter(RequestContext& ctx) const override { captureResponseForLog(ctx); }
  void requestAnswered(RequestContext& ctx) const override { captureRequestForLog(ctx); }
  void log(const RequestContext& ctx) const override { sink_->push(serializeLog(ctx)); }

 private:
  std::shared_ptr<observe::LogSink> sink_;
};

// A log plugin whose lines a `Sender` built from its configuration ships (tcp-log, udp-log): one
// queue, thread and sender per distinct configuration, kept across snapshots.
template <class Sender>
PluginCreateResult shippingLogPlugin(const char* name, const nlohmann::json& config, BuildContext& context) {
  warnIgnoredLua(config, context, name);
  auto sink = context.node().get<observe::LogSink>(std::string(name) + ":" + config.dump(), [&config] {
    auto sender = std::make_shared<Sender>(config);
    return std::make_shared<observe::LogSink>([sender](std::vector<std::string>& lines) { sender->send(lines); }, 10000, 64, 50);
  });
  return PluginConstSharedPtr(std::make_shared<LogPlugin>(std::move(sink)));
}

}  // namespace sluice::plugins
