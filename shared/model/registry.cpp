#include "model/registry.h"

#include "model/entities.h"

namespace sluice::model {

const std::vector<const schema::EntitySchema*>& allEntities() {
  static const std::vector<const schema::EntitySchema*> kAll{
      &certificates(), &snis(),      &caCertificates(),     &services(),             &routes(),
      &consumers(),    &upstreams(), &targets(),            &plugins(),              &keyauthCredentials(),
      &basicauthCredentials(),       &jwtSecrets(),         &acls()};
  return kAll;
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

std::vector<std::pair<const schema::EntitySchema*, const schema::Field*>> referencing(std::string_view parent) {
  std::vector<std::pair<const schema::EntitySchema*, const schema::Field*>> out;
  for (const auto* e : allEntities())
    for (const auto& f : e->fields)
      if (f.type == schema::FieldType::Foreign && f.reference == parent) out.emplace_back(e, &f);
  return out;
}

}  // namespace sluice::model
