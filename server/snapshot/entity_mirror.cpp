#include "snapshot/entity_mirror.h"

#include "core/clock.h"
#include "model/registry.h"
#include "store/store.h"

#include <openssl/evp.h>

namespace sluice::snapshot {
using schema::json;

bool EntityMirror::mirrored(const schema::EntitySchema& schema) { return model::transientParent(schema) == nullptr; }

EntityMirror::Digest EntityMirror::digestOf(const schema::EntitySchema& schema, const json& entity) {
  const std::string text = schema.name + ':' + entity.dump();
  Digest d{};
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), d.data(), &size, EVP_md5(), nullptr);
  return d;
}

void EntityMirror::fold(const Digest& digest) {
  for (size_t i = 0; i < hash_.size(); ++i) hash_[i] ^= digest[i];
}

std::string EntityMirror::hash() const {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : hash_) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

EntityMirror::Changes EntityMirror::takeChanges() {
  Changes out;
  std::swap(out, changes_);
  return out;
}

core::Result<bool> EntityMirror::load(store::Store& store) {
  std::map<const schema::EntitySchema*, Rows> kinds;
  Digest hash{};
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
      const Digest digest = same ? old->second.digest : digestOf(*schema, e);
      for (size_t i = 0; i < hash.size(); ++i) hash[i] ^= digest[i];
      rows.emplace_hint(rows.end(), std::move(id), Entry{std::move(e), same ? old->second.revision : ++lastRevision_, digest});
    }
    changed = changed || rows.size() != before.size();  // (none new: then only a deletion changes the count)
  }
  kinds_ = std::move(kinds);
  hash_ = hash;
  if (changed) changes_ = Changes{true, {}};
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
  if (it != rows.end() && it->second.value == entity) return false;
  const Digest digest = digestOf(schema, entity);
  fold(digest);
  if (!changes_.everything) changes_.list.push_back({&schema, id, false});
  if (it == rows.end()) {
    rows.emplace(std::move(id), Entry{std::move(entity), ++lastRevision_, digest});
    return true;
  }
  fold(it->second.digest);
  it->second = Entry{std::move(entity), ++lastRevision_, digest};
  return true;
}

bool EntityMirror::remove(const schema::EntitySchema& schema, const std::string& id) {
  auto kind = kinds_.find(&schema);
  if (kind == kinds_.end()) return false;
  const auto found = kind->second.find(id);
  if (found == kind->second.end()) return false;
  fold(found->second.digest);
  kind->second.erase(found);
  if (!changes_.everything) changes_.list.push_back({&schema, id, true});
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

void EntityMirror::clear() {
  kinds_.clear();
  hash_ = Digest{};
  changes_ = Changes{true, {}};
}

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
