#include "plugins/logging/severity.h"

namespace sluice::plugins {

const std::vector<nlohmann::json>& severityNames() {
  static const std::vector<nlohmann::json> kNames{"debug", "info", "notice", "warning", "err", "crit", "alert", "emerg"};
  return kNames;
}

int severityLevel(std::string_view name) {
  const auto& names = severityNames();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i].get_ref<const std::string&>() == name) return 7 - static_cast<int>(i);
  return -1;
}

SeverityChoice SeverityChoice::from(const nlohmann::json& config) {
  const auto level = [&config](const char* field) {
    const auto it = config.find(field);
    const int n = it != config.end() && it->is_string() ? severityLevel(it->get<std::string>()) : -1;
    return n < 0 ? 6 : n;  // (Kong's default: info)
  };
  return {level("log_level"), level("successful_severity"), level("client_errors_severity"), level("server_errors_severity")};
}

}  // namespace sluice::plugins
