#include "admin/alert_endpoints.h"

#include <charconv>

namespace sluice::admin {

namespace {
std::optional<uint64_t> unsignedOf(const std::string& text) {
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}
}  // namespace

std::optional<AdminResponse> AlertEndpoints::handle(const AdminRequest& request) {
  const auto& s = request.segments;
  if (s.size() != 2 || s[0] != "sluice" || s[1] != "alerts") return std::nullopt;
  if (request.method != "GET" && request.method != "HEAD") return methodNotAllowed();
  uint64_t since = 0;
  size_t size = 100;
  if (auto v = request.queryValue("since")) {
    const auto n = unsignedOf(*v);
    if (!n) return jsonResponse(400, json{{"message", "since: expected an event id"}, {"fields", {{"since", "expected an event id"}}}});
    since = *n;
  }
  if (auto v = request.queryValue("size")) {
    const auto n = unsignedOf(*v);
    if (!n || *n < 1 || *n > 1000)
      return jsonResponse(400, json{{"message", "size: expected an integer between 1 and 1000"},
                                    {"fields", {{"size", "expected an integer between 1 and 1000"}}}});
    size = *n;
  }
  json events = engine_->eventsJson(since, size);
  const uint64_t last = events.empty() ? since : events.back()["id"].get<uint64_t>();
  return jsonResponse(200, json{{"active", engine_->activeJson()}, {"events", std::move(events)}, {"last_event", last}, {"node_id", nodeId_}});
}

}  // namespace sluice::admin
