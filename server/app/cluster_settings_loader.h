#pragma once
// Hybrid mode's settings from sluice.conf (role, cluster_*), checked.
#include "app/config.h"
#include "cluster/cluster_settings.h"

namespace sluice::app {

core::Result<cluster::ClusterSettings> loadClusterSettings(const Config& config, std::string nodeId, std::string hostname,
                                                           std::string version);

}  // namespace sluice::app
