#include "plugins/counters/periods.h"

#include <charconv>

namespace sluice::plugins {

uint32_t Window::expiresAt() const {
  // A calendar month or year may be longer than Kong's length: a month's slack keeps it counted.
  return start + (period <= kDay ? kPeriodLength[period] : kPeriodLength[period] + 86400 * 31);
}

Window windowOf(Period p, time_t now) {
  const auto t = static_cast<uint32_t>(now);
  if (p <= kDay) return {t / kPeriodLength[p], t / kPeriodLength[p] * kPeriodLength[p], p};
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::tm first{};
  first.tm_year = utc.tm_year;
  first.tm_mon = p == kMonth ? utc.tm_mon : 0;
  first.tm_mday = 1;
  const auto start = static_cast<uint32_t>(timegm(&first));
  return {static_cast<uint32_t>(p == kMonth ? utc.tm_year * 12 + utc.tm_mon : utc.tm_year), start, p};
}

std::string decimal(uint64_t n) {
  char digits[24];
  return std::string(decimal(n, digits));
}

std::string_view decimal(uint64_t n, char (&buffer)[24]) {
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, n);
  return {buffer, static_cast<size_t>(r.ptr - buffer)};
}

}  // namespace sluice::plugins
