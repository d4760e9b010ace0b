#pragma once
// The plugin shape every log plugin shares: capture the request (access) and the response head
// (header_filter) while their bytes exist, then queue Kong's log object to a sink (log).
#include "plugins/logging/log_serializer.h"
#include "observe/log_sink.h"
#include "plugins/plugin.h"

#include <memory>

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

}  // namespace sluice::plugins
