#pragma once
// The tracing headers zipkin reads and writes, after Kong 2.8's tracing_headers.lua: B3 (the
// X-B3-* headers, and the single `b3` header, also inside `tracestate: b3=…`), W3C `traceparent`,
// Jaeger `uber-trace-id` and OpenTelemetry `ot-tracer-*`, and the baggage of the last two. The
// first kind found is the request's (b3-single, b3, w3c, jaeger, ot); a malformed one is ignored
// as a whole. Identifiers are kept as lower-case hex.
#include "http/http_types.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins {

struct IncomingTrace {
  std::string headerType;  // "b3-single", "b3", "w3c", "jaeger", "ot"; empty: none found
  std::string traceId, spanId, parentId;  // empty when absent
  std::optional<bool> sample;             // what the caller decided
  // Baggage (`ot-baggage-<key>`, `uberctx-<key>`; Jaeger's wins a key both have), read with a
  // trace id only; values unescaped.
  std::vector<std::pair<std::string, std::string>> baggage;
};

// `configured`: the plugin's header_type ("ignore" reads nothing).
IncomingTrace readTraceHeaders(const http::Headers& headers, std::string_view configured);

struct OutgoingSpan {
  std::string_view traceId, spanId, parentId;
  bool sample = false;
  std::string_view b3Flags;  // the request's X-B3-Flags, passed on as it is
  const std::vector<std::pair<std::string, std::string>>* baggage = nullptr;
};

// The headers the upstream gets for `span`: those of the configured type, or of the request's kind
// (header_type "preserve"), or of `defaultType`.
std::vector<std::pair<std::string, std::string>> traceHeadersFor(const OutgoingSpan& span, std::string_view configured,
                                                                 std::string_view found, std::string_view defaultType);

}  // namespace sluice::plugins
