#include "plugins/loggly/plugin.h"

#include "plugins/logging/log_plugin.h"
#include "plugins/logging/severity.h"
#include "plugins/logging/udp_sender.h"

#include <unistd.h>

#include <ctime>

namespace sluice::plugins {
namespace {

std::string hostName() {
  char name[256] = {};
  return gethostname(name, sizeof name - 1) == 0 ? std::string(name) : std::string();
}

}  // namespace

PluginCreateResult createLoggly(const nlohmann::json& config, BuildContext& context) {
  static const std::string kHost = hostName();
  const SeverityChoice severity = SeverityChoice::from(config);
  // "[KEY@41058 tag="a" tag="b"]": Kong's structured data, tags in the set's order.
  std::string structured = "[" + config.at("key").get<std::string>() + "@41058 ";
  bool first = true;
  for (const auto& tag : config.value("tags", nlohmann::json::array())) {
    structured.append(first ? "" : " ").append("tag=\"").append(tag.get<std::string>()).append("\"");
    first = false;
  }
  structured += "]";
  auto frame = [severity, structured](const RequestContext& ctx, std::string& line) {
    const int level = severity.forStatus(ctx.status);
    if (level < 0) return false;
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    line = "<" + std::to_string(8 + level) + ">1 " + stamp + " " + kHost + " kong - - " + structured + " " + line;
    return true;
  };
  return shippingLogPlugin<UdpSender>("loggly", config, context, std::move(frame));
}

}  // namespace sluice::plugins
