#pragma once
// Every entity the gateway runs on, held in memory: the snapshot builder reads it instead of the
// database, so that one write costs the re-reading of the entities it touched, not of the whole
// configuration. Filled from the store (traditional nodes, control planes) or from what a control
// plane pushes (data planes). Not thread-safe: the snapshot builder's thread owns it.
#include "schema/entity_schema.h"

#include <array>
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
  using Digest = std::array<unsigned char, 16>;
  struct Entry {
    schema::json value;
    uint64_t revision = 0;
    Digest digest{};  // MD5 of the kind and the entity: the configuration hash is their XOR
  };
  // One entity written or removed (a removal lists what it cascaded to as well), in order.
  struct Change {
    const schema::EntitySchema* schema = nullptr;
    std::string id;
    bool removed = false;
  };
  struct Changes {
    bool everything = false;  // the whole contents were read again: the list is empty
    std::vector<Change> list;
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

  // What changed since the last call (a control plane pushes it to its data planes).
  Changes takeChanges();
  // A hash of the whole contents, independent of order: equal on two nodes holding the same
  // entities (32 hex digits; all zeros when empty, as Kong's empty configuration).
  std::string hash() const;

  // The entities the mirror keeps: all but those stored inside their parent (certificates' snis).
  static bool mirrored(const schema::EntitySchema& schema);

 private:
  static Digest digestOf(const schema::EntitySchema& schema, const schema::json& entity);
  void fold(const Digest& digest);

  std::map<const schema::EntitySchema*, Rows> kinds_;
  uint64_t lastRevision_ = 0;
  Digest hash_{};
  Changes changes_;
};

}  // namespace sluice::snapshot
