#include "plugins/counters/period_checks.h"

#include "plugins/counters/periods.h"

#include <cstdio>

namespace sluice::plugins {

schema::EntityCheck periodsInOrder(std::string checkName, schema::json args, bool capitalised) {
  schema::EntityCheck check;
  check.name = std::move(checkName);
  check.args = std::move(args);
  check.fieldNames.assign(kPeriodNames.begin(), kPeriodNames.end());
  check.run = [capitalised](const schema::json& limits) -> std::optional<schema::json> {
    for (int i = 0; i < kPeriods; ++i) {
      const auto lower = limits.find(kPeriodNames[i]);
      if (lower == limits.end() || !lower->is_number()) continue;
      for (int j = i + 1; j < kPeriods; ++j) {
        const auto upper = limits.find(kPeriodNames[j]);
        if (upper == limits.end() || !upper->is_number() || upper->get<double>() >= lower->get<double>()) continue;
        char message[160];
        std::snprintf(message, sizeof message, "%s limit for %s(%.1f) cannot be lower than the limit for %s(%.1f)",
                      capitalised ? "The" : "the", kPeriodNames[j], upper->get<double>(), kPeriodNames[i], lower->get<double>());
        return schema::json::array({message});
      }
    }
    return std::nullopt;
  };
  return check;
}

}  // namespace sluice::plugins
