#include "snapshot/entity_mirror.h"

#include "core/clock.h"
#include "model/registry.h"
#include "store/store.h"

namespace sluice::snapshot {
using schema::json;

bool EntityMirror::mirrored(const schema::EntitySchema& schema) { return model::transientParent(schema) == nullptr; }

core::Result<bool> EntityMirror::load(store::Store& store) {
  std::map<const schema::EntitySchema*, Rows> kinds;
  bool changed = false;
  for (const auto* schema : model::allEntities()) {
    if (!mirrored(*schema)) continue;
    auto all = store.listAll(*schema);
    if (!all) return all.error();  // the database is away: keep what we had
    Rows& rows = kinds[schema];
    const Rows& before = this->rows(*schema);
    for (auto& e : *all) {
      std::string id = e["id"].get<std::string>();
      // An entity read again unchanged keeps its revision, and what was compiled from it.
      const auto old = before.find(id);
      const bool same = old != before.end() && old->second.value == e;
      changed = changed || !same;
      rows.emplace_hint(rows.end(), std::move(id), Entry{std::move(e), same ? old->second.revision : ++lastRevision_});
    }
    changed = changed || rows.size() != before.size();  // (none new: then only a deletion changes the count)
  }
  kinds_ = std::move(kinds);
  return changed;
}

core::Result<bool> EntityMirror::refresh(store::Store& store, const std::vector<store::EntityRef>& touched) {
  bool changed = false;
  for (const auto& ref : touched) {
    if (!ref.schema || !mirrored(*ref.schema)) continue;
    auto entity = store.get(*ref.schema, ref.id);
    if (!entity) return entity.error();
    changed = (*entity ? upsert(*ref.schema, std::move(**entity)) : remove(*ref.schema, ref.id)) || changed;
  }
  return changed;
}

bool EntityMirror::upsert(const schema::EntitySchema& schema, json entity) {
  Rows& rows = kinds_[&schema];
  std::string id = entity["id"].get<std::string>();
  auto it = rows.find(id);
  if (it == rows.end()) {
    rows.emplace(std::move(id), Entry{std::move(entity), ++lastRevision_});
    return true;
  }
  if (it->second.value == entity) return false;
  it->second = Entry{std::move(entity), ++lastRevision_};
  return true;
}

bool EntityMirror::remove(const schema::EntitySchema& schema, const std::string& id) {
  auto kind = kinds_.find(&schema);
  if (kind == kinds_.end() || kind->second.erase(id) == 0) return false;
  // What the database deleted with it (ON DELETE CASCADE), children before their own children.
  for (const auto& [child, field] : model::referencing(schema.name)) {
    if (field->onDelete != schema::OnDelete::Cascade) continue;
    auto rows = kinds_.find(child);
    if (rows == kinds_.end()) continue;
    std::vector<std::string> doomed;
    for (const auto& [childId, e] : rows->second) {
      const auto ref = e.value.find(field->name);
      if (ref != e.value.end() && ref->is_object() && ref->value("id", std::string()) == id) doomed.push_back(childId);
    }
    for (const auto& childId : doomed) remove(*child, childId);
  }
  return true;
}

void EntityMirror::clear() { kinds_.clear(); }

const EntityMirror::Rows& EntityMirror::rows(const schema::EntitySchema& schema) const {
  static const Rows kNone;
  const auto it = kinds_.find(&schema);
  return it == kinds_.end() ? kNone : it->second;
}

std::vector<json> EntityMirror::visible(const schema::EntitySchema& schema) const {
  std::vector<json> out;
  const Rows& all = rows(schema);
  out.reserve(all.size());
  const double now = core::unixSecondsWithMillis();
  for (const auto& [id, e] : all) {
    json copy = e.value;
    if (schema.afterRead && !schema.afterRead(copy, now)) continue;
    out.push_back(std::move(copy));
  }
  return out;
}

size_t EntityMirror::size() const {
  size_t n = 0;
  for (const auto& [schema, rows] : kinds_) n += rows.size();
  return n;
}

}  // namespace sluice::snapshot
