#pragma once
// The Admin API's view of the cluster: Kong 2.8's GET /clustering/data-planes and
// /clustering/status (control planes only, as Kong's), and Sluice's GET /sluice/cluster on every
// node (its role, its configuration hash and, on a control plane, whether each data plane has it).
#include "admin/admin_api.h"
#include "cluster/cluster_settings.h"

namespace sluice::cluster {

class ControlPlane;
class DataPlane;

admin::AdminApi::Endpoints clusterEndpoints(const ClusterSettings& settings, ControlPlane* controlPlane, DataPlane* dataPlane);

}  // namespace sluice::cluster
