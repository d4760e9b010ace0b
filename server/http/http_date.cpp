#include "http/http_date.h"

#include <chrono>
#include <ctime>

namespace sluice::http {
namespace {

// Reads `count` digits at `pos`; -1 when they are not digits.
int digits(std::string_view s, size_t pos, size_t count) {
  if (pos + count > s.size()) return -1;
  int n = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    n = n * 10 + (s[i] - '0');
  }
  return n;
}

int month(std::string_view s, size_t pos) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (pos + 3 > s.size()) return -1;
  for (int m = 0; m < 12; ++m)
    if (s.substr(pos, 3) == kMonths[m]) return m;
  return -1;
}

// "HH:MM:SS" at `pos`.
bool clock(std::string_view s, size_t pos, std::tm& t) {
  t.tm_hour = digits(s, pos, 2);
  t.tm_min = digits(s, pos + 3, 2);
  t.tm_sec = digits(s, pos + 6, 2);
  return pos + 8 <= s.size() && s[pos + 2] == ':' && s[pos + 5] == ':' && t.tm_hour >= 0 && t.tm_hour < 24 && t.tm_min >= 0 &&
         t.tm_min < 60 && t.tm_sec >= 0 && t.tm_sec < 61;
}

}  // namespace

std::optional<int64_t> parseHttpDate(std::string_view s) {
  std::tm t{};
  const size_t comma = s.find(',');
  if (comma != std::string_view::npos && comma + 1 < s.size() && s[comma + 1] == ' ') {
    const size_t d = comma + 2;
    if (d + 2 < s.size() && s[d + 2] == ' ') {  // IMF-fixdate: "06 Nov 1994 08:49:37 GMT"
      t.tm_mday = digits(s, d, 2);
      t.tm_mon = month(s, d + 3);
      t.tm_year = digits(s, d + 7, 4) - 1900;
      if (s.size() != d + 24 || s[d + 6] != ' ' || s[d + 11] != ' ' || !clock(s, d + 12, t) || s.substr(d + 20) != " GMT") return std::nullopt;
    } else {  // RFC 850: "06-Nov-94 08:49:37 GMT"
      t.tm_mday = digits(s, d, 2);
      t.tm_mon = month(s, d + 3);
      const int year = digits(s, d + 7, 2);
      t.tm_year = year < 70 ? year + 100 : year;
      if (s.size() != d + 22 || s[d + 2] != '-' || s[d + 6] != '-' || s[d + 9] != ' ' || !clock(s, d + 10, t) ||
          s.substr(d + 18) != " GMT" || year < 0)
        return std::nullopt;
    }
  } else {  // asctime: "Sun Nov  6 08:49:37 1994"
    if (s.size() != 24 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[19] != ' ') return std::nullopt;
    t.tm_mon = month(s, 4);
    t.tm_mday = s[8] == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
    t.tm_year = digits(s, 20, 4) - 1900;
    if (!clock(s, 11, t)) return std::nullopt;
  }
  if (t.tm_mon < 0 || t.tm_mday < 1 || t.tm_mday > 31 || t.tm_year < 70) return std::nullopt;
  // Calendar arithmetic, not timegm(): glibc's takes the time-zone lock on every call.
  namespace ch = std::chrono;
  const ch::year_month_day date{ch::year{t.tm_year + 1900}, ch::month{static_cast<unsigned>(t.tm_mon + 1)},
                                ch::day{static_cast<unsigned>(t.tm_mday)}};
  if (!date.ok()) return std::nullopt;  // (31 Feb)
  return static_cast<int64_t>(ch::sys_days{date}.time_since_epoch().count()) * 86400 + t.tm_hour * 3600 + t.tm_min * 60 +
         t.tm_sec;
}

}  // namespace sluice::http
