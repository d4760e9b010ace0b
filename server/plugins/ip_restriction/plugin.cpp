#include "plugins/ip_restriction/plugin.h"

#include "plugins/config_values.h"

#include <arpa/inet.h>

#include <array>
#include <cstring>

namespace sluice::plugins {
namespace {

// An address as 16 bytes (IPv4 mapped into IPv6, as ::ffff:a.b.c.d), so one comparison serves both.
struct Address {
  std::array<unsigned char, 16> bytes{};
  bool parse(std::string_view text) {
    char buffer[INET6_ADDRSTRLEN + 1];
    if (text.size() >= sizeof buffer) return false;
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    in_addr v4{};
    if (inet_pton(AF_INET, buffer, &v4) == 1) {
      bytes = {};
      bytes[10] = bytes[11] = 0xff;
      std::memcpy(bytes.data() + 12, &v4, 4);
      return true;
    }
    return inet_pton(AF_INET6, buffer, bytes.data()) == 1;
  }
};

struct Range {
  Address base;
  int bits = 128;
  bool contains(const Address& a) const {
    int full = bits / 8;
    if (std::memcmp(a.bytes.data(), base.bytes.data(), static_cast<size_t>(full)) != 0) return false;
    const int rest = bits % 8;
    if (rest == 0) return true;
    const auto mask = static_cast<unsigned char>(0xff << (8 - rest));
    return (a.bytes[static_cast<size_t>(full)] & mask) == (base.bytes[static_cast<size_t>(full)] & mask);
  }
};

std::vector<Range> ranges(const nlohmann::json& config, const char* field) {
  std::vector<Range> out;
  for (const std::string& entry : stringList(config, field)) {
    const size_t slash = entry.find('/');
    Range r;
    const std::string address = entry.substr(0, slash);
    if (!r.base.parse(address)) continue;  // the schema has checked: this does not happen
    const bool v4 = address.find(':') == std::string::npos;
    r.bits = slash == std::string::npos ? 128 : std::stoi(entry.substr(slash + 1)) + (v4 ? 96 : 0);
    out.push_back(r);
  }
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
    Address client;
    if (!client.parse(ctx.clientIp)) return refuse(ctx, "Cannot identify the client IP address");
    for (const auto& r : deny_)
      if (r.contains(client)) return refuse(ctx, message_);
    if (allow_.empty()) return PhaseResult::Continue;
    for (const auto& r : allow_)
      if (r.contains(client)) return PhaseResult::Continue;
    return refuse(ctx, message_);
  }

 private:
  PhaseResult refuse(RequestContext& ctx, std::string_view message) const {
    ctx.respond(status_, message);
    return PhaseResult::Respond;
  }

  std::vector<Range> allow_, deny_;
  int status_;
  std::string message_;
};

}  // namespace

PluginCreateResult createIpRestriction(const nlohmann::json& config, BuildContext&) {
  return PluginConstSharedPtr(std::make_shared<IpRestrictionPlugin>(config));
}

}  // namespace sluice::plugins
