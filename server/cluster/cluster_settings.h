#pragma once
// Hybrid mode's settings (Kong's role and cluster_* keys; read from sluice.conf by
// app/cluster_settings_loader.h).
#include "core/result.h"

#include <Poco/Logger.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace sluice::cluster {

enum class Role { Traditional, ControlPlane, DataPlane };

struct ClusterSettings {
  Role role = Role::Traditional;
  std::string listenHost = "0.0.0.0";  // control plane
  uint16_t listenPort = 8005;
  std::string controlPlaneHost;  // data plane
  uint16_t controlPlanePort = 8005;
  bool pki = false;  // cluster_mtls = pki (else shared)
  std::string certFile, keyFile, caFile;
  std::string serverName;  // the name the control plane's certificate carries
  size_t maxPayload = 4194304;
  std::chrono::milliseconds pingInterval{30000};
  std::chrono::seconds purgeDelay{1209600};  // a data plane silent this long leaves the list
  size_t maxConnections = 256;
  std::string prefix;
  std::string nodeId, hostname, version;
};

const char* roleName(Role role);
// Where hybrid mode logs (both sides).
inline Poco::Logger& clusterLog() { return Poco::Logger::get("sluice.cluster"); }

}  // namespace sluice::cluster
