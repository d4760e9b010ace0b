#pragma once
// Every entity the gateway runs on, held in memory: the snapshot builder reads it instead of the
// database, so that one write costs the re-reading of the entities it touched, not of the whole
// configuration. Filled from the store (traditional nodes, control planes) or from what a control
// plane pushes (data planes). Not thread-safe: the snapshot builder's thread owns it.
#include "schema/entity_schema.h"

#include <map>
#include <string>
#include <vector>

namespace sluice::store {
class Store;
struct EntityRef;
}  // namespace sluice::store

namespace sluice::snapshot {

class EntityMirror {
 public:
  // An entity and its revision: a number that changes whenever its contents do, so that what is
  // compiled from it can be kept until then (snapshot/compiled_cache.h).
  struct Entry {
    schema::json value;
    uint64_t revision = 0;
  };
  using Rows = std::map<std::string, Entry>;  // by id: the store's listing order

  // Replaces the contents with every entity the store holds (those unchanged keep their
  // revision). True when anything differs from before.
  core::Result<bool> load(store::Store& store);
  // Reads the touched entities again: one found is replaced, one gone is removed with what its
  // deletion cascades to. True when anything differs from before.
  core::Result<bool> refresh(store::Store& store, const std::vector<store::EntityRef>& touched);

  // Direct edits (a data plane applying what its control plane sent). True when anything changed.
  bool upsert(const schema::EntitySchema& schema, schema::json entity);
  bool remove(const schema::EntitySchema& schema, const std::string& id);
  void clear();

  const Rows& rows(const schema::EntitySchema& schema) const;
  // The entities of a kind as the Admin API would show them now (expired ones left out).
  std::vector<schema::json> visible(const schema::EntitySchema& schema) const;
  size_t size() const;

  // The entities the mirror keeps: all but those stored inside their parent (certificates' snis).
  static bool mirrored(const schema::EntitySchema& schema);

 private:
  std::map<const schema::EntitySchema*, Rows> kinds_;
  uint64_t lastRevision_ = 0;
};

}  // namespace sluice::snapshot
