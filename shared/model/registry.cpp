#include "model/registry.h"

#include "model/entities.h"

namespace sluice::model {

namespace {

std::vector<const schema::EntitySchema*>& entities() {
  static std::vector<const schema::EntitySchema*> all{&certificates(), &snis(),      &caCertificates(),
                                                      &services(),     &routes(),    &consumers(),
                                                      &upstreams(),    &targets(),   &plugins(),
                                                      &sluiceAlertRules()};
  return all;
}

}  // namespace

const std::vector<const schema::EntitySchema*>& allEntities() { return entities(); }

void addEntity(const schema::EntitySchema& entity) {
  if (!findEntity(entity.name)) entities().push_back(&entity);
}

const schema::EntitySchema* findEntity(std::string_view name) {
  for (const auto* e : allEntities())
    if (e->name == name) return e;
  return nullptr;
}

const schema::EntitySchema* findByAdminPath(std::string_view path) {
  for (const auto* e : allEntities())
    if (!e->adminPath.empty() && e->adminPath == path) return e;
  return nullptr;
}

const schema::EntitySchema* findByCollection(std::string_view path) {
  const auto slash = path.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (slash == std::string_view::npos) return findByAdminPath(last);
  for (const auto* e : allEntities())
    if (!e->nestedPath.empty() && e->nestedPath == last) return e;
  return nullptr;
}

const schema::Field* ownerField(std::string_view path) {
  const auto slash = path.find('/');
  if (slash == std::string_view::npos) return nullptr;
  const auto* listed = findByCollection(path);
  const auto* owner = findByAdminPath(path.substr(0, slash));
  return listed && owner ? listed->foreignTo(owner->name) : nullptr;
}

std::vector<const schema::EntitySchema*> nestedUnder(std::string_view parentName) {
  std::vector<const schema::EntitySchema*> out;
  for (const auto* e : allEntities()) {
    if (e->nestedPath.empty()) continue;
    for (const auto& f : e->fields)
      if (f.type == schema::FieldType::Foreign && f.reference == parentName && (e->nestedUnder.empty() || e->nestedUnder == f.name)) {
        out.push_back(e);
        break;
      }
  }
  return out;
}

std::vector<std::pair<const schema::EntitySchema*, const schema::Field*>> referencing(std::string_view parent) {
  std::vector<std::pair<const schema::EntitySchema*, const schema::Field*>> out;
  for (const auto* e : allEntities())
    for (const auto& f : e->fields)
      if (f.type == schema::FieldType::Foreign && f.reference == parent) out.emplace_back(e, &f);
  return out;
}

const schema::EntitySchema* transientParent(const schema::EntitySchema& child) {
  for (const auto* parent : allEntities())
    for (const auto& t : parent->transientFields)
      if (t.name == child.name) return parent;
  return nullptr;
}

}  // namespace sluice::model
