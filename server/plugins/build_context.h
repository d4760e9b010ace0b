#pragma once
// What a plugin factory may use while a snapshot is compiled: the snapshot built so far (consumers,
// routes, services), the plugin-owned entities of the store (credentials), and a cache for
// indexes several instances share (one key → credential map for every key-auth instance).
#include "core/result.h"
#include "plugins/node_state.h"
#include "plugins/plugin.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sluice::snapshot {
struct ConfigSnapshot;
}  // namespace sluice::snapshot

namespace sluice::plugins {

class BuildContext {
 public:
  using EntityLoader = std::function<const std::vector<nlohmann::json>&(const std::string& entity)>;
  BuildContext(const snapshot::ConfigSnapshot& snapshot, EntityLoader loader, NodeState& node)
      : snapshot_(snapshot), loader_(std::move(loader)), node_(node) {}

  const snapshot::ConfigSnapshot& snapshot() const { return snapshot_; }
  // Every row of a plugin-owned entity ("keyauth_credentials"), as stored.
  const std::vector<nlohmann::json>& entities(const std::string& name) const { return loader_(name); }

  // State that outlives snapshots (counters).
  NodeState& node() { return node_; }
  // The id of the plugin row being created (for keys and log lines).
  const std::string& pluginId() const { return pluginId_; }
  void setPluginId(std::string id) { pluginId_ = std::move(id); }

  // Built once per snapshot under `key`, then shared.
  template <class T>
  std::shared_ptr<const T> shared(const std::string& key, const std::function<std::shared_ptr<const T>()>& make) {
    auto& slot = shared_[key];
    if (!slot) slot = make();
    return std::static_pointer_cast<const T>(slot);
  }

 private:
  const snapshot::ConfigSnapshot& snapshot_;
  EntityLoader loader_;
  NodeState& node_;
  std::string pluginId_;
  std::map<std::string, std::shared_ptr<const void>> shared_;
};

using PluginCreateResult = core::Result<PluginConstSharedPtr>;

}  // namespace sluice::plugins
