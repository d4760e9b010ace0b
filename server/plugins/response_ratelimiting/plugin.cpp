#include "plugins/response_ratelimiting/plugin.h"

#include "plugins/config_values.h"
#include "plugins/counters/periods.h"
#include "plugins/counters/policy_choice.h"
#include "snapshot/config_snapshot.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>

namespace sluice::plugins {
namespace {

struct Limit {
  std::string name;
  uint64_t seed = 0;
  std::array<double, kPeriods> perPeriod{};
  std::array<bool, kPeriods> configured{};
  std::string upstreamHeader;  // X-RateLimit-Remaining-<name>
  std::array<std::string, kPeriods> limitHeader, remainingHeader, limitText;
};

// What access learnt, for header_filter and log.
struct ResponseUsage {
  bool counted = false;  // access read the usage: header_filter and log act
  bool refused = false;  // header_filter answered 429: nothing is counted
  std::array<Window, kPeriods> windows{};
  uint64_t who = 0;
  std::vector<double> remaining;    // [limit * kPeriods + period]: limit - usage before this request
  std::vector<double> increments;   // per limit: what the upstream said this response used
  void clear() {
    counted = refused = false;
    remaining.clear();
    increments.clear();
  }
};

// Lua's tonumber of a stripped string: a whole decimal (or hex) number, else nothing.
bool parseIncrement(std::string_view text, double& out) {
  text = http::trimOws(text);
  if (text.empty() || text.size() > 40) return false;
  char buffer[48];
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
  char* end = nullptr;
  out = std::strtod(buffer, &end);
  return end == buffer + text.size();
}

class ResponseRatelimitingPlugin final : public Plugin {
 public:
  ResponseRatelimitingPlugin(const nlohmann::json& config, const std::string& id, std::shared_ptr<CounterPolicy> counters)
      : counters_(std::move(counters)), seed_(mixBits(std::hash<std::string>{}(id))) {
    headerName_ = optionalString(config, "header_name");
    limitBy_ = config.value("limit_by", "consumer");
    faultTolerant_ = config.value("fault_tolerant", true);
    blockOnFirstViolation_ = config.value("block_on_first_violation", false);
    hideHeaders_ = config.value("hide_client_headers", false);
    for (const auto& [name, periods] : config.at("limits").items()) {
      Limit limit;
      limit.name = name;
      limit.seed = mixBits(std::hash<std::string>{}(name));
      limit.upstreamHeader = "X-RateLimit-Remaining-" + name;
      for (int p = 0; p < kPeriods; ++p) {
        const auto value = periods.find(kPeriodNames[p]);
        if (value == periods.end() || !value->is_number()) continue;
        limit.configured[p] = true;
        limit.perPeriod[p] = value->get<double>();
        limit.limitText[p] = luaNumber(limit.perPeriod[p]);
        limit.limitHeader[p] = "X-RateLimit-Limit-" + name + "-" + kPeriodNames[p];
        limit.remainingHeader[p] = "X-RateLimit-Remaining-" + name + "-" + kPeriodNames[p];
      }
      limits_.push_back(std::move(limit));
    }
  }

  uint8_t phases() const override {
    return phaseBit(Phase::Access) | phaseBit(Phase::HeaderFilter) | phaseBit(Phase::Log);
  }

  PhaseResult access(RequestContext& ctx) const override {
    if (!faultTolerant_ && !counters_->available()) {  // the shared store is away: refuse rather than guess
      ctx.respond(500, "An unexpected error occurred");
      return PhaseResult::Respond;
    }
    ResponseUsage& usage = ctx.pluginSlots.get<ResponseUsage>();
    const time_t now = std::time(nullptr);
    for (int p = 0; p < kPeriods; ++p) usage.windows[p] = windowOf(static_cast<Period>(p), now);
    usage.who = mixBits(seed_ ^ std::hash<std::string_view>{}(identifier(ctx)));
    usage.remaining.assign(limits_.size() * kPeriods, 0);
    for (size_t l = 0; l < limits_.size(); ++l) {
      const Limit& limit = limits_[l];
      double least = 0;
      bool any = false;
      for (int p = 0; p < kPeriods; ++p) {
        if (!limit.configured[p]) continue;
        const uint64_t used = counters_->usage(key(usage.who, limit, p), usage.windows[p].index);
        const double remaining = limit.perPeriod[p] - static_cast<double>(used);
        usage.remaining[l * kPeriods + p] = remaining;
        // Kong refuses only on exactly nothing left (an increment may take it below).
        if (blockOnFirstViolation_ && remaining == 0) {
          usage.clear();
          ctx.respond(429, "API rate limit exceeded for '" + limit.name + "'");
          return PhaseResult::Respond;
        }
        least = any ? std::min(least, remaining) : remaining;
        any = true;
      }
      ctx.setHeaders.add(limit.upstreamHeader, luaNumber(least));
    }
    usage.counted = true;
    return PhaseResult::Continue;
  }

  void headerFilter(RequestContext& ctx) const override {
    ResponseUsage* usage = &ctx.pluginSlots.get<ResponseUsage>();
    if (!usage->counted || !ctx.response) return;  // (Kong leaves the header then)
    usage->increments.assign(limits_.size(), 0);
    // Each header line is a list of name=value (a value that is not a number counts nothing).
    for (const http::Header& h : ctx.response->headers) {
      if (!http::equalsIgnoreCase(h.name, headerName_)) continue;
      std::string_view rest = h.value;
      while (!rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string_view part = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        const size_t equals = part.find('=');
        if (equals == std::string_view::npos || part.find('=', equals + 1) != std::string_view::npos) continue;
        const std::string_view name = http::trimOws(part.substr(0, equals));
        double increment = 0;
        if (!parseIncrement(part.substr(equals + 1), increment)) continue;
        for (size_t l = 0; l < limits_.size(); ++l)
          if (limits_[l].name == name) usage->increments[l] = increment;
      }
    }
    bool stop = false;
    for (size_t l = 0; l < limits_.size(); ++l) {
      const Limit& limit = limits_[l];
      for (int p = 0; p < kPeriods; ++p) {
        if (!limit.configured[p]) continue;
        const double remaining = usage->remaining[l * kPeriods + p];
        if (!hideHeaders_) {
          ctx.responseHeaders.add(limit.limitHeader[p], limit.limitText[p]);
          ctx.responseHeaders.add(limit.remainingHeader[p], luaNumber(std::max(0.0, remaining - usage->increments[l])));
        }
        if (usage->increments[l] > 0 && remaining <= 0) stop = true;
      }
    }
    ctx.removeResponseHeaders.add(headerName_);
    if (stop) {  // Kong's exit without a body: the upstream's response is not passed on
      usage->refused = true;
      ctx.local.status = 429;
      ctx.local.body.clear();
    }
  }

  void log(const RequestContext& ctx) const override {
    const ResponseUsage* usage = ctx.pluginSlots.find<ResponseUsage>();
    if (!usage || !usage->counted || usage->refused || usage->increments.empty()) return;
    for (size_t l = 0; l < limits_.size(); ++l) {
      // Counters count whole units; a negative or fractional part of an increment is not counted.
      const double increment = usage->increments[l];
      if (!(increment >= 1)) continue;
      for (int p = 0; p < kPeriods; ++p)
        if (limits_[l].configured[p])
          counters_->increment(key(usage->who, limits_[l], p), usage->windows[p].index, usage->windows[p].expiresAt(),
                               static_cast<uint64_t>(increment), 0);
    }
  }

 private:
  static uint64_t key(uint64_t who, const Limit& limit, int period) {
    return mixBits(mixBits(who ^ limit.seed) + static_cast<uint64_t>(period));
  }

  // Kong's get_identifier: the consumer (or its credential), the credential, else the client address.
  std::string_view identifier(const RequestContext& ctx) const {
    std::string_view id;
    if (limitBy_ == "consumer") id = ctx.consumer ? std::string_view(ctx.consumer->id) : std::string_view(ctx.credentialId);
    else if (limitBy_ == "credential") id = ctx.credentialId;
    return id.empty() ? ctx.clientIp : id;
  }

  std::shared_ptr<CounterPolicy> counters_;
  uint64_t seed_;
  std::string headerName_, limitBy_;
  bool faultTolerant_ = true, blockOnFirstViolation_ = false, hideHeaders_ = false;
  std::vector<Limit> limits_;
};

}  // namespace

PluginCreateResult createResponseRatelimiting(const nlohmann::json& config, BuildContext& context) {
  return PluginConstSharedPtr(std::make_shared<ResponseRatelimitingPlugin>(
      config, context.pluginId(), countersForPolicy("response-ratelimiting", config, context)));
}

}  // namespace sluice::plugins
