#pragma once
// The plugin shape every log plugin shares: capture the request (access) and the response head
// (header_filter) while their bytes exist, then queue Kong's log object to a sink (log) — as it
// is, or framed (syslog's and loggly's headers) or dropped (below their log_level) by a `Frame`.
#include "plugins/logging/log_serializer.h"
#include "observe/log_sink.h"
#include "plugins/build_context.h"
#include "plugins/logging/lua_fields.h"
#include "plugins/plugin.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sluice::plugins {

class LogPlugin final : public Plugin {
 public:
  // Turns the JSON object into the line sent, in the log phase; false drops it.
  using Frame = std::function<bool(const RequestContext& ctx, std::string& line)>;
  explicit LogPlugin(std::shared_ptr<observe::LogSink> sink, Frame frame = {}) : sink_(std::move(sink)), frame_(std::move(frame)) {}

  uint8_t phases() const override { return phaseBit(Phase::Access) | phaseBit(Phase::HeaderFilter) | phaseBit(Phase::Log); }
  PhaseResult access(RequestContext& ctx) const override {
    captureRequestForLog(ctx);
    return PhaseResult::Continue;
  }
  void headerFilter(RequestContext& ctx) const override { captureResponseForLog(ctx); }
  void requestAnswered(RequestContext& ctx) const override { captureRequestForLog(ctx); }
  void log(const RequestContext& ctx) const override {
    std::string line = serializeLog(ctx);
    if (!frame_ || frame_(ctx, line)) sink_->push(std::move(line));
  }

 private:
  std::shared_ptr<observe::LogSink> sink_;
  Frame frame_;
};

// The queue whose lines a `Sender` built from a plugin's configuration ships: one queue, thread and
// sender per distinct configuration, kept across snapshots.
template <class Sender, class... SenderArgs>
std::shared_ptr<observe::LogSink> shippingSink(const char* name, const nlohmann::json& config, BuildContext& context,
                                               SenderArgs&&... senderArgs) {
  return context.node().get<observe::LogSink>(std::string(name) + ":" + config.dump(), [&] {
    auto sender = std::make_shared<Sender>(config, std::forward<SenderArgs>(senderArgs)...);
    return std::make_shared<observe::LogSink>([sender](std::vector<std::string>& lines) { sender->send(lines); }, 10000, 64, 50);
  });
}

// A log plugin whose lines such a queue ships (tcp-log, udp-log).
template <class Sender, class... SenderArgs>
PluginCreateResult shippingLogPlugin(const char* name, const nlohmann::json& config, BuildContext& context, LogPlugin::Frame frame = {},
                                     SenderArgs&&... senderArgs) {
  warnIgnoredLua(config, context, name);
  auto sink = shippingSink<Sender>(name, config, context, std::forward<SenderArgs>(senderArgs)...);
  return PluginConstSharedPtr(std::make_shared<LogPlugin>(std::move(sink), std::move(frame)));
}

}  // namespace sluice::plugins
