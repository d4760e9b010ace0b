#include "plugins/zipkin/trace_headers.h"

#include "http/query_string.h"
#include "plugins/encodings.h"

#include <cctype>

namespace sluice::plugins {
namespace {

bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool allHex(std::string_view s) {
  for (char c : s)
    if (!isHex(c)) return false;
  return true;
}
bool allZero(std::string_view s) {
  for (char c : s)
    if (c != '0') return false;
  return true;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The request's header of that name (case-insensitive), or nullopt.
std::optional<std::string_view> find(const http::Headers& headers, std::string_view name) {
  for (const http::Header& h : headers)
    if (http::equalsIgnoreCase(h.name, name)) return h.value;
  return std::nullopt;
}

std::optional<bool> flag(std::optional<std::string_view> value, bool& invalid) {
  if (!value) return std::nullopt;
  if (*value == "1" || *value == "true") return true;
  if (*value == "0" || *value == "false") return false;
  invalid = true;  // (Kong warns and ignores the header alone)
  return std::nullopt;
}

// Hex runs split by `separator`: exactly `count` of them, each non-empty.
bool hexFields(std::string_view s, char separator, size_t count, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  for (;;) {
    const size_t end = s.find(separator, start);
    const std::string_view field = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (field.empty() || !allHex(field)) return false;
    out.push_back(field);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out.size() == count;
}

// Kong's B3 single pattern: ^(%x+)%-(%x{16})%-?([01d]?)%-?(%x*)$
bool readB3Single(std::string_view s, std::string_view& trace, std::string_view& span, char& sampled, std::string_view& parent) {
  size_t i = 0;
  while (i < s.size() && isHex(s[i])) ++i;
  if (i == 0 || i >= s.size() || s[i] != '-') return false;
  trace = s.substr(0, i);
  ++i;
  if (i + 16 > s.size() || !allHex(s.substr(i, 16))) return false;
  span = s.substr(i, 16);
  i += 16;
  const auto rest = [&](size_t from, char flag) {
    size_t j = from;
    if (j < s.size() && s[j] == '-') ++j;
    if (!allHex(s.substr(j))) return false;
    sampled = flag;
    parent = s.substr(j);
    return true;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && (s[i] == '0' || s[i] == '1' || s[i] == 'd') && rest(i + 1, s[i])) return true;  // greedy first
  return rest(i, '\0');
}

void readB3(const http::Headers& headers, std::optional<std::string_view> single, IncomingTrace& out) {
  bool ignoredFlag = false;
  out.sample = flag(find(headers, "x-b3-sampled"), ignoredFlag);
  if (find(headers, "x-b3-flags") == std::optional<std::string_view>("1")) out.sample = true;
  std::string_view trace, span, parent;
  bool invalid = false;
  if (single) {
    if (*single == "1" || *single == "d") {
      out.sample = true;
    } else if (*single == "0") {
      out.sample = out.sample.value_or(false);
    } else {
      char sampled = '\0';
      if (readB3Single(*single, trace, span, sampled, parent) && (trace.size() == 16 || trace.size() == 32) &&
          (parent.empty() || parent.size() == 16)) {
        if (out.sample.value_or(false) || sampled == '1' || sampled == 'd') out.sample = true;
        else if (sampled == '0') out.sample = false;
      } else {
        trace = span = parent = {};
        invalid = true;
      }
    }
  }
  const auto id = [&](const char* name, std::string_view& slot, bool traceLength) {
    const auto header = find(headers, name);
    if (!header) return;
    const bool ok = (traceLength ? header->size() == 16 || header->size() == 32 : header->size() == 16) && allHex(*header);
    if (!ok) invalid = true;
    else if (slot.empty()) slot = *header;  // the single header wins
  };
  id("x-b3-traceid", trace, true);
  id("x-b3-spanid", span, false);
  id("x-b3-parentspanid", parent, false);
  if (trace.empty() || invalid) return;
  out.traceId = lower(trace);
  out.spanId = lower(span);
  out.parentId = lower(parent);
}

void readW3c(std::string_view header, IncomingTrace& out) {
  out.sample = false;
  std::vector<std::string_view> f;
  if (!hexFields(header, '-', 4, f) || f[0] != "00" || f[1].size() != 32 || allZero(f[1]) || f[2].size() != 16 || allZero(f[2]) ||
      f[3].size() != 2) {
    out.sample.reset();
    return;
  }
  out.sample = (std::stoi(std::string(f[3]), nullptr, 16) & 1) == 1;
  out.traceId = lower(f[1]);
  out.parentId = lower(f[2]);
}

void readJaeger(std::string_view header, IncomingTrace& out) {
  std::vector<std::string_view> f;
  if (!hexFields(header, ':', 4, f) || (f[0].size() != 16 && f[0].size() != 32) || allZero(f[0]) || f[1].size() != 16 ||
      allZero(f[2]) || f[2].size() != 16 || (f[3].size() != 1 && f[3].size() != 2))
    return;
  out.sample = (std::stoi(std::string(f[3]), nullptr, 16) & 1) == 1;
  out.traceId = lower(f[0]);
  out.spanId = lower(f[1]);
  out.parentId = lower(f[2]);
}

void readOt(const http::Headers& headers, IncomingTrace& out) {
  bool ignoredFlag = false;
  out.sample = flag(find(headers, "ot-tracer-sampled"), ignoredFlag);
  bool invalid = false;
  const auto trace = find(headers, "ot-tracer-traceid");
  const auto span = find(headers, "ot-tracer-spanid");
  if (trace && (!(trace->size() == 16 || trace->size() == 32) || !allHex(*trace))) invalid = true;
  if (span && (span->size() != 16 || !allHex(*span))) invalid = true;
  if (!trace || invalid) return;
  out.traceId = lower(*trace);
  out.parentId = span ? lower(*span) : std::string();  // (Kong: the caller's span is this one's parent)
}

// Kong's parse_baggage_headers: `<prefix><key>: <escaped value>`; a later key replaces an earlier.
void readBaggage(const http::Headers& headers, std::string_view prefix, std::vector<std::pair<std::string, std::string>>& baggage) {
  for (const http::Header& h : headers) {
    if (h.name.size() <= prefix.size() || !http::equalsIgnoreCase(h.name.substr(0, prefix.size()), prefix)) continue;
    std::string key = lower(h.name.substr(prefix.size())), value;
    if (!http::urlDecode(h.value, value, false)) value.assign(h.value);
    bool replaced = false;
    for (auto& [k, v] : baggage)
      if (k == key) {
        v = value;
        replaced = true;
      }
    if (!replaced) baggage.emplace_back(std::move(key), std::move(value));
  }
}

}  // namespace

IncomingTrace readTraceHeaders(const http::Headers& headers, std::string_view configured) {
  IncomingTrace out;
  if (configured == "ignore") return out;
  std::optional<std::string_view> single = find(headers, "b3");
  if (!single)
    if (const auto state = find(headers, "tracestate"); state && state->substr(0, 3) == "b3=" && state->size() > 3) single = state->substr(3);
  if (single) {
    out.headerType = "b3-single";
    readB3(headers, single, out);
  } else if (find(headers, "x-b3-sampled") || find(headers, "x-b3-flags") || find(headers, "x-b3-traceid") ||
             find(headers, "x-b3-spanid") || find(headers, "x-b3-parentspanid")) {
    out.headerType = "b3";
    readB3(headers, std::nullopt, out);
  } else if (const auto w3c = find(headers, "traceparent")) {
    out.headerType = "w3c";
    readW3c(*w3c, out);
  } else if (const auto jaeger = find(headers, "uber-trace-id")) {
    out.headerType = "jaeger";
    readJaeger(*jaeger, out);
  } else if (find(headers, "ot-tracer-traceid")) {
    out.headerType = "ot";
    readOt(headers, out);
  }
  if (!out.traceId.empty()) {
    readBaggage(headers, "ot-baggage-", out.baggage);
    readBaggage(headers, "uberctx-", out.baggage);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> traceHeadersFor(const OutgoingSpan& span, std::string_view configured,
                                                                 std::string_view found, std::string_view defaultType) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string_view kind = !found.empty() ? found : !defaultType.empty() ? defaultType : std::string_view("b3");
  const auto wanted = [&](std::string_view type) { return configured == type || kind == type; };
  const std::string sampled = span.sample ? "1" : "0";
  if (wanted("b3")) {
    out.emplace_back("x-b3-traceid", std::string(span.traceId));
    out.emplace_back("x-b3-spanid", std::string(span.spanId));
    if (!span.parentId.empty()) out.emplace_back("x-b3-parentspanid", std::string(span.parentId));
    if (!span.b3Flags.empty()) out.emplace_back("x-b3-flags", std::string(span.b3Flags));
    else out.emplace_back("x-b3-sampled", sampled);
  }
  if (wanted("b3-single"))
    out.emplace_back("b3", std::string(span.traceId) + "-" + std::string(span.spanId) + "-" + sampled + "-" + std::string(span.parentId));
  if (wanted("w3c"))
    out.emplace_back("traceparent", "00-" + std::string(span.traceId) + "-" + std::string(span.spanId) + (span.sample ? "-01" : "-00"));
  if (wanted("jaeger"))
    out.emplace_back("uber-trace-id", std::string(span.traceId) + ":" + std::string(span.spanId) + ":" + std::string(span.parentId) +
                                          (span.sample ? ":01" : ":00"));
  if (wanted("ot")) {
    out.emplace_back("ot-tracer-traceid", std::string(span.traceId));
    out.emplace_back("ot-tracer-spanid", std::string(span.spanId));
    out.emplace_back("ot-tracer-sampled", sampled);
    if (span.baggage)
      for (const auto& [key, value] : *span.baggage) out.emplace_back("ot-baggage-" + key, escapeUriComponent(value));
  }
  if (span.baggage)
    for (const auto& [key, value] : *span.baggage) out.emplace_back("uberctx-" + key, escapeUriComponent(value));
  return out;
}

}  // namespace sluice::plugins
