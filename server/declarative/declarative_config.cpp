#include "declarative/declarative_config.h"

#include "core/uuid.h"
#include "declarative/yaml_json.h"
#include "model/registry.h"

#include <map>

namespace sluice::declarative {
using nlohmann::json;
using schema::EntitySchema;

namespace {

const char* const kFormatVersions[] = {"1.1", "2.1", "3.0"};

struct Pending {
  const EntitySchema* schema;
  json entity;
  std::string where;  // "services.0.routes.1" for error reports
};

class Flattener {
 public:
  explicit Flattener(const schema::ValidationContext& ctx) : ctx_(ctx) {}

  core::Status collect(const json& doc) {
    if (!doc.is_object()) return fail("@entity", "expected a declarative configuration object");
    const auto version = doc.find("_format_version");
    if (version == doc.end() || !version->is_string()) return fail("_format_version", "required field missing");
    bool known = false;
    for (const char* v : kFormatVersions) known = known || *version == v;
    if (!known) return fail("_format_version", "expected one of: 1.1, 2.1, 3.0");
    if (const auto t = doc.find("_transform"); t != doc.end()) {
      if (!t->is_boolean()) return fail("_transform", "expected a boolean");
      transform_ = t->get<bool>();
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      if (it.key().rfind('_', 0) == 0) continue;  // _format_version, _transform, _comment, _workspace
      const EntitySchema* schema = model::findEntity(it.key());
      if (!schema) return fail(it.key(), "unknown field");
      if (!it->is_array()) return fail(it.key(), "expected an array");
      for (size_t i = 0; i < it->size(); ++i)
        if (auto s = add(*schema, (*it)[i], nullptr, nullptr, it.key() + "." + std::to_string(i)); !s) return s;
    }
    return core::Ok{};
  }

  core::Result<Entities> resolveAndValidate() {
    // Names to ids, for foreign keys given by name ("service: billing").
    for (const auto& p : pending_)
      if (!p.schema->endpointKey.empty() && p.entity.contains(p.schema->endpointKey) &&
          p.entity[p.schema->endpointKey].is_string())
        names_[p.schema->name][p.entity[p.schema->endpointKey].get<std::string>()] = p.entity["id"].get<std::string>();
    json errors = json::object();
    std::map<const EntitySchema*, std::vector<json>> valid;
    for (auto& p : pending_) {
      for (const auto& f : p.schema->fields) {
        if (f.type != schema::FieldType::Foreign || !p.entity.contains(f.name)) continue;
        json& ref = p.entity[f.name];
        if (ref.is_object() && ref.contains("name") && !ref.contains("id")) ref = ref["name"];
        if (ref.is_object() && ref.contains("username") && !ref.contains("id")) ref = ref["username"];
        if (ref.is_string() && !core::isUuid(ref.get<std::string>())) {
          auto byName = names_[f.reference].find(ref.get<std::string>());
          if (byName == names_[f.reference].end()) {
            errors[p.where][f.name] = "no " + f.reference + " named '" + ref.get<std::string>() + "'";
            continue;
          }
          ref = byName->second;
        }
      }
      if (!transform_ && p.schema->adoptTransformed) p.schema->adoptTransformed(p.entity);
      auto result = schema::validateEntity(*p.schema, p.entity, ctx_);
      if (!result) {
        errors[p.where] = result.error().fields.is_null() ? json(result.error().message) : result.error().fields;
        continue;
      }
      valid[p.schema].push_back(std::move(*result));
    }
    if (!errors.empty()) return declarativeError(errors);
    Entities out;
    for (const auto* schema : model::allEntities())  // parents before children
      for (auto& e : valid[schema]) out.emplace_back(schema, std::move(e));
    return out;
  }

 private:
  static core::Error declarativeError(json fields) {
    return core::Error{core::ErrorCode::DeclarativeConfig, "declarative config is invalid: " + fields.dump(), fields};
  }
  static core::Status fail(const std::string& field, const std::string& message) {
    return declarativeError(json{{field, message}});
  }

  core::Status add(const EntitySchema& schema, json item, const EntitySchema* parent, const json* parentEntity,
                   const std::string& where) {
    const schema::Field* key = schema.endpointKey.empty() ? nullptr : schema.field(schema.endpointKey);
    if (item.is_string() && key) item = json{{key->name, item}};  // certificates: snis: [a.example]
    if (!item.is_object()) return fail(where, "expected a record");
    // Kong's extra attributes, allowed on every entity: a comment and anything to ignore.
    if (item.contains("_comment") && !item["_comment"].is_string()) return fail(where + "._comment", "expected a string");
    if (item.contains("_ignore") && !item["_ignore"].is_array()) return fail(where + "._ignore", "expected an array");
    item.erase("_comment");
    item.erase("_ignore");
    if (!item.contains("id") || item["id"].is_null()) item["id"] = core::newUuid();
    if (parent) {
      const schema::Field* link = schema.foreignTo(parent->name);
      item[link->name] = json{{"id", (*parentEntity)["id"]}};
    }
    // Nested children: a key that names an entity with a foreign key to this one.
    json children = json::object();
    for (auto it = item.begin(); it != item.end(); ++it) {
      const EntitySchema* child = model::findEntity(it.key());
      if (child && child->foreignTo(schema.name)) children[it.key()] = *it;
    }
    for (auto it = children.begin(); it != children.end(); ++it) item.erase(it.key());
    pending_.push_back({&schema, item, where});
    const json self = item;
    for (auto it = children.begin(); it != children.end(); ++it) {
      if (!it->is_array()) return fail(where + "." + it.key(), "expected an array");
      const EntitySchema* child = model::findEntity(it.key());
      for (size_t i = 0; i < it->size(); ++i)
        if (auto s = add(*child, (*it)[i], &schema, &self, where + "." + it.key() + "." + std::to_string(i)); !s) return s;
    }
    return core::Ok{};
  }

  const schema::ValidationContext& ctx_;
  std::vector<Pending> pending_;
  bool transform_ = true;  // _transform: false — values are already in their stored form
  std::map<std::string, std::map<std::string, std::string>> names_;
};

}  // namespace

core::Result<Entities> flatten(const json& document, const schema::ValidationContext& ctx) {
  Flattener flattener(ctx);
  if (auto s = flattener.collect(document); !s) return s.error();
  return flattener.resolveAndValidate();
}

core::Result<Entities> load(store::Store& store, const std::string& text, const schema::ValidationContext& ctx, bool replace) {
  auto doc = parseYaml(text);
  if (!doc) return doc.error();
  schema::ValidationContext restoring = ctx;
  restoring.keepTimestamps = true;
  auto entities = flatten(*doc, restoring);
  if (!entities) return entities.error();
  size_t failed = 0;
  if (auto s = store.applyAll(*entities, replace, &failed); !s) {
    core::Error e = s.error();
    if (failed < entities->size()) e.message += " (" + (*entities)[failed].first->name + " " + (*entities)[failed].second["id"].get<std::string>() + ")";
    return e;
  }
  return std::move(*entities);
}

core::Result<json> exportDocument(store::Store& store) {
  json doc{{"_format_version", "2.1"}};
  for (const auto* schema : model::allEntities()) {
    store::ListQuery q;
    q.size = 1000;
    json items = json::array();
    for (;;) {
      auto page = store.list(*schema, q);
      if (!page) return page.error();
      for (auto& e : page->data) {
        for (const auto& t : schema->transientFields) e.erase(t.name);  // exported as their own entities
        for (const auto& f : schema->fields) {
          if (e[f.name].is_null() && !f.defaultValue) e.erase(f.name);
          else if (f.type == schema::FieldType::Foreign && e[f.name].is_object()) e[f.name] = e[f.name]["id"];
        }
        items.push_back(std::move(e));
      }
      if (!page->offset) break;
      q.offset = *page->offset;
    }
    // Stored forms (hashed passwords) are exported as they are: the file says so.
    if (!items.empty() && schema->adoptTransformed) doc["_transform"] = false;
    if (!items.empty()) doc[schema->name] = std::move(items);
  }
  return doc;
}

}  // namespace sluice::declarative
