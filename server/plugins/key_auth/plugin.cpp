#include "plugins/key_auth/plugin.h"

#include "http/query_string.h"
#include "plugins/authentication.h"
#include "plugins/body_edits.h"
#include "plugins/config_values.h"

#include <unordered_map>

namespace sluice::plugins {
namespace {

// Every key of the snapshot, shared by all key-auth instances.
struct KeyIndex {
  struct Credential {
    size_t consumer;
    std::string id;
  };
  // Looked up by string_view: no copy of the key per request.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Credential, Hash, std::equal_to<>> byKey;
};

class KeyAuthPlugin final : public Plugin {
 public:
  KeyAuthPlugin(const nlohmann::json& config, std::shared_ptr<const KeyIndex> keys) : keys_(std::move(keys)) {
    keyNames_ = stringList(config, "key_names");
    inHeader_ = config.at("key_in_header").get<bool>();
    inQuery_ = config.at("key_in_query").get<bool>();
    inBody_ = config.at("key_in_body").get<bool>();
    hideCredentials_ = config.at("hide_credentials").get<bool>();
    runOnPreflight_ = config.at("run_on_preflight").get<bool>();
    anonymous_ = optionalString(config, "anonymous");
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }
  bool readsRequestBody() const override { return inBody_; }

  PhaseResult access(RequestContext& ctx) const override {
    if (!runOnPreflight_ && ctx.request->method == "OPTIONS") return PhaseResult::Continue;
    if (!anonymous_.empty() && alreadyAuthenticated(ctx)) return PhaseResult::Continue;
    std::string_view key;
    std::string fromQuery;  // a key found in the query or the body (decoded)
    for (const std::string& name : keyNames_) {
      if (inHeader_) {
        int seen = 0;
        for (const auto& h : ctx.request->headers)
          if (http::equalsIgnoreCase(h.name, name) && seen++ == 0) key = h.value;
        if (seen > 1) return fail(ctx, 401, "Duplicate API key found");
        if (seen == 1) {
          if (hideCredentials_) ctx.removeHeaders.add(name);
          break;
        }
      }
      if (inQuery_) {
        const int seen = http::findQueryArg(currentQuery(ctx), name, fromQuery);
        if (seen > 1) return fail(ctx, 401, "Duplicate API key found");
        if (seen == 1) {
          key = fromQuery;
          if (hideCredentials_) {
            std::string rest;
            http::removeQueryArg(currentQuery(ctx), name, rest);
            ctx.query = std::move(rest);
            ctx.queryRewritten = true;
          }
          break;
        }
      }
      if (inBody_ && ctx.requestBody) {
        const BodyType type = bodyTypeOf(ctx.header("content-type"));
        const int seen = findBodyField(*ctx.requestBody, type, name, fromQuery);
        if (seen > 1) return fail(ctx, 401, "Duplicate API key found");
        if (seen == 1) {
          key = fromQuery;
          if (hideCredentials_) removeBodyField(*ctx.requestBody, type, name);
          break;
        }
      }
    }
    if (key.empty()) {
      ctx.local.headers.add("WWW-Authenticate", "Key realm=\"sluice\"");
      return fail(ctx, 401, "No API key found in request");
    }
    const auto it = keys_->byKey.find(key);
    if (it == keys_->byKey.end()) return fail(ctx, 401, "Invalid authentication credentials");
    authenticate(ctx, it->second.consumer, it->second.id, it->second.id);
    return PhaseResult::Continue;
  }

 private:
  static std::string_view currentQuery(const RequestContext& ctx) {
    return ctx.queryRewritten ? std::string_view(ctx.query) : ctx.request->query;
  }

  // A failure lets the request through as the anonymous consumer when one is configured.
  PhaseResult fail(RequestContext& ctx, int status, std::string_view message) const {
    return failAuthentication(ctx, anonymous_, status, message);
  }

  std::shared_ptr<const KeyIndex> keys_;
  std::vector<std::string> keyNames_;
  bool inHeader_ = true, inQuery_ = true, inBody_ = false, hideCredentials_ = false, runOnPreflight_ = true;
  std::string anonymous_;
};

}  // namespace

PluginCreateResult createKeyAuth(const nlohmann::json& config, BuildContext& context) {
  auto keys = context.shared<KeyIndex>("key-auth", [&context] {
    auto index = std::make_shared<KeyIndex>();
    forEachCredential(context, "keyauth_credentials", [&](const nlohmann::json& row, size_t consumer) {
      index->byKey.emplace(row.at("key").get<std::string>(), KeyIndex::Credential{consumer, row.at("id").get<std::string>()});
    });
    return std::shared_ptr<const KeyIndex>(std::move(index));
  });
  return PluginConstSharedPtr(std::make_shared<KeyAuthPlugin>(config, std::move(keys)));
}

}  // namespace sluice::plugins
