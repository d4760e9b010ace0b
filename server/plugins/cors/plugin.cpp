#include "plugins/cors/plugin.h"

#include "plugins/config_values.h"
#include "snapshot/config_snapshot.h"
#include "router/regex.h"

#include <cmath>

namespace sluice::plugins {
namespace {

// "scheme://host:port" with the scheme's default port made explicit, for comparing origins.
std::string normalizeOrigin(std::string_view origin) {
  std::string out;
  const size_t sep = origin.find("://");
  std::string_view scheme = sep == std::string_view::npos ? "http" : origin.substr(0, sep);
  std::string_view rest = sep == std::string_view::npos ? origin : origin.substr(sep + 3);
  rest = rest.substr(0, rest.find('/'));
  for (char c : scheme) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  out += "://";
  for (char c : rest) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  const size_t bracket = rest.rfind(']');
  const size_t colon = rest.rfind(':');
  if (colon == std::string_view::npos || (bracket != std::string_view::npos && colon < bracket))
    out += scheme == "https" ? ":443" : ":80";
  return out;
}

std::string joined(const nlohmann::json& config, const char* field) {
  std::string out;
  for (const auto& v : stringList(config, field)) out += (out.empty() ? "" : ",") + v;
  return out;
}

class CorsPlugin final : public Plugin {
 public:
  explicit CorsPlugin(const nlohmann::json& config)
      : headers_(joined(config, "headers")),
        exposedHeaders_(joined(config, "exposed_headers")),
        methods_(joined(config, "methods")),
        credentials_(config.at("credentials").get<bool>()),
        preflightContinue_(config.at("preflight_continue").get<bool>()) {
    if (config.contains("max_age") && config["max_age"].is_number()) {
      const double age = config["max_age"].get<double>();
      maxAge_ = age == std::floor(age) ? std::to_string(static_cast<long long>(age)) : std::to_string(age);
    }
    if (methods_.empty()) methods_ = "GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS,TRACE,CONNECT";
    if (config.contains("origins") && config["origins"].is_array())
      for (const auto& o : config["origins"]) {
        const std::string origin = o.get<std::string>();
        if (origin == "*" && config["origins"].size() == 1) break;
        // Anything beyond letters, digits and .:/- makes the entry a regex (Kong's rule).
        if (origin.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.:/-") != std::string::npos) {
          if (auto re = router::Regex::compile("(?:" + origin + ")\\z")) regexes_.push_back(std::move(*re));
        } else {
          origins_.push_back(normalizeOrigin(origin));
        }
      }
    allowAll_ = origins_.empty() && regexes_.empty();
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    // CORS is for browsers, and browsers do not make gRPC calls (gRPC-Web is another content
    // type, routed as http): a gRPC route's calls get no CORS headers.
    if (ctx.route && (ctx.route->grpc || ctx.route->grpcs)) return PhaseResult::Continue;
    const std::string_view origin = ctx.header("origin");
    const bool preflight =
        ctx.request->method == "OPTIONS" && !origin.empty() && !ctx.header("access-control-request-method").empty();
    if (preflight && preflightContinue_) return PhaseResult::Continue;  // the upstream answers it
    // Queued response headers apply to whatever answers: the upstream, this preflight, or a
    // later plugin's error (Kong runs header_filter on those too).
    HeaderEdits& out = ctx.responseHeaders;
    bool allowAll = allowAll_;
    if (allowAll) {
      out.add("Access-Control-Allow-Origin", "*");
    } else {
      out.add("Vary", "Origin", true);
      if (!origin.empty() && matches(origin)) out.add("Access-Control-Allow-Origin", origin);
    }
    if (credentials_) {
      if (!allowAll) {
        out.add("Access-Control-Allow-Credentials", "true");
      } else if (!origin.empty()) {  // '*' may not go with credentials: echo the origin instead
        out.back().value.assign(origin);
        out.add("Access-Control-Allow-Credentials", "true");
      }
    }
    if (!preflight) {
      if (!exposedHeaders_.empty()) out.add("Access-Control-Expose-Headers", exposedHeaders_);
      return PhaseResult::Continue;
    }
    const std::string_view requested = ctx.header("access-control-request-headers");
    if (!headers_.empty()) out.add("Access-Control-Allow-Headers", headers_);
    else if (!requested.empty()) out.add("Access-Control-Allow-Headers", requested);
    out.add("Access-Control-Allow-Methods", methods_);
    if (!maxAge_.empty()) out.add("Access-Control-Max-Age", maxAge_);
    ctx.local.status = 200;  // an empty 200
    return PhaseResult::Respond;
  }

 private:
  bool matches(std::string_view origin) const {
    const std::string normalized = normalizeOrigin(origin);
    for (const auto& o : origins_)
      if (o == normalized) return true;
    for (const auto& re : regexes_)
      if (re.matchPrefix(origin)) return true;
    return false;
  }

  std::vector<std::string> origins_;
  std::vector<router::Regex> regexes_;
  std::string headers_, exposedHeaders_, methods_, maxAge_;
  bool credentials_, preflightContinue_, allowAll_ = true;
};

}  // namespace

PluginCreateResult createCors(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<CorsPlugin>(config));
}

}  // namespace sluice::plugins
