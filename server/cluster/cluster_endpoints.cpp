#include "cluster/cluster_endpoints.h"

#include "cluster/control_plane.h"
#include "cluster/data_plane.h"

namespace sluice::cluster {

admin::AdminApi::Endpoints clusterEndpoints(const ClusterSettings& settings, ControlPlane* controlPlane, DataPlane* dataPlane) {
  const std::string controlPlaneAddress = settings.controlPlaneHost + ":" + std::to_string(settings.controlPlanePort);
  const Role role = settings.role;
  return [=](const admin::AdminRequest& request) -> std::optional<admin::AdminResponse> {
    const auto& s = request.segments;
    const bool kong = s.size() == 2 && s[0] == "clustering" && (s[1] == "data-planes" || s[1] == "status");
    const bool own = s.size() == 2 && s[0] == "sluice" && s[1] == "cluster";
    if (!kong && !own) return std::nullopt;
    if (request.method != "GET" && request.method != "HEAD") return admin::messageResponse(405, "Method not allowed");
    if (own) {
      admin::json body{{"role", roleName(role)}};
      if (controlPlane) {
        const std::string hash = controlPlane->configHash();
        body["config_hash"] = hash;
        body["data_planes"] = controlPlane->dataPlanes(true);
        for (auto& row : body["data_planes"]) row["in_sync"] = row["config_hash"] == hash;
      } else if (dataPlane) {
        body["config_hash"] = dataPlane->configHash();
        body["control_plane"] = controlPlaneAddress;
        body["connected"] = dataPlane->connected();
      }
      return admin::jsonResponse(200, std::move(body));
    }
    if (!controlPlane)
      return admin::messageResponse(400, "this endpoint is only available when Kong is configured to run as Control Plane for the cluster");
    if (s[1] == "data-planes") return admin::jsonResponse(200, admin::json{{"data", controlPlane->dataPlanes()}, {"next", nullptr}});
    auto response = admin::jsonResponse(200, controlPlane->status());
    response.headers.emplace_back("Deprecation", "true");
    return response;
  };
}

}  // namespace sluice::cluster
