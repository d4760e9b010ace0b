#include "plugins/bot_detection/plugin.h"

#include "plugins/config_values.h"
#include "router/regex.h"

namespace sluice::plugins {
namespace {

// The built-in rules: crawlers, scrapers and link previewers that announce themselves, and
// common scripting clients. (Operators let any of them in with `allow`.)
const char* const kBotRules[] = {
    R"((?i)\b[\w.-]*(bot|spider|crawler|crawling|scraper|archiver|indexer)\b)",
    R"((?i)\b(facebookexternalhit|slurp|feedfetcher|mediapartners-google|bingpreview|ia_archiver)\b)",
    R"((?i)\b(nutch|heritrix|httrack|wget|libwww-perl|python-requests|python-urllib|scrapy|go-http-client|java/\d)\b)",
    R"((?i)\b(nikto|sqlmap|nmap|masscan|zgrab|dirbuster|w3af|acunetix|netsparker)\b)",
};

std::vector<router::Regex> compileAll(const std::vector<std::string>& patterns) {
  std::vector<router::Regex> out;
  for (const auto& p : patterns)
    if (auto re = router::Regex::compileSearch(p)) out.push_back(std::move(*re));
  return out;
}

const std::vector<router::Regex>& builtinRules() {
  static const std::vector<router::Regex> kRules = compileAll(std::vector<std::string>(std::begin(kBotRules), std::end(kBotRules)));
  return kRules;
}

class BotDetectionPlugin final : public Plugin {
 public:
  explicit BotDetectionPlugin(const nlohmann::json& config)
      : allow_(compileAll(stringList(config, "allow"))), deny_(compileAll(stringList(config, "deny"))) {}

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    int seen = 0;
    std::string_view agent;
    for (const auto& h : ctx.request->headers)
      if (http::equalsIgnoreCase(h.name, "user-agent") && seen++ == 0) agent = h.value;
    if (seen == 0) return PhaseResult::Continue;
    if (seen > 1) {
      ctx.respond(400, "User-Agent header is repeated");
      return PhaseResult::Respond;
    }
    for (const auto& re : allow_)
      if (re.matches(agent)) return PhaseResult::Continue;
    for (const auto* rules : {&deny_, &builtinRules()})
      for (const auto& re : *rules)
        if (re.matches(agent)) {
          ctx.respond(403, "Forbidden");
          return PhaseResult::Respond;
        }
    return PhaseResult::Continue;
  }

 private:
  std::vector<router::Regex> allow_, deny_;
};

}  // namespace

PluginCreateResult createBotDetection(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<BotDetectionPlugin>(config));
}

}  // namespace sluice::plugins
