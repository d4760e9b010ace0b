#include "admin/live_endpoints.h"

#include <charconv>

namespace sluice::admin {

std::optional<AdminResponse> LiveEndpoints::handle(const AdminRequest& request) {
  const auto& s = request.segments;
  if (s.size() < 2 || s[0] != "sluice") return std::nullopt;
  const bool live = s.size() == 2 && s[1] == "live";
  const bool routes = s.size() == 3 && s[1] == "metrics" && s[2] == "routes";
  if (!live && !routes) return std::nullopt;
  if (request.method != "GET" && request.method != "HEAD") return messageResponse(405, "Method not allowed");
  if (routes) return jsonResponse(200, json{{"data", metrics_->routesTable()}});
  const auto since = request.queryValue("since");
  if (!since) return stream();
  uint64_t after = 0;
  const auto r = std::from_chars(since->data(), since->data() + since->size(), after);
  if (r.ec != std::errc() || r.ptr != since->data() + since->size())
    return jsonResponse(400, json{{"message", "since: expected a frame number"}, {"fields", {{"since", "expected an integer"}}}});
  std::string body = "{\"frames\":[";
  bool first = true;
  for (const auto& f : frames_->after(after)) {
    if (!first) body.push_back(',');
    first = false;
    body.append(*f.json);
  }
  body.append("],\"last\":").append(std::to_string(frames_->lastSeq())).append("}");
  AdminResponse response;
  response.text = std::move(body);
  response.contentType = "application/json; charset=utf-8";
  return response;
}

AdminResponse LiveEndpoints::stream() {
  if (streams_->fetch_add(1) >= maxStreams_) {
    streams_->fetch_sub(1);
    return messageResponse(503, "Too many live streams are open");
  }
  AdminResponse response;
  response.contentType = "text/event-stream";
  response.stream = [frames = frames_, streams = streams_](std::ostream& out) {
    struct Release {
      std::atomic<int>& n;
      ~Release() { --n; }
    } release{*streams};
    // From the newest frame on; a comment line first so that the client sees the stream open.
    uint64_t seq = frames->lastSeq();
    out << ": sluice live stream\n\n";
    out.flush();
    while (out && !frames->closed()) {
      for (const auto& f : frames->after(seq, std::chrono::milliseconds(2000))) {
        out << "id: " << f.seq << "\nevent: frame\ndata: " << *f.json << "\n\n";
        seq = f.seq;
      }
      out << ": keep-alive\n\n";  // also how a closed client is noticed when no frame comes
      out.flush();
    }
  };
  return response;
}

}  // namespace sluice::admin
