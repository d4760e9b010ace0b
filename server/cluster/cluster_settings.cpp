#include "cluster/cluster_settings.h"

namespace sluice::cluster {

const char* roleName(Role role) {
  switch (role) {
    case Role::ControlPlane: return "control_plane";
    case Role::DataPlane: return "data_plane";
    case Role::Traditional: break;
  }
  return "traditional";
}

}  // namespace sluice::cluster
