#include "admin/admin_api.h"

#include <Poco/Logger.h>

#include "admin/endpoint_list.h"
#include "admin/request_body.h"
#include "core/digest.h"
#include "core/utf8.h"
#include "declarative/config_plan.h"
#include "declarative/declarative_config.h"
#include "declarative/yaml_json.h"

#include "model/entities.h"
#include "model/entity_directory.h"
#include "model/registry.h"
#include "plugins/plugin_catalog.h"
#include "router/regex.h"
#include "schema/schema_json.h"

#include <openssl/crypto.h>

#include <set>

namespace sluice::admin {

schema::ValidationContext serverValidationContext(const plugins::PluginCatalog& catalog) {
  schema::ValidationContext ctx;
  ctx.findPlugin = [&catalog](const std::string& name) { return catalog.schema(name); };
  ctx.missingPlugin = [&catalog](const std::string& name) { return catalog.missingKongPlugin(name); };
  // The engine the router and the plugins compile patterns with (PCRE2), so that what the Admin
  // API accepts is exactly what the data plane can run.
  ctx.checkRegex = [](const std::string& pattern) -> std::optional<std::string> {
    std::string error;
    if (router::Regex::compile(pattern, &error)) return std::nullopt;
    return error;
  };
  return ctx;
}

AdminApi::AdminApi(store::Store& store, const plugins::PluginCatalog& catalog, NodeInfo node,
                   std::vector<AdminToken> tokens)
    : store_(store),
      catalog_(catalog),
      node_(std::move(node)),
      tokens_(std::move(tokens)),
      validation_(serverValidationContext(catalog)),
      entities_(store, validation_),
      changes_(store) {}

void AdminApi::setDeclarativeMode(bool declarative) {
  declarative_ = declarative;
  entities_.setReadOnly(declarative);
  if (declarative) changes_.setReadOnly("a database-less node takes its configuration through POST /config");
}

void AdminApi::setDataPlane(bool dataPlane) {
  dataPlane_ = dataPlane;
  if (dataPlane) changes_.setReadOnly("this node is a data plane: its configuration comes from its control plane (cluster_control_plane)");
}

namespace {

// Names and values from the target end up in entities and JSON answers, which are UTF-8.
bool utf8Target(const AdminRequest& request) {
  for (const auto& segment : request.segments)
    if (!core::isUtf8(segment)) return false;
  for (const auto& [name, value] : request.query)
    if (!core::isUtf8(name) || !core::isUtf8(value)) return false;
  return true;
}

}  // namespace

AdminResponse AdminApi::handle(const AdminRequest& request) {
  if (request.method == "OPTIONS") {
    AdminResponse r = noContent();
    r.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD, PUT, PATCH, POST, DELETE");
    r.headers.emplace_back("Access-Control-Allow-Headers", "Content-Type, Authorization");
    return r;
  }
  auto checked = tokens_.check(request);
  if (auto* refusal = std::get_if<AdminResponse>(&checked)) return std::move(*refusal);
  if (!utf8Target(request)) return messageResponse(400, "the request's path and query must be valid UTF-8 once percent-decoded");
  const AdminToken* token = std::get<const AdminToken*>(checked);
  std::string path;
  for (const auto& segment : request.segments) path += "/" + segment;
  // The writes this request makes are recorded in the change history under its token's name.
  store::ChangeOriginScope origin({token ? token->name : std::string(), request.method, path.empty() ? "/" : path, "admin"});
  AdminResponse response = route(request);
  if (request.method != "GET" && request.method != "HEAD") audit(request, token, response);
  return response;
}

AdminResponse AdminApi::route(const AdminRequest& request) {
  if (auto r = changes_.handle(request)) return *r;
  if (auto r = meta(request)) return *r;
  if (health_)
    if (auto r = health_->handle(request)) return *r;
  if (router_)
    if (auto r = router_->handle(request)) return *r;
  if (live_)
    if (auto r = live_->handle(request)) return *r;
  if (loadtests_)
    if (auto r = loadtests_->handle(request)) return *r;
  if (alerts_)
    if (auto r = alerts_->handle(request)) return *r;
  for (const auto& endpoints : pluginEndpoints_)
    if (auto r = endpoints(request)) return *r;
  if (auto r = entities_.handle(request)) return *r;
  return messageResponse(404, "Not found");
}

void AdminApi::audit(const AdminRequest& request, const AdminToken* token, const AdminResponse& response) {
  std::string path;
  for (const auto& s : request.segments) path += "/" + s;
  std::string id;
  if (response.body && response.body->is_object() && response.body->contains("id") && (*response.body)["id"].is_string())
    id = " id=" + (*response.body)["id"].get<std::string>();
  Poco::Logger::get("sluice.admin.audit")
      .notice("%s %s by %s from %s: %d%s", request.method, path.empty() ? std::string("/") : path,
              token ? token->name : std::string("(no token required)"), request.clientAddress, response.status, id);
}

std::optional<AdminResponse> AdminApi::meta(const AdminRequest& request) {
  const auto& s = request.segments;
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (s.empty()) return get ? root() : messageResponse(405, "Method not allowed");
  if (s[0] == "status" && s.size() == 1) return get ? status() : messageResponse(405, "Method not allowed");
  if (s[0] == "metrics" && s.size() == 1 && metrics_) return get ? metricsPage() : messageResponse(405, "Method not allowed");
  if (s[0] == "schemas") return schemas(request);
  if (s[0] == "tags" && s.size() <= 2) return get ? tags(request) : messageResponse(405, "Method not allowed");
  if (s[0] == "config" && s.size() == 1) return config(request);
  if (s[0] == "sluice" && s.size() >= 2 && s[1] == "config") return configPlan(request);
  if (s[0] == "sluice" && s.size() == 2 && s[1] == "entities")  // the plugins' entities too (model/entity_directory.h)
    return get ? jsonResponse(200, model::entityDirectory()) : messageResponse(405, "Method not allowed");
  if (s[0] == "plugins" && s.size() == 2 && s[1] == "enabled") {
    if (!get) return messageResponse(405, "Method not allowed");
    json names = json::array();
    for (const auto* p : catalog_.schemas()) names.push_back(p->name);
    return jsonResponse(200, json{{"enabled_plugins", names}});
  }
  if (s[0] == "endpoints" && s.size() == 1) return get ? jsonResponse(200, endpointList()) : messageResponse(405, "Method not allowed");
  // Kong's node cache holds entities read from the database; Sluice compiles them into the snapshot
  // and keeps no such cache: nothing is ever found in it, and purging it has nothing to do.
  if (s[0] == "cache" && s.size() <= 2) {
    if (request.method == "DELETE") return noContent();
    if (s.size() == 2 && get) return messageResponse(404, "Not found");
    return messageResponse(405, "Method not allowed");
  }
  if (s[0] == "plugins" && s.size() == 3 && s[1] == "schema") {  // deprecated in 2.8, still served
    if (!get) return messageResponse(405, "Method not allowed");
    const auto* plugin = catalog_.schema(s[2]);
    if (!plugin) return messageResponse(404, "No plugin named '" + s[2] + "'");
    return jsonResponse(200, schema::pluginConfigToJson(*plugin));
  }
  return std::nullopt;
}

AdminResponse AdminApi::root() {
  json available = json::object();
  for (const auto* p : catalog_.schemas()) available[p->name] = true;
  std::set<std::string> enabled;
  store::ListQuery q;
  q.size = 1000;
  for (;;) {
    auto page = store_.list(model::plugins(), q);
    if (!page) break;
    for (const auto& p : page->data) enabled.insert(p["name"].get<std::string>());
    if (!page->offset) break;
    q.offset = *page->offset;
  }
  return jsonResponse(200, json{{"version", "2.8.1"},
                                {"sluice_version", node_.sluiceVersion},
                                {"tagline", "Welcome to sluice"},
                                {"hostname", node_.hostname},
                                {"node_id", node_.nodeId},
                                {"lua_version", "n/a"},
                                {"configuration", node_.configuration},
                                {"plugins", {{"available_on_server", available}, {"enabled_in_cluster", enabled}}},
                                {"timers", {{"running", 0}, {"pending", 0}}}});
}

AdminResponse AdminApi::metricsPage() {
  AdminResponse r;
  r.text = metrics_ ? metrics_() : std::string();
  r.contentType = "text/plain; version=0.0.4; charset=utf-8";
  return r;
}

AdminResponse AdminApi::handleStatus(const AdminRequest& request) {
  const auto& s = request.segments;
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (s.size() != 1 || (s[0] != "status" && s[0] != "metrics")) return messageResponse(404, "Not found");
  if (!get) return messageResponse(405, "Method not allowed");
  return s[0] == "status" ? status() : metricsPage();
}

AdminResponse AdminApi::status() {
  const bool reachable = store_.ping();
  json server = counters_.snapshot ? counters_.snapshot() : json::object();
  json body{{"server", server}, {"database", {{"reachable", reachable}}}};
  if (declarative_) body["configuration_hash"] = configurationHash();  // Kong: DB-less nodes say what they run
  if (!reachable) return jsonResponse(503, body);
  return jsonResponse(200, body);
}

AdminResponse AdminApi::schemas(const AdminRequest& request) {
  const auto& s = request.segments;
  const bool get = request.method == "GET" || request.method == "HEAD";
  const bool post = request.method == "POST";
  if (s.size() >= 3 && s[1] == "plugins") {
    if (s.size() == 3 && s[2] == "validate") {
      if (!post) return messageResponse(405, "Method not allowed");
      auto body = entities_.prepare(model::plugins(), request);
      if (!body) return errorResponse(body.error());
      auto valid = schema::validateEntity(model::plugins(), *body, validation_);
      if (!valid) return errorResponse(valid.error());
      return messageResponse(200, "schema validation successful");
    }
    if (s.size() != 3) return messageResponse(404, "Not found");
    if (!get) return messageResponse(405, "Method not allowed");
    const auto* plugin = catalog_.schema(s[2]);
    if (!plugin) return messageResponse(404, "No plugin named '" + s[2] + "'");
    return jsonResponse(200, schema::pluginSchemaToJson(*plugin));
  }
  if (s.size() < 2 || s.size() > 3) return messageResponse(404, "Not found");
  const schema::EntitySchema* entity = model::findEntity(s[1]);
  if (!entity) return messageResponse(404, "No entity named '" + s[1] + "'");
  if (s.size() == 3) {
    if (s[2] != "validate") return messageResponse(404, "Not found");
    if (!post) return messageResponse(405, "Method not allowed");
    auto body = entities_.prepare(*entity, request);
    if (!body) return errorResponse(body.error());
    auto valid = schema::validateEntity(*entity, *body, validation_);
    if (!valid) return errorResponse(valid.error());
    return messageResponse(200, "schema validation successful");
  }
  if (!get) return messageResponse(405, "Method not allowed");
  return jsonResponse(200, schema::entitySchemaToJson(*entity));
}

AdminResponse AdminApi::tags(const AdminRequest& request) {
  const std::optional<std::string> wanted =
      request.segments.size() == 2 ? std::optional<std::string>(request.segments[1]) : std::nullopt;
  json all = json::array();
  for (const auto* e : model::allEntities()) {
    store::ListQuery q;
    q.size = 1000;
    if (wanted) q.tags = {*wanted};
    for (;;) {
      auto page = store_.list(*e, q);
      if (!page) return errorResponse(page.error());
      for (const auto& item : page->data) {
        if (!item["tags"].is_array()) continue;
        for (const auto& t : item["tags"])
          if (!wanted || t == *wanted) all.push_back(json{{"tag", t}, {"entity_name", e->name}, {"entity_id", item["id"]}});
      }
      if (!page->offset) break;
      q.offset = *page->offset;
    }
  }
  size_t size = 100, offset = 0;
  try {
    if (auto v = request.queryValue("size")) size = std::clamp<size_t>(std::stoul(*v), 1, 1000);
    if (auto v = request.queryValue("offset")) offset = std::stoul(*v);
  } catch (const std::exception&) {
    return messageResponse(400, "invalid size or offset");
  }
  json body{{"data", json::array()}, {"next", nullptr}};
  for (size_t i = offset; i < all.size() && i < offset + size; ++i) body["data"].push_back(all[i]);
  if (offset + size < all.size()) {
    body["offset"] = std::to_string(offset + size);
    body["next"] = std::string(wanted ? "/tags/" + *wanted : "/tags") + "?offset=" + std::to_string(offset + size);
  }
  return jsonResponse(200, body);
}

// DB-less configuration: GET returns it as YAML, POST replaces it atomically. The body is the
// declarative document itself (JSON or YAML), or {"config": "<document>"} (JSON or form).
// /sluice/config: the whole configuration as kong.yml (GET), and importing one into a database-backed
// node with a preview: POST /sluice/config/diff says what would change, POST /sluice/config/apply
// does it. Body: {"config": "<yaml or json text>", "replace": false} (replace: delete what the file
// does not mention).
AdminResponse AdminApi::configPlan(const AdminRequest& request) {
  const auto& s = request.segments;
  if (s.size() == 2) {
    if (request.method != "GET" && request.method != "HEAD") return messageResponse(405, "Method not allowed");
    auto doc = declarative::exportDocument(store_);
    if (!doc) return errorResponse(doc.error());
    return jsonResponse(200, json{{"config", declarative::toYaml(*doc)}});
  }
  if (s.size() != 3 || (s[2] != "diff" && s[2] != "apply")) return messageResponse(404, "Not found");
  if (request.method != "POST") return messageResponse(405, "Method not allowed");
  if (declarative_) return messageResponse(400, "a database-less node takes its configuration through POST /config");
  auto parsed = parseBody(request);
  if (!parsed) return errorResponse(parsed.error());
  if (!parsed->value.contains("config") || !parsed->value["config"].is_string())
    return jsonResponse(400, json{{"message", "schema violation (config: required field missing)"},
                                  {"name", "schema violation"},
                                  {"code", 2},
                                  {"fields", {{"config", "required field missing"}}}});
  const std::string text = parsed->value["config"].get<std::string>();
  if (nestingDepth(text) > kMaxNesting)
    return messageResponse(400, "declarative configuration nested deeper than " + std::to_string(kMaxNesting) + " levels");
  const bool replace = parsed->value.value("replace", false) == true;
  auto plan = declarative::planConfig(store_, text, validation_, replace);
  if (!plan) return errorResponse(plan.error());
  if (s[2] == "diff") return jsonResponse(200, declarative::planJson(*plan));
  if (auto applied = declarative::applyPlan(store_, *plan, replace); !applied) return errorResponse(applied.error());
  return jsonResponse(200, declarative::planJson(*plan));
}

AdminResponse AdminApi::config(const AdminRequest& request) {
  if (request.method != "GET" && request.method != "POST") return messageResponse(405, "Method not allowed");
  if (!declarative_)
    return messageResponse(400, "this endpoint is only available when using a database-less configuration");
  if (request.method == "POST" && dataPlane_)
    return messageResponse(400, "this node is a data plane: its configuration comes from its control plane (cluster_control_plane)");
  if (request.method == "GET") {
    auto doc = declarative::exportDocument(store_);
    if (!doc) return errorResponse(doc.error());
    return jsonResponse(200, json{{"config", declarative::toYaml(*doc)}});
  }
  // The configuration: a `config` field (JSON, form or multipart: -F config=@kong.yml), a JSON body
  // that is the configuration itself, or the raw body (YAML or JSON).
  std::string text = request.body;
  const std::string type = http::toLower(request.contentType.substr(0, request.contentType.find(';')));
  if (type == "application/json" || type == "application/x-www-form-urlencoded" || type == "multipart/form-data") {
    auto parsed = parseBody(request);
    if (!parsed) return errorResponse(parsed.error());
    if (parsed->value.contains("config") && parsed->value["config"].is_string())
      text = parsed->value["config"].get<std::string>();
    else if (parsed->fromForm)
      return messageResponse(400, "expected a declarative configuration");
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return messageResponse(400, "expected a declarative configuration");
  // Kong's check_hash=1: the same text again is not reloaded (304).
  const std::string hash = core::md5Hex(text);
  if (request.queryValue("check_hash") == std::optional<std::string>("1") && hash == configurationHash()) return AdminResponse{304, std::nullopt, {}};
  if (nestingDepth(text) > kMaxNesting)
    return messageResponse(400, "declarative configuration nested deeper than " + std::to_string(kMaxNesting) + " levels");
  auto loaded = declarative::load(store_, text, validation_, true);
  if (!loaded) return errorResponse(loaded.error());
  setConfigurationHash(hash);
  // Kong answers the entities it loaded, by collection and id.
  json entities = json::object();
  for (const auto& [schema, entity] : *loaded) entities[schema->name][entity["id"].get<std::string>()] = entity;
  return jsonResponse(201, entities);
}

}  // namespace sluice::admin
