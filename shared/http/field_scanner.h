#pragma once
// One header field line of a complete head, read in a single pass: the name's token characters,
// the colon, the value's characters and the line end are checked as the bytes go by (a head is
// otherwise walked five times: line search, CR search, name check, trimming, value check). Both
// parsers (requests, responses) read their fields with it.
#include "http/field_names.h"
#include "http/http_types.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace sluice::http {

enum class FieldScan { Field, EndOfHead, Bad };

namespace detail {
// Value bytes: 0 may appear in a value, 1 never (controls but HT, DEL), 2 CR, 3 LF.
inline constexpr auto kValueBytes = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<size_t>(c)] = 1;
  t['\t'] = 0;
  t['\r'] = 2;
  t['\n'] = 3;
  t[0x7f] = 1;
  return t;
}();

// True when none of 8 bytes is below 0x20 or DEL (a word at a time: long values — tokens,
// signatures, cookies — are the bulk of a head). A tab makes it false; the byte loop then decides.
inline bool eightPlainValueBytes(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const uint64_t below = (x - kOnes * 0x20) & ~x & kHighs;
  const uint64_t del = x ^ (kOnes * 0x7f);
  return ((below | ((del - kOnes) & ~del & kHighs))) == 0;
}
}  // namespace detail

// Reads the line at `p` into `out` (value without surrounding whitespace) and moves `p` past it.
// EndOfHead at the blank line; Bad for obs-fold, a missing or empty name, whitespace before the
// colon, a control character in the value or a CR not followed by LF. `end` is the end of a head
// that findHeadEnd found, so every line has its LF before it.
inline FieldScan scanField(const char*& p, const char* end, Header& out) {
  const char* const start = p;
  if (p == end) return FieldScan::Bad;
  if (*p == '\n') return ++p, FieldScan::EndOfHead;
  if (*p == '\r') return (end - p >= 2 && p[1] == '\n') ? (p += 2, FieldScan::EndOfHead) : FieldScan::Bad;
  while (p < end && isTokenChar(static_cast<unsigned char>(*p))) ++p;
  if (p == start || p == end || *p != ':') return FieldScan::Bad;
  out.name = std::string_view(start, static_cast<size_t>(p - start));
  ++p;
  while (p < end && (*p == ' ' || *p == '\t')) ++p;
  const char* const valueStart = p;
  uint8_t kind = 0;
  while (end - p >= 8 && detail::eightPlainValueBytes(p)) p += 8;
  while (p < end && (kind = detail::kValueBytes[static_cast<unsigned char>(*p)]) == 0) ++p;
  if (p == end || kind == 1) return FieldScan::Bad;
  const char* valueEnd = p;
  if (kind == 2) {
    if (end - p < 2 || p[1] != '\n') return FieldScan::Bad;  // a bare CR
    p += 2;
  } else {
    ++p;
  }
  while (valueEnd > valueStart && (valueEnd[-1] == ' ' || valueEnd[-1] == '\t')) --valueEnd;
  out.value = std::string_view(valueStart, static_cast<size_t>(valueEnd - valueStart));
  return FieldScan::Field;
}

enum class FieldsResult { Done, Bad, TooMany };

// Every field line of `fields` (a head after its start line, ending with the blank line) appended
// to `headers`, each also given to `onField` (the name's FieldName and the header), which returns
// false to reject the head. TooMany past `maxHeaders` fields.
template <class OnField>
FieldsResult scanFields(std::string_view fields, Headers& headers, size_t maxHeaders, OnField&& onField) {
  const char* p = fields.data();
  const char* const end = fields.data() + fields.size();
  for (;;) {
    Header field;
    const FieldScan scan = scanField(p, end, field);
    if (scan == FieldScan::EndOfHead) return FieldsResult::Done;
    if (scan == FieldScan::Bad) return FieldsResult::Bad;
    if (headers.size() >= maxHeaders) return FieldsResult::TooMany;
    headers.push_back(field);
    if (!onField(fieldName(field.name), field)) return FieldsResult::Bad;
  }
}

}  // namespace sluice::http
