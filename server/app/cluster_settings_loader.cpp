#include "app/cluster_settings_loader.h"

#include "net/listen_address.h"

namespace sluice::app {

core::Result<cluster::ClusterSettings> loadClusterSettings(const Config& config, std::string nodeId, std::string hostname,
                                                           std::string version) {
  cluster::ClusterSettings s;
  const std::string role = config.get("role");
  s.role = role == "control_plane" ? cluster::Role::ControlPlane
           : role == "data_plane"  ? cluster::Role::DataPlane
                                   : cluster::Role::Traditional;
  if (s.role == cluster::Role::ControlPlane) {
    auto listen = net::parseFirstListen(config.get("cluster_listen"), "cluster_listen");
    if (!listen) return listen.error();
    s.listenHost = listen->host;
    s.listenPort = listen->port;
  }
  if (s.role == cluster::Role::DataPlane) {
    auto cp = net::parseFirstListen(config.get("cluster_control_plane"), "cluster_control_plane");
    if (!cp) return cp.error();
    s.controlPlaneHost = cp->host;
    s.controlPlanePort = cp->port;
  }
  s.pki = config.get("cluster_mtls") == "pki";
  s.certFile = config.get("cluster_cert");
  s.keyFile = config.get("cluster_cert_key");
  s.caFile = config.get("cluster_ca_cert");
  // Shared mode: every node holds the same certificate, named as Kong names it.
  s.serverName = !s.pki                                    ? "kong_clustering"
                 : !config.get("cluster_server_name").empty() ? config.get("cluster_server_name")
                                                              : s.controlPlaneHost;
  s.maxPayload = static_cast<size_t>(*config.integer("cluster_max_payload"));  // checked by Config::load
  s.pingInterval = std::chrono::milliseconds(*config.milliseconds("cluster_ping_interval"));
  auto purge = config.integer("cluster_data_plane_purge_delay");
  if (!purge || *purge < 60) return core::Error::badRequest("cluster_data_plane_purge_delay: expected seconds, at least 60");
  s.purgeDelay = std::chrono::seconds(*purge);
  auto most = config.integer("cluster_max_connections");
  if (!most || *most < 1 || *most > 100000) return core::Error::badRequest("cluster_max_connections: expected 1 to 100000");
  s.maxConnections = static_cast<size_t>(*most);
  s.prefix = config.get("prefix");
  s.nodeId = std::move(nodeId);
  s.hostname = std::move(hostname);
  s.version = std::move(version);
  return s;
}

}  // namespace sluice::app
