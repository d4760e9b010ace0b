#pragma once
// Kong's rate-limiting periods (second … year) and the window of each that a moment falls in:
// seconds to days are fixed lengths, months and years are calendar ones (UTC). Shared by
// rate-limiting and response-ratelimiting, whose counters are kept per window.
#include <array>
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace sluice::plugins {

enum Period { kSecond, kMinute, kHour, kDay, kMonth, kYear, kPeriods };
constexpr std::array<const char*, kPeriods> kPeriodNames{"second", "minute", "hour", "day", "month", "year"};
constexpr std::array<const char*, kPeriods> kPeriodTitles{"Second", "Minute", "Hour", "Day", "Month", "Year"};
// Kong's EXPIRATION table: a period's length in seconds (months and years approximated).
constexpr std::array<uint32_t, kPeriods> kPeriodLength{1, 60, 3600, 86400, 2592000, 31536000};

struct Window {
  uint32_t index;  // which window of the period `now` falls in
  uint32_t start;  // its first second (unix time)
  uint32_t expiresAt() const;  // when its counter may be forgotten
  Period period;
};

Window windowOf(Period p, time_t now);

// splitmix64's finaliser: counter keys from plugin, identifier and period.
constexpr uint64_t mixBits(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

std::string decimal(uint64_t n);
// The same into `buffer`, without a string (per-request headers).
std::string_view decimal(uint64_t n, char (&buffer)[24]);

}  // namespace sluice::plugins
