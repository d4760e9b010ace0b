#pragma once
// Importing a declarative file into a running gateway with a preview (the manager's import, like
// `deck diff` then `deck sync`): the file's entities are matched to the store's — by id, else by
// their endpoint key (a service's name, a consumer's username), keeping the store's id — and
// sorted into what would be created, changed or, when the file replaces everything, deleted.
// Applying writes the matched entities in one transaction.
#include "declarative/declarative_config.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sluice::declarative {

struct PlannedChange {
  std::string entity;  // "services"
  std::string id;
  std::string label;   // its name (endpoint key) or id
};

struct ConfigPlan {
  Entities entities;  // ready to write: ids matched to the store's
  std::vector<PlannedChange> creates, updates, deletes;
  size_t unchanged = 0;
};

core::Result<ConfigPlan> planConfig(store::Store& store, const std::string& text, const schema::ValidationContext& ctx,
                                    bool replace);
core::Status applyPlan(store::Store& store, const ConfigPlan& plan, bool replace);
// {"create": [{"entity","id","name"}...], "update": [...], "delete": [...], "unchanged": N}
nlohmann::json planJson(const ConfigPlan& plan);

}  // namespace sluice::declarative
