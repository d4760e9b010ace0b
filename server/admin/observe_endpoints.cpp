#include "admin/observe_endpoints.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace sluice::admin {

std::optional<AdminResponse> ObserveEndpoints::handle(const AdminRequest& request) {
  const auto& s = request.segments;
  if (s.size() < 2 || s[0] != "sluice") return std::nullopt;
  const bool live = s.size() == 2 && s[1] == "live";
  const bool routes = s.size() == 3 && s[1] == "metrics" && s[2] == "routes";
  const bool consumers = s.size() == 3 && s[1] == "metrics" && s[2] == "consumers";
  const bool services = s.size() == 3 && s[1] == "metrics" && s[2] == "services";
  const bool targets = s.size() == 3 && s[1] == "metrics" && s[2] == "targets";
  const bool traces = s.size() == 2 && s[1] == "traces";
  if (!live && !routes && !consumers && !services && !targets && !traces) return std::nullopt;
  if (request.method != "GET" && request.method != "HEAD") return messageResponse(405, "Method not allowed");
  if (routes) return jsonResponse(200, json{{"data", metrics_->routesTable()}});
  if (consumers) return jsonResponse(200, json{{"data", metrics_->consumersTable()}});
  if (services) return jsonResponse(200, json{{"data", metrics_->servicesTable()}});
  if (targets) return jsonResponse(200, json{{"data", metrics_->targetsTable()}});
  if (traces) return this->traces(request);
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

AdminResponse ObserveEndpoints::traces(const AdminRequest& request) {
  observe::TraceQuery q;
  json fields = json::object();
  const auto number = [&](const char* name, double& out, double max) {
    const auto v = request.queryValue(name);
    if (!v) return;
    char* end = nullptr;
    out = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || out < 0 || out > max) fields[name] = "expected a number from 0 to " + std::to_string(static_cast<long>(max));
  };
  q.route = request.queryValue("route").value_or("");
  q.service = request.queryValue("service").value_or("");
  number("min_ms", q.minMs, 1e9);
  double size = 100;
  number("size", size, 1000);
  q.limit = static_cast<size_t>(size);
  if (const auto status = request.queryValue("status")) {
    const std::string& v = *status;
    if (v.size() == 3 && v[0] >= '1' && v[0] <= '5' && (v.substr(1) == "xx" || v.substr(1) == "XX")) q.statusClass = v[0] - '0';
    else if (v.size() == 3 && std::all_of(v.begin(), v.end(), ::isdigit)) q.status = std::stoi(v);
    else fields["status"] = "expected a status code (503) or class (5xx)";
  }
  if (!fields.empty()) return jsonResponse(400, json{{"message", "invalid query"}, {"name", "invalid query"}, {"fields", fields}});
  return jsonResponse(200, json{{"data", traces_->query(q)}});
}

AdminResponse ObserveEndpoints::stream() {
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
