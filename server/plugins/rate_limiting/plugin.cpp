#include "plugins/rate_limiting/plugin.h"

#include "plugins/counters/periods.h"
#include "plugins/counters/policy_choice.h"
#include "snapshot/config_snapshot.h"

#include <array>
#include <functional>

namespace sluice::plugins {
namespace {

class RateLimitingPlugin final : public Plugin {
 public:
  RateLimitingPlugin(const nlohmann::json& config, const std::string& id, std::shared_ptr<CounterPolicy> counters)
      : counters_(std::move(counters)), seed_(mixBits(std::hash<std::string>{}(id))) {
    faultTolerant_ = config.value("fault_tolerant", true);
    for (int p = 0; p < kPeriods; ++p)
      if (config.contains(kPeriodNames[p]) && config[kPeriodNames[p]].is_number()) {
        limits_[p] = static_cast<uint64_t>(config[kPeriodNames[p]].get<double>());
        configured_[p] = true;
        limitText_[p] = decimal(limits_[p]);
        limitHeader_[p] = std::string("X-RateLimit-Limit-") + kPeriodTitles[p];
        remainingHeader_[p] = std::string("X-RateLimit-Remaining-") + kPeriodTitles[p];
      }
    limitBy_ = config.value("limit_by", "consumer");
    if (config.contains("header_name") && config["header_name"].is_string()) headerName_ = config["header_name"].get<std::string>();
    if (config.contains("path") && config["path"].is_string()) path_ = config["path"].get<std::string>();
    hideHeaders_ = config.at("hide_client_headers").get<bool>();
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    if (!faultTolerant_ && !counters_->available()) {  // the shared store is away: refuse rather than guess
      ctx.respond(500, "An unexpected error occurred");
      return PhaseResult::Respond;
    }
    const time_t now = std::time(nullptr);
    const uint64_t who = mixBits(seed_ ^ std::hash<std::string_view>{}(identifier(ctx)));
    std::array<Window, kPeriods> windows{};
    std::array<uint64_t, kPeriods> keys{}, used{};
    int stop = -1;
    for (int p = 0; p < kPeriods; ++p) {
      if (!configured_[p]) continue;
      windows[p] = windowOf(static_cast<Period>(p), now);
      keys[p] = mixBits(who + static_cast<uint64_t>(p));
      // A shared policy may answer the limit before the count reaches it: this node has used the
      // holding it was granted, and the rest is held by other nodes; the client is told nothing
      // remains.
      used[p] = counters_->usageFor(keys[p], windows[p].index, limits_[p]);
      if (used[p] >= limits_[p] && stop < 0) stop = p;
    }
    // Kong's headers: per period, then the period closest to its limit (the longer on a tie).
    uint64_t remaining = 0, reset = 0;
    int chosen = -1;
    char digits[24], leftDigits[kPeriods][24];
    std::string_view remainingText;  // the chosen period's, written once for both headers
    for (int p = 0; p < kPeriods; ++p) {
      if (!configured_[p]) continue;
      uint64_t left = limits_[p] > used[p] ? limits_[p] - used[p] : 0;
      if ((stop < 0 || stop == p) && left > 0) --left;  // this request
      const std::string_view leftText = hideHeaders_ ? std::string_view() : decimal(left, leftDigits[p]);
      if (chosen < 0 || left < remaining || (left == remaining && kPeriodLength[p] > kPeriodLength[chosen])) {
        chosen = p;
        remaining = left;
        remainingText = leftText;
        const uint64_t elapsed = static_cast<uint64_t>(now) - windows[p].start;
        reset = kPeriodLength[p] > elapsed + 1 ? kPeriodLength[p] - elapsed : 1;
      }
      if (!hideHeaders_) {
        ctx.responseHeaders.add(limitHeader_[p], limitText_[p]);
        ctx.responseHeaders.add(remainingHeader_[p], leftText);
      }
    }
    if (!hideHeaders_ && chosen >= 0) {
      ctx.responseHeaders.add("RateLimit-Limit", limitText_[chosen]);
      ctx.responseHeaders.add("RateLimit-Remaining", remainingText);
      ctx.responseHeaders.add("RateLimit-Reset", decimal(reset, digits));
    }
    if (stop >= 0) {
      ctx.responseHeaders.add("Retry-After", decimal(reset, digits));
      ctx.respond(429, "API rate limit exceeded");
      return PhaseResult::Respond;
    }
    for (int p = 0; p < kPeriods; ++p)
      if (configured_[p])
        counters_->increment(keys[p], windows[p].index, windows[p].expiresAt(), 1, limits_[p]);
    return PhaseResult::Continue;
  }

 private:
  // What the counters are kept for (Kong's get_identifier); the client address when it is missing.
  std::string_view identifier(const RequestContext& ctx) const {
    std::string_view id;
    if (limitBy_ == "consumer") id = ctx.consumer ? std::string_view(ctx.consumer->id) : std::string_view(ctx.credentialId);
    else if (limitBy_ == "credential") id = ctx.credentialId;
    else if (limitBy_ == "service") id = ctx.service ? std::string_view(ctx.service->id) : std::string_view();
    else if (limitBy_ == "header") id = ctx.header(headerName_);
    else if (limitBy_ == "path" && ctx.path == path_) id = ctx.path;
    return id.empty() ? ctx.clientIp : id;
  }

  std::shared_ptr<CounterPolicy> counters_;
  uint64_t seed_;
  bool faultTolerant_ = true;
  std::array<uint64_t, kPeriods> limits_{};
  std::array<bool, kPeriods> configured_{};
  std::array<std::string, kPeriods> limitText_, limitHeader_, remainingHeader_;
  std::string limitBy_, headerName_, path_;
  bool hideHeaders_ = false;
};

}  // namespace

PluginCreateResult createRateLimiting(const nlohmann::json& config, BuildContext& context) {
  return PluginConstSharedPtr(
      std::make_shared<RateLimitingPlugin>(config, context.pluginId(), countersForPolicy("rate-limiting", config, context)));
}

}  // namespace sluice::plugins
