#pragma once
// hmac-auth's Authorization header, `hmac username="…", algorithm="…", headers="…", signature="…"`,
// read as Kong 2.8 reads it: a search with the pattern
//   \s*[Hh]mac\s*username="(.+)",\s*algorithm="(.+)",\s*headers="(.+)",\s*signature="(.+)"
// whose greedy groups each take as much as the rest allows (a username may hold `", algorithm="`).
// Done by hand, without a regex engine, on the request's bytes: the views point into `header`.
// (A header value never holds a newline, which `.` would not cross.)
#include <string_view>

namespace sluice::plugins {

struct HmacAuthorization {
  std::string_view username, algorithm, headers, signature;
};

bool parseHmacAuthorization(std::string_view header, HmacAuthorization& out);

}  // namespace sluice::plugins
