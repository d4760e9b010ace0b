#pragma once
// CRUD for every entity, generated from the schemas (Kong's api/endpoints.lua):
//   /{collection}                      GET (paginated, ?tags=, ?size=, ?offset=)  POST
//   /{collection}/{id|key}             GET PUT (upsert) PATCH (merge) DELETE
//   /{collection}/{id|key}/{nested}    GET POST          e.g. /services/a/routes, /consumers/c/key-auth
//   /{collection}/{id|key}/{nested}/{id|key}  GET PUT PATCH DELETE
//   /{collection}/{id|key}/{foreign}   GET               e.g. /routes/r/service
#include "admin/admin_types.h"
#include "schema/validator.h"
#include "store/store.h"

namespace sluice::admin {

class EntityEndpoints {
 public:
  EntityEndpoints(store::Store& store, schema::ValidationContext validation);

  // Handles requests whose path names an entity; nullopt for any other path.
  std::optional<AdminResponse> handle(const AdminRequest& request);
  // DB-less mode: entities are read-only (405 on writes).
  void setReadOnly(bool readOnly) { readOnly_ = readOnly; }

  // Validates a body the way a write would (shared with /schemas/{entity}/validate).
  // `existing`: the stored entity a PATCH changes (its plugin name decides how a form's config is read).
  core::Result<json> prepare(const schema::EntitySchema& schema, const AdminRequest& request, const json* existing = nullptr);

 private:
  struct Parent {
    const schema::EntitySchema* schema = nullptr;
    const schema::Field* field = nullptr;  // the child's foreign field pointing at the parent
    json entity;
  };

  core::Result<std::optional<json>> lookup(const schema::EntitySchema& schema, const std::string& key,
                                           const Parent* parent);
  AdminResponse collection(const schema::EntitySchema& schema, const AdminRequest& request, const Parent* parent);
  AdminResponse entity(const schema::EntitySchema& schema, const std::string& key, const AdminRequest& request,
                       const Parent* parent);
  AdminResponse list(const schema::EntitySchema& schema, const AdminRequest& request, const Parent* parent);
  AdminResponse create(const schema::EntitySchema& schema, const AdminRequest& request, const Parent* parent);
  AdminResponse upsert(const schema::EntitySchema& schema, const std::string& key, const AdminRequest& request,
                       const Parent* parent);
  AdminResponse patch(const schema::EntitySchema& schema, const json& existing, const AdminRequest& request,
                      const Parent* parent);
  AdminResponse postTarget(const AdminRequest& request, const Parent& parent);
  AdminResponse foreignEntity(const schema::EntitySchema& owner, const json& entity, const schema::Field& foreign,
                              const AdminRequest& request);
  std::optional<core::Error> resolveForeignKeys(const schema::EntitySchema& schema, json& body);
  std::optional<AdminResponse> refuseWrite(const schema::EntitySchema& schema, const std::string& method) const;

  store::Store& store_;
  schema::ValidationContext validation_;
  bool readOnly_ = false;
};

// The child entity reachable as /{parent}/{id}/{segment}, and its foreign field to the parent.
std::pair<const schema::EntitySchema*, const schema::Field*> nestedChild(const schema::EntitySchema& parent,
                                                                        const std::string& segment);

}  // namespace sluice::admin
