#include "plugins/ip_restriction/plugin.h"

#include "plugins/config_values.h"

#include "net/address_range.h"

namespace sluice::plugins {
namespace {

std::vector<net::AddressRange> ranges(const nlohmann::json& config, const char* field) {
  std::vector<net::AddressRange> out;
  for (const std::string& entry : stringList(config, field))
    if (auto r = net::AddressRange::parse(entry)) out.push_back(*r);  // the schema has checked them
  return out;
}

class IpRestrictionPlugin final : public Plugin {
 public:
  explicit IpRestrictionPlugin(const nlohmann::json& config)
      : allow_(ranges(config, "allow")),
        deny_(ranges(config, "deny")),
        status_(config.contains("status") && config["status"].is_number() ? config["status"].get<int>() : 403),
        message_(optionalString(config, "message")) {
    if (message_.empty()) message_ = "Your IP address is not allowed";
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    const auto client = net::Address::parse(ctx.clientIp);
    if (!client) return refuse(ctx, "Cannot identify the client IP address");
    for (const auto& r : deny_)
      if (r.contains(*client)) return refuse(ctx, message_);
    if (allow_.empty()) return PhaseResult::Continue;
    for (const auto& r : allow_)
      if (r.contains(*client)) return PhaseResult::Continue;
    return refuse(ctx, message_);
  }

 private:
  PhaseResult refuse(RequestContext& ctx, std::string_view message) const {
    ctx.respond(status_, message);
    return PhaseResult::Respond;
  }

  std::vector<net::AddressRange> allow_, deny_;
  int status_;
  std::string message_;
};

}  // namespace

PluginCreateResult createIpRestriction(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<IpRestrictionPlugin>(config));
}

}  // namespace sluice::plugins
