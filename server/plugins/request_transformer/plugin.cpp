#include "plugins/request_transformer/plugin.h"

#include "core/url_encoding.h"
#include "http/query_string.h"
#include "plugins/config_values.h"
#include "plugins/transform_fields.h"

namespace sluice::plugins {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// Query arguments as name/value pairs (raw: percent-encoding kept as sent).
struct QueryArgs {
  std::vector<std::pair<std::string, std::string>> args;
  explicit QueryArgs(std::string_view query) {
    http::forEachQueryPair(query, [this](std::string_view n, std::string_view v) { args.emplace_back(std::string(n), std::string(v)); });
  }
  bool has(const std::string& name) const {
    for (const auto& a : args)
      if (a.first == name) return true;
    return false;
  }
  void remove(const std::string& name) { std::erase_if(args, [&](const auto& a) { return a.first == name; }); }
  std::string text() const {
    std::string out;
    for (const auto& [n, v] : args) out.append(out.empty() ? "" : "&").append(n).append("=").append(v);
    return out;
  }
};

class RequestTransformerPlugin final : public Plugin {
 public:
  explicit RequestTransformerPlugin(const nlohmann::json& config)
      : method_(optionalString(config, "http_method")),
        uri_(optionalString(config.at("replace"), "uri")),
        headers_(HeaderTransform::fromConfig(config)),
        removeQuery_(stringList(config.at("remove"), "querystring")),
        renameQuery_(colonPairs(config, "rename", "querystring")),
        replaceQuery_(colonPairs(config, "replace", "querystring")),
        addQuery_(colonPairs(config, "add", "querystring")),
        appendQuery_(colonPairs(config, "append", "querystring")),
        body_(bodyEdits(config, "body")) {
    editsQuery_ = !removeQuery_.empty() || !renameQuery_.empty() || !replaceQuery_.empty() || !addQuery_.empty() || !appendQuery_.empty();
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }
  bool readsRequestBody() const override { return !body_.empty(); }

  PhaseResult access(RequestContext& ctx) const override {
    auto headers = requestHeaders(ctx);
    headers_.apply(headers);
    if (!body_.empty() && ctx.requestBody) transformBody(ctx);
    if (editsQuery_) transformQuery(ctx);
    if (!method_.empty()) ctx.method = method_;
    if (!uri_.empty()) {
      ctx.pathRewritten = true;
      ctx.upstreamPath = uri_;
    }
    return PhaseResult::Continue;
  }

 private:
  // JSON and form bodies, as the Content-Type (after the header edits) says; others pass as they are.
  void transformBody(RequestContext& ctx) const {
    std::string_view contentType;
    if (!requestHeaders(ctx).current("content-type", contentType)) return;
    switch (bodyTypeOf(contentType)) {
      case BodyType::Json: editJsonBody(body_, *ctx.requestBody); break;
      case BodyType::Form: editFormBody(body_, *ctx.requestBody); break;
      case BodyType::Other: break;
    }
  }

  void transformQuery(RequestContext& ctx) const {
    QueryArgs q(ctx.queryRewritten ? std::string_view(ctx.query) : ctx.request->query);
    for (const auto& name : removeQuery_) q.remove(name);
    for (const auto& [from, to] : renameQuery_)
      for (auto& a : q.args)
        if (a.first == from) a.first = to;
    for (const auto& [name, value] : replaceQuery_)
      for (auto& a : q.args)
        if (a.first == name) a.second = core::percentEncode(value, false);
    for (const auto& [name, value] : addQuery_)
      if (!q.has(name)) q.args.emplace_back(name, core::percentEncode(value, false));
    for (const auto& [name, value] : appendQuery_) q.args.emplace_back(name, core::percentEncode(value, false));
    ctx.query = q.text();
    ctx.queryRewritten = true;
  }

  std::string method_, uri_;
  HeaderTransform headers_;
  std::vector<std::string> removeQuery_;
  Pairs renameQuery_, replaceQuery_, addQuery_, appendQuery_;
  BodyEdits body_;
  bool editsQuery_ = false;
};

}  // namespace

PluginCreateResult createRequestTransformer(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<RequestTransformerPlugin>(config));
}

}  // namespace sluice::plugins
