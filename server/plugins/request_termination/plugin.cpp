#include "plugins/request_termination/plugin.h"

#include "http/query_string.h"
#include "plugins/config_values.h"
#include "plugins/request_json.h"

#include <unistd.h>

namespace sluice::plugins {
namespace {

// Kong's default messages for the statuses operators use most.
const char* defaultMessage(int status) {
  switch (status) {
    case 401: return "Unauthorized";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 500: return "An unexpected error occurred";
    case 502: return "Bad Gateway";
    case 503: return "Service unavailable";
    default: return nullptr;
  }
}

class RequestTerminationPlugin final : public Plugin {
 public:
  explicit RequestTerminationPlugin(const nlohmann::json& config)
      : status_(config.at("status_code").get<int>()),
        message_(optionalString(config, "message")),
        body_(optionalString(config, "body")),
        contentType_(optionalString(config, "content_type")),
        trigger_(optionalString(config, "trigger")),
        echo_(config.at("echo").get<bool>()) {
    if (message_.empty() && body_.empty())
      if (const char* m = defaultMessage(status_)) message_ = m;
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    if (!trigger_.empty() && ctx.header(trigger_).empty()) {
      std::string value;
      if (http::findQueryArg(ctx.request->query, trigger_, value) == 0) return PhaseResult::Continue;
    }
    ctx.local.status = status_;
    if (echo_) {
      ctx.local.body = echo(ctx).dump();
      ctx.local.contentType = "application/json; charset=utf-8";
    } else if (!body_.empty()) {
      ctx.local.body = body_;
      ctx.local.contentType = contentType_;
    } else if (!message_.empty()) {
      ctx.local.message = message_;
    } else {
      ctx.local.body = "{}";  // Kong: no message for this status
      ctx.local.contentType = "application/json; charset=utf-8";
    }
    return PhaseResult::Respond;
  }

 private:
  nlohmann::json echo(const RequestContext& ctx) const {
    const http::RequestHead& r = *ctx.request;
    char hostname[256] = {};
    gethostname(hostname, sizeof hostname - 1);
    return nlohmann::json{
        {"message", message_.empty() ? nlohmann::json(nullptr) : nlohmann::json(message_)},
        {"kong", {{"node_id", nullptr}, {"worker_pid", getpid()}, {"hostname", hostname}}},
        {"request",
         {{"scheme", ctx.https ? "https" : "http"},
          {"host", std::string(http::hostWithoutPort(r.host))},
          {"method", std::string(r.method)},
          {"path", std::string(ctx.path)},
          {"query", queryJson(r.query)},
          {"headers", headersJson(r.headers)},
          {"raw_body", ""}}},
    };
  }

  int status_;
  std::string message_, body_, contentType_, trigger_;
  bool echo_;
};

}  // namespace

PluginCreateResult createRequestTermination(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<RequestTerminationPlugin>(config));
}

}  // namespace sluice::plugins
