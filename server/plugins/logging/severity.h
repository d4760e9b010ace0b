#pragma once
// Syslog severities by Kong's names, and the choice syslog and loggly make per response: the
// severity configured for server errors (>= 500), client errors (>= 400) or the rest, sent only if
// it is at least as severe as `log_level`.
#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace sluice::plugins {

// debug 7, info 6, notice 5, warning 4, err 3, crit 2, alert 1, emerg 0; -1 for another name.
int severityLevel(std::string_view name);
const std::vector<nlohmann::json>& severityNames();

struct SeverityChoice {
  int logLevel = 6, successful = 6, clientErrors = 6, serverErrors = 6;
  static SeverityChoice from(const nlohmann::json& config);
  // The severity of a response with `status`; -1 when it is below log_level (not sent).
  int forStatus(int status) const {
    const int severity = status >= 500 ? serverErrors : status >= 400 ? clientErrors : successful;
    return severity <= logLevel ? severity : -1;
  }
};

}  // namespace sluice::plugins
