#include "plugins/plugin_catalog.h"

#include <algorithm>
#include <cstdio>

namespace sluice::plugins {

PluginCatalog::PluginCatalog(std::vector<PluginFactory> factories, std::string (*missing)(const std::string& name))
    : factories_(std::move(factories)), missing_(missing) {
  for (size_t i = 0; i < factories_.size(); ++i) {
    const PluginFactory& p = factories_[i];
    byName_.emplace(p.schema->name, i);
    schemas_[0].push_back(p.schema);
    schemas_[1].push_back(p.databaselessSchema ? p.databaselessSchema : p.schema);
    byPriority_.push_back(&p);
  }
  std::stable_sort(byPriority_.begin(), byPriority_.end(), [](const PluginFactory* a, const PluginFactory* b) {
    if (a->schema->priority != b->schema->priority) return a->schema->priority > b->schema->priority;
    return a->schema->name < b->schema->name;
  });
}

std::string PluginCatalog::priorityTable() const {
  std::string out = "PRIORITY  PLUGIN                  PHASES\n";
  char line[160];
  for (const PluginFactory* p : byPriority_) {
    std::string phases;
    for (int i = 0; i < kPhaseCount; ++i) {
      const auto phase = static_cast<Phase>(i);
      if (!(p->phases & phaseBit(phase))) continue;
      if (!phases.empty()) phases += ", ";
      phases += phaseName(phase);
    }
    std::snprintf(line, sizeof line, "%8d  %-22s  %s\n", p->schema->priority, p->schema->name.c_str(), phases.c_str());
    out += line;
  }
  return out;
}

const PluginFactory* PluginCatalog::find(const std::string& name) const {
  const auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : &factories_[it->second];
}

const schema::PluginSchema* PluginCatalog::schema(const std::string& name) const {
  const auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : schemas()[it->second];
}

}  // namespace sluice::plugins
