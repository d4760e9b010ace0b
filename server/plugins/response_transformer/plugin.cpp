#include "plugins/response_transformer/plugin.h"

#include "plugins/config_values.h"
#include "plugins/transform_fields.h"

namespace sluice::plugins {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

class ResponseTransformerPlugin final : public Plugin {
 public:
  explicit ResponseTransformerPlugin(const nlohmann::json& config)
      : remove_(stringList(config.at("remove"), "headers")),
        rename_(colonPairs(config, "rename", "headers")),
        replace_(colonPairs(config, "replace", "headers")),
        add_(colonPairs(config, "add", "headers")),
        append_(colonPairs(config, "append", "headers")),
        json_(bodyEdits(config, "json")) {}

  uint8_t phases() const override {
    return phaseBit(Phase::HeaderFilter) | (json_.empty() ? 0 : phaseBit(Phase::BodyFilter));
  }

  void headerFilter(RequestContext& ctx) const override {
    for (const auto& name : remove_) remove(ctx, name);
    std::string_view value;
    for (const auto& [from, to] : rename_) {
      if (!current(ctx, from, value)) continue;
      const std::string kept(value);
      remove(ctx, from);
      set(ctx, to, kept);
    }
    for (const auto& [name, v] : replace_)
      if (current(ctx, name, value)) set(ctx, name, v);
    for (const auto& [name, v] : add_)
      if (!current(ctx, name, value)) set(ctx, name, v);
    for (const auto& [name, v] : append_) ctx.responseHeaders.add(name, v, true);
    // JSON edits need the whole body: the exchange collects it and calls bodyFilter.
    if (!json_.empty() && current(ctx, "content-type", value) && bodyTypeOf(value) == BodyType::Json) ctx.bufferResponse = true;
  }

  void bodyFilter(RequestContext&, std::string& body) const override {
    if (!json_.empty()) editJsonBody(json_, body);  // a body that is not a JSON object passes unchanged
  }

 private:
  // The header as the client would see it after the edits so far.
  static bool current(const RequestContext& ctx, std::string_view name, std::string_view& value) {
    if (const HeaderEdit* e = ctx.responseHeaders.find(name)) {
      value = e->value;
      return true;
    }
    for (const auto& r : ctx.removeResponseHeaders)
      if (http::equalsIgnoreCase(r, name)) return false;
    if (!ctx.response) return false;
    for (const auto& h : ctx.response->headers)
      if (http::equalsIgnoreCase(h.name, name)) {
        value = h.value;
        return true;
      }
    return false;
  }
  static void remove(RequestContext& ctx, std::string_view name) {
    ctx.responseHeaders.erase(name);
    ctx.removeResponseHeaders.add(name);
  }
  static void set(RequestContext& ctx, std::string_view name, std::string_view value) {
    ctx.responseHeaders.erase(name);
    ctx.responseHeaders.add(name, value);
  }

  std::vector<std::string> remove_;
  Pairs rename_, replace_, add_, append_;
  BodyEdits json_;
};

}  // namespace

PluginCreateResult createResponseTransformer(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<ResponseTransformerPlugin>(config));
}

}  // namespace sluice::plugins
