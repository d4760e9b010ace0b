#pragma once
// The registry as a test reads it: names of entities, the entity a collection path lists, the
// owner's field of a nested path ("(none)" where there is none).
#include "model/registry.h"

#include <QString>
#include <QStringList>

namespace sluice::testing {

inline QStringList entityNames(const std::vector<const schema::EntitySchema*>& entities) {
  QStringList out;
  for (const auto* e : entities) out << QString::fromStdString(e->name);
  return out;
}

inline QString listedEntity(const char* path) {
  const auto* e = model::findByCollection(path);
  return e ? QString::fromStdString(e->name) : QString("(none)");
}

inline QString ownerFieldName(const char* path) {
  const auto* f = model::ownerField(path);
  return f ? QString::fromStdString(f->name) : QString("(none)");
}

}  // namespace sluice::testing
