#include "plugins/hmac_auth/authorization.h"

#include <algorithm>
#include <cstring>

namespace sluice::plugins {
namespace {

constexpr size_t npos = std::string_view::npos;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Where `",\s*<key>="` matches at `at`: the index past it, or npos.
size_t delimiterEnd(std::string_view s, size_t at, std::string_view key) {
  if (at + 2 > s.size() || s[at] != '"' || s[at + 1] != ',') return npos;
  size_t i = at + 2;
  while (i < s.size() && isSpace(s[i])) ++i;
  if (s.substr(i, key.size()) != key || i + key.size() + 2 > s.size() || s[i + key.size()] != '=' || s[i + key.size() + 1] != '"')
    return npos;
  return i + key.size() + 2;
}

// The index of the last quote before `limit`, or npos (memrchr: the signature is long and quote-free).
size_t quoteBefore(std::string_view s, size_t limit) {
  const void* at = limit == 0 ? nullptr : memrchr(s.data(), '"', std::min(limit, s.size()));
  return at ? static_cast<size_t>(static_cast<const char*>(at) - s.data()) : npos;
}

// The last `",\s*<key>="` that starts before `limit` and ends at or before `endLimit`: its start
// and end, or false.
bool lastDelimiter(std::string_view s, size_t limit, size_t endLimit, std::string_view key, size_t& start, size_t& end) {
  for (size_t at = quoteBefore(s, limit); at != npos; at = quoteBefore(s, at)) {
    const size_t past = delimiterEnd(s, at, key);
    if (past != npos && past <= endLimit) {
      start = at;
      end = past;
      return true;
    }
  }
  return false;
}

}  // namespace

// Greedy groups, computed from the right: each group ends at the last delimiter after which the
// rest can still match, and whether the rest can match from a position only depends on how far
// right that position is. So the four ends are found in one pass each (a backtracking engine would
// try every quote as every group's end: cubic on a header full of quotes).
bool parseHmacAuthorization(std::string_view s, HmacAuthorization& out) {
  out = {};
  const size_t lastQuote = s.rfind('"');
  if (lastQuote == npos || lastQuote == 0) return false;
  // The signature is everything up to the last quote (at least one character): its delimiter must
  // end before lastQuote; likewise each delimiter must end before the next one starts.
  size_t signatureAt, signatureFrom, headersAt, headersFrom, algorithmAt, algorithmFrom;
  if (!lastDelimiter(s, lastQuote, lastQuote - 1, "signature", signatureAt, signatureFrom)) return false;
  if (signatureAt == 0 || !lastDelimiter(s, signatureAt, signatureAt - 1, "headers", headersAt, headersFrom)) return false;
  if (headersAt == 0 || !lastDelimiter(s, headersAt, headersAt - 1, "algorithm", algorithmAt, algorithmFrom)) return false;
  // The search finds the first "[Hh]mac" from which the pattern matches: its username group must
  // hold a character before the algorithm's delimiter.
  for (size_t at = 0; at + 4 <= s.size() && at < algorithmAt; ++at) {
    if ((s[at] != 'h' && s[at] != 'H') || s.substr(at + 1, 3) != "mac") continue;
    size_t i = at + 4;
    while (i < s.size() && isSpace(s[i])) ++i;
    if (s.substr(i, 10) != "username=\"" || i + 10 >= algorithmAt) continue;
    out.username = s.substr(i + 10, algorithmAt - (i + 10));
    out.algorithm = s.substr(algorithmFrom, headersAt - algorithmFrom);
    out.headers = s.substr(headersFrom, signatureAt - headersFrom);
    out.signature = s.substr(signatureFrom, lastQuote - signatureFrom);
    return true;
  }
  return false;
}

}  // namespace sluice::plugins
