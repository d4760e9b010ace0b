#include "admin/entity_endpoints.h"

#include "admin/request_body.h"
#include "core/uuid.h"
#include "model/entities.h"
#include "model/registry.h"

#include <algorithm>
#include <cmath>

namespace sluice::admin {
using schema::EntitySchema;
using schema::Field;

namespace {

constexpr size_t kDefaultPageSize = 100;
constexpr size_t kMaxPageSize = 1000;

std::string pathOf(const AdminRequest& request) {
  std::string path;
  for (const auto& s : request.segments) path += "/" + s;
  return path;
}

bool isRead(const std::string& method) { return method == "GET" || method == "HEAD"; }


// Kong: a key that is not a UUID, for an entity that has no other key to be found by.
core::Error invalidPrimaryKey() {
  return core::Error{core::ErrorCode::InvalidPrimaryKey, "invalid primary key: '{id=\"expected a valid UUID\"}'",
                     json{{"id", "expected a valid UUID"}}};
}

}  // namespace

std::pair<const EntitySchema*, const Field*> nestedChild(const EntitySchema& parent, const std::string& segment) {
  for (const auto* e : model::allEntities()) {
    if (e->nestedPath != segment) continue;
    const Field* f = e->nestedUnder.empty() ? e->foreignTo(parent.name) : e->field(e->nestedUnder);
    if (f && f->type == schema::FieldType::Foreign && f->reference == parent.name) return {e, f};
  }
  return {nullptr, nullptr};
}

EntityEndpoints::EntityEndpoints(store::Store& store, schema::ValidationContext validation)
    : store_(store), validation_(std::move(validation)) {}

std::optional<AdminResponse> EntityEndpoints::handle(const AdminRequest& request) {
  const auto& s = request.segments;
  if (s.empty() || s.size() > 4) return std::nullopt;
  const EntitySchema* top = model::findByAdminPath(s[0]);
  if (!top) return std::nullopt;
  if (s.size() == 1) return collection(*top, request, nullptr);
  if (s.size() == 2) return entity(*top, s[1], request, nullptr);

  auto [child, field] = nestedChild(*top, s[2]);
  const Field* foreign = top->field(s[2]);
  if (!child && !(s.size() == 3 && foreign && foreign->type == schema::FieldType::Foreign)) return std::nullopt;

  auto parentEntity = lookup(*top, s[1], nullptr);
  if (!parentEntity) return errorResponse(parentEntity.error());
  if (!*parentEntity) return messageResponse(404, "Not found");

  if (!child) return foreignEntity(*top, **parentEntity, *foreign, request);
  Parent parent{top, field, std::move(**parentEntity)};
  if (child == &model::targets()) {
    if (s.size() == 3 && request.method == "POST" && !readOnly_) return postTarget(request, parent);
    if (s.size() == 4 && s[3] == "all") return isRead(request.method) ? list(*child, request, &parent) : methodNotAllowed();
  }
  if (s.size() == 3) return collection(*child, request, &parent);
  return entity(*child, s[3], request, &parent);
}

// /routes/{r}/service, Kong's foreign entity endpoint: read the entity the key points at, change it
// (PATCH), replace it (PUT — creating one and pointing the key at it when there is none); it cannot
// be deleted from here (405).
AdminResponse EntityEndpoints::foreignEntity(const EntitySchema& owner, const json& entity, const Field& foreign,
                                             const AdminRequest& request) {
  const EntitySchema& target = *model::findEntity(foreign.reference);
  const json& ref = entity[foreign.name];
  const bool linked = ref.is_object() && ref.contains("id");
  if (request.method == "PUT") {
    if (auto refused = refuseWrite(target, request.method)) return *refused;
    const std::string id = linked ? ref["id"].get<std::string>() : core::newUuid();
    AdminResponse answer = upsert(target, id, request, nullptr);
    if (linked || answer.status != 200) return answer;
    json relinked = entity;
    relinked[foreign.name] = {{"id", id}};
    auto valid = schema::validateEntity(owner, relinked, validation_);
    if (!valid) return errorResponse(valid.error());
    if (auto stored = store_.upsert(owner, std::move(*valid)); !stored) return errorResponse(stored.error());
    return answer;
  }
  if (!isRead(request.method) && request.method != "PATCH" && request.method != "DELETE") return methodNotAllowed();
  if (!linked) return messageResponse(404, "Not found");
  if (request.method == "DELETE") return methodNotAllowed();
  auto found = store_.get(target, ref["id"].get<std::string>());
  if (!found) return errorResponse(found.error());
  if (!*found) return messageResponse(404, "Not found");
  if (request.method == "PATCH") {
    if (auto refused = refuseWrite(target, request.method)) return *refused;
    return patch(target, **found, request, nullptr);
  }
  return jsonResponse(200, std::move(**found));
}

// Kong keeps an old habit of its targets API: POSTing a target that the upstream already has
// updates it (200, with `Deprecation: true`) instead of refusing it.
AdminResponse EntityEndpoints::postTarget(const AdminRequest& request, const Parent& parent) {
  auto body = prepare(model::targets(), request);
  if (!body) return errorResponse(body.error());
  json probe = *body;
  probe[parent.field->name] = {{"id", parent.entity["id"]}};
  if (auto valid = schema::validateEntity(model::targets(), probe, validation_)) {
    auto existing = store_.findBy(model::targets(), "target", (*valid)["target"], {{parent.field->name, parent.entity["id"]}});
    if (!existing) return errorResponse(existing.error());
    if (*existing) {
      AdminResponse updated = patch(model::targets(), **existing, request, &parent);
      if (updated.status == 200) updated.headers.emplace_back("Deprecation", "true");
      return updated;
    }
  }
  return create(model::targets(), request, &parent);
}

core::Result<std::optional<json>> EntityEndpoints::lookup(const EntitySchema& schema, const std::string& key,
                                                          const Parent* parent) {
  std::vector<std::pair<std::string, json>> within;
  if (parent) within.emplace_back(parent->field->name, parent->entity["id"]);
  if (core::isUuid(key)) {
    auto found = store_.get(schema, key);
    if (!found || !*found || !parent) return found;
    const json& ref = (**found)[parent->field->name];
    if (!ref.is_object() || ref["id"] != parent->entity["id"]) return std::optional<json>{};
    return found;
  }
  if (!schema.endpointKey.empty()) return store_.findBy(schema, schema.endpointKey, key, within);
  if (schema.lookupThrough) {
    const EntitySchema* via = model::findEntity(schema.lookupThrough->entity);
    auto link = store_.findBy(*via, schema.lookupThrough->keyField, key);
    if (!link || !*link) return link;
    return store_.get(schema, (**link)[schema.lookupThrough->foreignField]["id"].get<std::string>());
  }
  return invalidPrimaryKey();
}

std::optional<AdminResponse> EntityEndpoints::refuseWrite(const EntitySchema& schema, const std::string& method) const {
  if (!readOnly_ || isRead(method)) return std::nullopt;
  const char* verb = method == "DELETE" ? "delete" : method == "POST" ? "create" : "update";
  return messageResponse(405, std::string("cannot ") + verb + " '" + schema.name +
                                  "' entities when not using a database");
}

AdminResponse EntityEndpoints::collection(const EntitySchema& schema, const AdminRequest& request,
                                          const Parent* parent) {
  if (isRead(request.method)) return list(schema, request, parent);
  if (request.method == "POST") {
    if (auto refused = refuseWrite(schema, request.method)) return *refused;
    return create(schema, request, parent);
  }
  return methodNotAllowed();
}

AdminResponse EntityEndpoints::entity(const EntitySchema& schema, const std::string& key, const AdminRequest& request,
                                      const Parent* parent) {
  if (request.method != "GET" && request.method != "HEAD" && request.method != "PUT" && request.method != "PATCH" &&
      request.method != "DELETE")
    return methodNotAllowed();
  if (auto refused = refuseWrite(schema, request.method)) return *refused;
  if (request.method == "PUT") return upsert(schema, key, request, parent);
  auto found = lookup(schema, key, parent);
  if (!found) return errorResponse(found.error());
  if (request.method == "DELETE") {
    if (!*found) return noContent();
    if (auto s = store_.remove(schema, (**found)["id"].get<std::string>()); !s) return errorResponse(s.error());
    return noContent();
  }
  if (!*found) return messageResponse(404, "Not found");
  if (request.method == "PATCH") return patch(schema, **found, request, parent);
  return jsonResponse(200, std::move(**found));
}

AdminResponse EntityEndpoints::list(const EntitySchema& schema, const AdminRequest& request, const Parent* parent) {
  store::ListQuery query;
  query.size = kDefaultPageSize;
  if (auto size = request.queryValue("size")) {
    double n = 0;
    try {
      size_t used = 0;
      n = std::stod(*size, &used);
      if (used != size->size()) throw std::invalid_argument("trailing characters");
    } catch (const std::exception&) {
      return errorResponse(core::Error{core::ErrorCode::InvalidSize, "size must be a number", nullptr});
    }
    if (n < 1 || n > static_cast<double>(kMaxPageSize) || n != std::floor(n))
      return errorResponse(core::Error{core::ErrorCode::InvalidSize,
                                       "size must be an integer between 1 and " + std::to_string(kMaxPageSize),
                                       nullptr});
    query.size = static_cast<size_t>(n);
  }
  if (auto offset = request.queryValue("offset")) query.offset = *offset;
  if (auto tags = request.queryValue("tags")) {
    // Kong's filter: tags joined all by ',' (and) or all by '/' (or), at most five.
    const auto split = [&](char separator, std::vector<std::string>& out) {
      out.clear();
      size_t start = 0;
      while (start < tags->size()) {
        size_t end = tags->find(separator, start);
        if (end == std::string::npos) end = tags->size();
        const std::string tag = tags->substr(start, end - start);
        if (tag.empty()) return false;
        for (unsigned char c : tag)
          if (c < 0x21 || c == ',' || c == '/' || c == 0x7f || c > 0xf4) return false;
        out.push_back(tag);
        start = end + 1;
      }
      return !out.empty();
    };
    const auto invalidOption = [](const std::string& what) {
      return errorResponse(core::Error{core::ErrorCode::InvalidOptions, "invalid option (tags: " + what + ")", json{{"tags", what}}});
    };
    if (split(',', query.tags)) query.tagsAny = false;
    else if (split('/', query.tags)) query.tagsAny = true;
    else return invalidOption("invalid filter syntax");
    if (query.tags.size() > 5) return invalidOption("cannot query more than 5 tags");
  }
  // Equality filters on unique fields (GET /consumers?custom_id=...).
  for (const auto& f : schema.fields)
    if (f.unique && f.type == schema::FieldType::String)
      if (auto v = request.queryValue(f.name)) query.equals.emplace_back(f.name, *v);
  if (parent) query.equals.emplace_back(parent->field->name, parent->entity["id"]);

  auto page = store_.list(schema, query);
  if (!page) return errorResponse(page.error());
  json body{{"data", json::array()}, {"next", nullptr}};
  for (auto& e : page->data) body["data"].push_back(std::move(e));
  if (page->offset) {
    body["offset"] = *page->offset;
    // Kong's next page: the offset (and the tags filter), not the size.
    body["next"] = pathOf(request) + "?offset=" + *page->offset +
                   (request.queryValue("tags") ? "&tags=" + *request.queryValue("tags") : "");
  }
  return jsonResponse(200, std::move(body));
}

core::Result<json> EntityEndpoints::prepare(const EntitySchema& schema, const AdminRequest& request, const json* existing) {
  auto parsed = parseBody(request);
  if (!parsed) return parsed.error();
  json body = std::move(parsed->value);
  if (parsed->fromForm) {
    body = schema::coerceStrings(schema.fields, body);
    body = schema::coerceStrings(schema.transientFields, body);
    // A plugin's config is coerced with that plugin's schema: the one named, or the stored one's (PATCH).
    const json* name = body.contains("name") ? &body["name"] : existing && existing->contains("name") ? &(*existing)["name"] : nullptr;
    for (const auto& f : schema.fields) {
      if (!f.pluginConfig || !body.contains(f.name) || !name || !name->is_string()) continue;
      if (const auto* plugin = validation_.findPlugin ? validation_.findPlugin(name->get<std::string>()) : nullptr)
        body[f.name] = schema::coerceStrings(plugin->config, body[f.name]);
    }
  }
  return body;
}

// Kong's resolve_foreign: a foreign key written by a unique field of the entity it names
// ({"service": {"name": "orders"}}, form `service.name=orders`) becomes that entity's id. One that
// names nothing answers code 13, "foreign key unresolved".
std::optional<core::Error> EntityEndpoints::resolveForeignKeys(const EntitySchema& schema, json& body) {
  json unresolved = json::object();
  std::vector<std::string> parts;
  for (const auto& f : schema.fields) {
    if (f.type != schema::FieldType::Foreign || !body.contains(f.name) || !body[f.name].is_object()) continue;
    json& value = body[f.name];
    if (value.contains("id") && value["id"].is_string() && core::isUuid(value["id"].get<std::string>())) continue;
    const EntitySchema* target = model::findEntity(f.reference);
    if (!target) continue;
    // Each unique field the value gives, in the schema's order, until one finds an entity; as in
    // Kong, a field tried before it that found nothing still makes the key unresolved.
    json misses = json::object();
    for (const auto& unique : target->fields) {
      if (unique.type != schema::FieldType::String || !(unique.unique || unique.name == target->endpointKey)) continue;
      if (!value.contains(unique.name) || !value[unique.name].is_string()) continue;
      auto found = store_.findBy(*target, unique.name, value[unique.name]);
      if (!found) return found.error();
      if (*found) {
        value = json{{"id", (**found)["id"]}};
        break;
      }
      misses[unique.name] = "the foreign key cannot be resolved with '{" + unique.name + "=" + value[unique.name].dump() +
                            "}' for an existing '" + target->name + "' entity";
    }
    if (misses.empty()) continue;
    unresolved[f.name] = misses;
    for (const auto& [name, message] : misses.items()) parts.push_back(f.name + "." + name + ": " + message.get<std::string>());
  }
  if (unresolved.empty()) return std::nullopt;
  std::sort(parts.begin(), parts.end());
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) joined += (i ? "; " : "") + parts[i];
  return core::Error{core::ErrorCode::ForeignKeysUnresolved,
                     parts.size() == 1 ? "foreign key unresolved (" + joined + ")"
                                       : std::to_string(parts.size()) + " foreign keys unresolved (" + joined + ")",
                     std::move(unresolved)};
}

AdminResponse EntityEndpoints::create(const EntitySchema& schema, const AdminRequest& request, const Parent* parent) {
  auto body = prepare(schema, request);
  if (!body) return errorResponse(body.error());
  if (auto unresolved = resolveForeignKeys(schema, *body)) return errorResponse(*unresolved);
  if (parent) (*body)[parent->field->name] = {{"id", parent->entity["id"]}};
  auto valid = schema::validateEntity(schema, *body, validation_);
  if (!valid) return errorResponse(valid.error());
  auto stored = store_.insert(schema, std::move(*valid));
  if (!stored) return errorResponse(stored.error());
  return jsonResponse(201, std::move(*stored));
}

AdminResponse EntityEndpoints::upsert(const EntitySchema& schema, const std::string& key, const AdminRequest& request,
                                      const Parent* parent) {
  auto body = prepare(schema, request);
  if (!body) return errorResponse(body.error());
  if (auto unresolved = resolveForeignKeys(schema, *body)) return errorResponse(*unresolved);
  if (core::isUuid(key)) {
    // An id in the URL that belongs to another parent is not this parent's to replace.
    auto found = lookup(schema, key, nullptr);
    if (!found) return errorResponse(found.error());
    if (*found && parent && (**found)[parent->field->name]["id"] != parent->entity["id"])
      return messageResponse(404, "Not found");
    (*body)["id"] = key;
  } else {
    if (schema.endpointKey.empty()) return errorResponse(invalidPrimaryKey());
    auto found = lookup(schema, key, parent);
    if (!found) return errorResponse(found.error());
    (*body)["id"] = *found ? (**found)["id"] : json(core::newUuid());
    (*body)[schema.endpointKey] = key;
  }
  if (parent) (*body)[parent->field->name] = {{"id", parent->entity["id"]}};
  auto valid = schema::validateEntity(schema, *body, validation_);
  if (!valid) return errorResponse(valid.error());
  auto stored = store_.upsert(schema, std::move(*valid));
  if (!stored) return errorResponse(stored.error());
  return jsonResponse(200, std::move(*stored));
}

AdminResponse EntityEndpoints::patch(const EntitySchema& schema, const json& existing, const AdminRequest& request,
                                     const Parent* parent) {
  auto body = prepare(schema, request, &existing);
  if (!body) return errorResponse(body.error());
  if (auto unresolved = resolveForeignKeys(schema, *body)) return errorResponse(*unresolved);
  body->erase("created_at");
  body->erase("updated_at");
  (*body)["id"] = existing["id"];
  if (parent) (*body)[parent->field->name] = {{"id", parent->entity["id"]}};
  json merged = schema::mergePatch(schema.fields, existing, *body);
  auto valid = schema::validateEntity(schema, merged, validation_);
  if (!valid) return errorResponse(valid.error());
  auto stored = store_.upsert(schema, std::move(*valid));
  if (!stored) return errorResponse(stored.error());
  return jsonResponse(200, std::move(*stored));
}

}  // namespace sluice::admin
