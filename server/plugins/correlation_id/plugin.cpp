#include "plugins/correlation_id/plugin.h"

#include "core/uuid.h"
#include "plugins/config_values.h"

#include <unistd.h>

#include <charconv>
#include <chrono>

namespace sluice::plugins {
namespace {

enum class Generator { Uuid, UuidCounter, Tracker };

class CorrelationIdPlugin final : public Plugin {
 public:
  explicit CorrelationIdPlugin(const nlohmann::json& config)
      : header_(optionalString(config, "header_name")), echo_(config.at("echo_downstream").get<bool>()) {
    const std::string g = config.at("generator").get<std::string>();
    generator_ = g == "uuid" ? Generator::Uuid : g == "tracker" ? Generator::Tracker : Generator::UuidCounter;
    if (header_.empty()) header_ = "Kong-Request-ID";
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    std::string_view id = ctx.header(header_);
    thread_local std::string generated;
    if (id.empty()) {
      generate(ctx, generated);
      ctx.setHeaders.add(header_, generated);
      id = generated;
    }
    if (echo_) ctx.responseHeaders.add(header_, id);
    return PhaseResult::Continue;
  }

 private:
  void generate(const RequestContext& ctx, std::string& out) const {
    switch (generator_) {
      case Generator::Uuid: out = core::newUuid(); return;
      case Generator::UuidCounter: {
        // One UUID per worker thread, then a counter: unique without a random draw per request.
        thread_local const std::string worker = core::newUuid();
        thread_local uint64_t counter = 0;
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, ++counter).ptr;
        out.assign(worker).append("#").append(digits, end);
        return;
      }
      case Generator::Tracker: {
        // Who and when: client address, process, per-worker sequence, time in milliseconds.
        thread_local uint64_t sequence = 0;
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        out.assign(ctx.clientIp).append("-").append(std::to_string(getpid())).append("-").append(std::to_string(++sequence))
            .append("-").append(std::to_string(ms));
        return;
      }
    }
  }

  std::string header_;
  bool echo_;
  Generator generator_ = Generator::UuidCounter;
};

}  // namespace

PluginCreateResult createCorrelationId(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<CorrelationIdPlugin>(config));
}

}  // namespace sluice::plugins
