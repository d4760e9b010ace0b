#include "plugins/response_transformer/plugin.h"

#include "plugins/config_values.h"
#include "plugins/transform_fields.h"

namespace sluice::plugins {
namespace {

class ResponseTransformerPlugin final : public Plugin {
 public:
  explicit ResponseTransformerPlugin(const nlohmann::json& config)
      : headers_(HeaderTransform::fromConfig(config)), json_(bodyEdits(config, "json")) {}

  uint8_t phases() const override {
    return phaseBit(Phase::HeaderFilter) | (json_.empty() ? 0 : phaseBit(Phase::BodyFilter));
  }

  void headerFilter(RequestContext& ctx) const override {
    auto headers = responseHeaders(ctx);
    headers_.apply(headers);
    // JSON edits need the whole body: the exchange collects it and calls bodyFilter.
    std::string_view value;
    if (!json_.empty() && headers.current("content-type", value) && bodyTypeOf(value) == BodyType::Json) ctx.bufferResponse = true;
  }

  void bodyFilter(RequestContext&, std::string& body) const override {
    if (!json_.empty()) editJsonBody(json_, body);  // a body that is not a JSON object passes unchanged
  }

 private:
  HeaderTransform headers_;
  BodyEdits json_;
};

}  // namespace

PluginCreateResult createResponseTransformer(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<ResponseTransformerPlugin>(config));
}

}  // namespace sluice::plugins
