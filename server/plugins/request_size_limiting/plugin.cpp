#include "plugins/request_size_limiting/plugin.h"

namespace sluice::plugins {
namespace {

constexpr std::string_view kMessage = "Request size limit exceeded";

class RequestSizeLimitingPlugin final : public Plugin {
 public:
  explicit RequestSizeLimitingPlugin(const nlohmann::json& config)
      : requireContentLength_(config.at("require_content_length").get<bool>()) {
    const std::string unit = config.at("size_unit").get<std::string>();
    const uint64_t scale = unit == "megabytes" ? 1024 * 1024 : unit == "kilobytes" ? 1024 : 1;
    limit_ = config.at("allowed_payload_size").get<uint64_t>() * scale;
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    const http::RequestHead& r = *ctx.request;
    if (r.framing == http::BodyFraming::ContentLength) {
      if (r.contentLength <= limit_) return PhaseResult::Continue;
      // A client waiting for 100 Continue learns before sending anything (Kong: 417).
      ctx.respond(r.expectContinue ? 417 : 413, kMessage);
      return PhaseResult::Respond;
    }
    if (r.framing == http::BodyFraming::Chunked) {
      if (requireContentLength_) {
        ctx.respond(411, "A valid Content-Length header is required");
        return PhaseResult::Respond;
      }
      // Counted while it streams: the exchange answers 413 when the body passes the limit.
      if (ctx.bodyLimit == 0 || limit_ < ctx.bodyLimit) {
        ctx.bodyLimit = limit_;
        ctx.bodyLimitMessage = kMessage;
      }
    }
    return PhaseResult::Continue;
  }

 private:
  uint64_t limit_ = 0;
  bool requireContentLength_;
};

}  // namespace

PluginCreateResult createRequestSizeLimiting(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<RequestSizeLimitingPlugin>(config));
}

}  // namespace sluice::plugins
