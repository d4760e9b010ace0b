#include "admin/loadtest_endpoints.h"

#include "admin/request_body.h"
#include "core/clock.h"
#include "core/uuid.h"
#include "loadgen/consumer_credential.h"
#include "model/entities.h"
#include "model/registry.h"

#include <charconv>

namespace sluice::admin {
namespace {

// Kong's schema-violation body for one field (400).
AdminResponse fieldError(const std::string& field, const std::string& message) {
  return errorResponse(core::Error::schemaViolation(json{{field, message}}));
}

}  // namespace

std::optional<AdminResponse> LoadtestEndpoints::handle(const AdminRequest& request) {
  const auto& s = request.segments;
  if (s.size() < 2 || s[0] != "sluice" || s[1] != "loadtests" || s.size() > 4) return std::nullopt;
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (s.size() == 2) {
    if (request.method == "POST") return start(request);
    if (get) return jsonResponse(200, json{{"data", runs_->list()}});
    return messageResponse(405, "Method not allowed");
  }
  const std::string& id = s[2];
  if (s.size() == 4) {
    if (s[3] != "stream") return messageResponse(404, "Not found");
    if (!get) return messageResponse(405, "Method not allowed");
    if (!runs_->get(id, SIZE_MAX)) return messageResponse(404, "Not found");
    return stream(id);
  }
  if (request.method == "DELETE") return runs_->cancelOrRemove(id) ? noContent() : messageResponse(404, "Not found");
  if (!get) return messageResponse(405, "Method not allowed");
  size_t since = 0;
  if (const auto v = request.queryValue("since")) {
    const auto r = std::from_chars(v->data(), v->data() + v->size(), since);
    if (r.ec != std::errc() || r.ptr != v->data() + v->size()) return fieldError("since", "expected a number of seconds");
  }
  const auto run = runs_->get(id, since);
  if (!run) return messageResponse(404, "Not found");
  return jsonResponse(200, *run);
}

core::Result<std::pair<std::string, std::string>> LoadtestEndpoints::credentialOf(const std::string& key, const json& route) {
  auto consumer = core::isUuid(key) ? store_.get(model::consumers(), key) : store_.findBy(model::consumers(), "username", key);
  if (!consumer) return consumer.error();
  if (!*consumer) return core::Error::schemaViolation(json{{"consumer", "no consumer '" + key + "'"}});
  store::ListQuery mine;
  mine.size = 10;
  mine.equals.emplace_back("consumer", (**consumer)["id"].get<std::string>());
  loadgen::ConsumerCredentials credentials;
  // The credentials of the plugins this node has (their entities are the plugins', by name).
  const auto credentialsOf = [&](const char* entity, std::vector<json>& into) -> core::Status {
    const auto* schema = model::findEntity(entity);
    if (!schema) return core::Ok{};
    auto rows = store_.list(*schema, mine);
    if (!rows) return rows.error();
    into = std::move(rows->data);
    return core::Ok{};
  };
  if (auto s = credentialsOf("keyauth_credentials", credentials.keyAuths); !s) return s.error();
  if (auto s = credentialsOf("jwt_secrets", credentials.jwts); !s) return s.error();
  std::vector<json> plugins;
  for (const char* name : {"key-auth", "jwt"}) {
    store::ListQuery q;
    q.size = 1000;
    q.equals.emplace_back("name", name);
    auto found = store_.list(model::plugins(), q);
    if (!found) return found.error();
    plugins.insert(plugins.end(), found->data.begin(), found->data.end());
  }
  // A signed token outlives the longest run this node allows, plus its timeout.
  const auto validSeconds = static_cast<int64_t>(limits_.maxSeconds) + 600;
  return loadgen::credentialHeader(credentials, plugins, route, core::unixSeconds(), validSeconds);
}

AdminResponse LoadtestEndpoints::start(const AdminRequest& request) {
  auto parsed = parseBody(request);
  if (!parsed) return errorResponse(parsed.error());
  const json& body = parsed->value;
  if (!body.is_object()) return fieldError("@entity", "expected an object");
  if (body.contains("url")) return fieldError("url", "a load test targets one of this node's routes (\"route\"), never a URL");
  if (!body.contains("route") || !body["route"].is_string() || body["route"].get<std::string>().empty())
    return fieldError("route", "required field missing");
  const std::string key = body["route"].get<std::string>();
  auto route = core::isUuid(key) ? store_.get(model::routes(), key) : store_.findBy(model::routes(), "name", key);
  if (!route) return errorResponse(route.error());
  if (!*route) return fieldError("route", "no route '" + key + "'");
  std::optional<std::pair<std::string, std::string>> credential;
  if (body.contains("consumer")) {
    if (!body["consumer"].is_string()) return fieldError("consumer", "expected a consumer's id or username");
    auto c = credentialOf(body["consumer"].get<std::string>(), **route);
    if (!c) return errorResponse(c.error());
    credential = *c;
  }
  const auto snapshot = publisher_.current();
  auto plan = loadtest::planLoadtest({body, **route, *snapshot, listeners_, limits_, credential});
  if (!plan) return errorResponse(plan.error());
  auto capacity = loadtest::capacitySearchOf(body, limits_);
  if (!capacity) return errorResponse(capacity.error());
  json asked = body;
  asked["route"] = (**route).value("name", key).empty() ? key : (**route).value("name", key);
  asked["route_id"] = (**route)["id"];
  asked["url"] = std::string(plan->target.tls ? "https://" : "http://") + plan->target.hostHeader + plan->requests.front().path;
  asked["method"] = plan->requests.front().method;
  asked["mode"] = *capacity ? "capacity" : loadgen::modeOf(*plan);
  std::string busy;
  const auto id = runs_->start(std::move(*plan), std::move(asked), busy, *capacity);
  if (!id) return jsonResponse(409, json{{"message", "a load test is already running on this node"}, {"running", busy}});
  AdminResponse r = jsonResponse(201, *runs_->get(*id));
  r.headers.emplace_back("Location", "/sluice/loadtests/" + *id);
  return r;
}

AdminResponse LoadtestEndpoints::stream(const std::string& id) {
  if (streams_->fetch_add(1) >= maxStreams_) {
    streams_->fetch_sub(1);
    return messageResponse(503, "Too many streams are open");
  }
  AdminResponse response;
  response.contentType = "text/event-stream";
  response.stream = [runs = runs_, streams = streams_, id](std::ostream& out) {
    struct Release {
      std::atomic<int>& n;
      ~Release() { --n; }
    } release{*streams};
    out << ": sluice load test " << id << "\n\n";
    out.flush();
    size_t sent = 0;
    while (out) {
      runs->waitForProgress(id, sent, std::chrono::milliseconds(2000));
      const auto run = runs->get(id, sent);
      if (!run) return;
      for (const auto& second : (*run)["seconds"]) out << "event: second\ndata: " << second.dump() << "\n\n";
      sent += (*run)["seconds"].size();
      if ((*run)["state"] != "running") {
        out << "event: end\ndata: " << runs->get(id, 0)->dump() << "\n\n";
        out.flush();
        return;
      }
      out << ": keep-alive\n\n";
      out.flush();
    }
  };
  return response;
}

}  // namespace sluice::admin
