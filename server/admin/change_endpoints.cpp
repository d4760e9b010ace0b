#include "admin/change_endpoints.h"

#include "admin/request_body.h"

#include <charconv>
#include <cmath>

namespace sluice::admin {

namespace {

constexpr size_t kDefaultPage = 100, kMaxPage = 1000;

std::optional<int64_t> integer(const std::string& text) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<double> number(const std::string& text) {
  try {
    size_t used = 0;
    const double v = std::stod(text, &used);
    if (used != text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

AdminResponse invalid(const std::string& field, const std::string& message) {
  return jsonResponse(400, json{{"message", field + ": " + message}, {"fields", {{field, message}}}});
}

// dry_run from the query, or from a JSON or form body.
core::Result<bool> dryRun(const AdminRequest& request) {
  if (auto v = request.queryValue("dry_run")) return *v == "true" || *v == "1";
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) return false;
  auto parsed = parseBody(request);
  if (!parsed) return parsed.error();
  const json& v = parsed->value.contains("dry_run") ? parsed->value["dry_run"] : json(false);
  return v == true || v == "true" || v == "1";
}

}  // namespace

std::optional<AdminResponse> ChangeEndpoints::handle(const AdminRequest& request) {
  const auto& s = request.segments;
  if (s.size() < 2 || s[0] != "sluice") return std::nullopt;
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (s[1] == "config" && s.size() == 3 && s[2] == "restore")
    return request.method == "POST" ? restore(request) : methodNotAllowed();
  if (s[1] != "changes") return std::nullopt;
  if (s.size() == 2) return get ? list(request) : methodNotAllowed();
  if (s.size() == 3) return get ? one(s[2]) : methodNotAllowed();
  if (s.size() == 4 && s[3] == "revert") return request.method == "POST" ? revert(request, s[2]) : methodNotAllowed();
  return messageResponse(404, "Not found");
}

AdminResponse ChangeEndpoints::list(const AdminRequest& request) {
  store::ChangeQuery query;
  query.size = kDefaultPage;
  if (auto v = request.queryValue("size")) {
    const auto n = integer(*v);
    if (!n || *n < 1 || *n > static_cast<int64_t>(kMaxPage)) return invalid("size", "expected an integer between 1 and 1000");
    query.size = static_cast<size_t>(*n);
  }
  if (auto v = request.queryValue("offset")) {
    const auto n = integer(*v);
    if (!n || *n < 1) return invalid("offset", "expected the offset of the previous page");
    query.olderThan = *n;
  }
  if (auto v = request.queryValue("version")) {
    const auto n = integer(*v);
    if (!n || *n < 1) return invalid("version", "expected a positive integer");
    query.version = *n;
  }
  for (const char* name : {"since", "until"})
    if (auto v = request.queryValue(name)) {
      const auto t = number(*v);
      if (!t) return invalid(name, "expected Unix seconds");
      (std::string(name) == "since" ? query.since : query.until) = *t;
    }
  query.entity = request.queryValue("entity").value_or("");
  query.entityId = request.queryValue("entity_id").value_or("");
  // One more than asked: whether another page follows.
  const size_t wanted = query.size;
  query.size = wanted + 1;
  auto changes = store_.changes(query);
  if (!changes) return errorResponse(changes.error());
  auto versions = store_.versions();
  if (!versions) return errorResponse(versions.error());
  json body{{"data", json::array()},
            {"next", nullptr},
            {"oldest_version", versions->oldest},
            {"newest_version", versions->newest},
            {"kept", store_.historyKept()}};
  for (size_t i = 0; i < changes->size() && i < wanted; ++i) body["data"].push_back(store::change_log::toJson((*changes)[i]));
  if (changes->size() > wanted) {
    const std::string offset = std::to_string((*changes)[wanted - 1].id);
    body["offset"] = offset;
    std::string next = "/sluice/changes?offset=" + offset + "&size=" + std::to_string(wanted);
    for (const char* name : {"entity", "entity_id", "since", "until", "version"})
      if (auto v = request.queryValue(name)) next += std::string("&") + name + "=" + *v;
    body["next"] = next;
  }
  return jsonResponse(200, body);
}

AdminResponse ChangeEndpoints::one(const std::string& id) {
  const auto n = integer(id);
  if (!n) return messageResponse(404, "Not found");
  auto change = store_.change(*n);
  if (!change) return errorResponse(change.error());
  if (!*change) return messageResponse(404, "Not found");
  return jsonResponse(200, store::change_log::toJson(**change));
}

AdminResponse ChangeEndpoints::replayed(const store::Store::Replay& replay, bool applied, json head) {
  head["dry_run"] = !applied;
  head["version"] = replay.version ? json(replay.version) : json(nullptr);
  head["changes"] = json::array();
  for (const auto& c : replay.changes)
    if (!store::change_log::sameState(c.before, c.after)) head["changes"].push_back(store::change_log::toJson(c));
  return jsonResponse(200, head);
}

AdminResponse ChangeEndpoints::replay(const AdminRequest& request, const char* source, json head,
                                      const std::function<core::Result<store::Store::Replay>(bool apply)>& run) {
  auto preview = dryRun(request);
  if (!preview) return errorResponse(preview.error());
  if (!readOnly_.empty() && !*preview) return messageResponse(400, readOnly_);
  // Recorded as the request's author, with the source saying what kind of write it was.
  store::ChangeOrigin origin = store::ChangeOriginScope::current();
  origin.source = source;
  store::ChangeOriginScope scope(std::move(origin));
  auto done = run(!*preview);
  if (!done) return errorResponse(done.error());
  return replayed(*done, !*preview, std::move(head));
}

AdminResponse ChangeEndpoints::revert(const AdminRequest& request, const std::string& id) {
  const auto n = integer(id);
  if (!n) return messageResponse(404, "Not found");
  return replay(request, "revert", json{{"reverted", *n}}, [&](bool apply) { return store_.revert(*n, apply); });
}

AdminResponse ChangeEndpoints::restore(const AdminRequest& request) {
  std::optional<int64_t> version;
  if (auto v = request.queryValue("version")) version = integer(*v);
  else if (request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
    auto parsed = parseBody(request);
    if (!parsed) return errorResponse(parsed.error());
    const json& v = parsed->value.contains("version") ? parsed->value["version"] : json(nullptr);
    if (v.is_number_integer()) version = v.get<int64_t>();
    else if (v.is_string()) version = integer(v.get<std::string>());
  }
  if (!version || *version < 0) return invalid("version", "expected the configuration version to restore (a number)");
  return replay(request, "restore", json{{"restored_to", *version}}, [&](bool apply) { return store_.restore(*version, apply); });
}

}  // namespace sluice::admin
