#include "api/gateway_connection.h"

#include "admin_client/api_error.h"
#include "model/entity_directory.h"

#include <nlohmann/json.hpp>

namespace sluice::manager {

GatewayConnection::GatewayConnection(QObject* parent) : QObject(parent) {
  connect(&poll_, &QTimer::timeout, this, &GatewayConnection::refresh);
}

void GatewayConnection::open(const TransportSettings& settings, int pollMs) {
  ++generation_;
  transport_ = std::make_unique<QtTransport>(settings);
  status_ = NodeStatus{};
  emit transportChanged();
  poll_.start(pollMs);
  refresh();
}

void GatewayConnection::close() {
  ++generation_;
  poll_.stop();
  transport_.reset();
  status_ = NodeStatus{};
  status_.error = tr("not connected");
  emit transportChanged();
  emit statusChanged(status_);
}

void GatewayConnection::learnEntities(quint64 generation) {
  transport_->send({"GET", "/sluice/entities", "", "application/json"}, [this, generation](const admin_client::Response& r) {
    if (generation != generation_ || !r.ok() || learnedGeneration_ == generation) return;
    learnedGeneration_ = generation;
    model::learnEntities(nlohmann::json::parse(r.body, nullptr, false));
    emit entitiesLearned();
  });
}

void GatewayConnection::refresh() {
  if (!transport_) return;
  const quint64 generation = generation_;
  transport_->send({"GET", "/", "", "application/json"}, [this, generation](const admin_client::Response& root) {
    if (generation != generation_) return;
    NodeStatus s;
    if (!root.ok()) {
      s.error = QString::fromStdString(admin_client::errorFrom(root).summary());
      status_ = s;
      emit statusChanged(status_);
      return;
    }
    const nlohmann::json j = nlohmann::json::parse(root.body, nullptr, false);
    if (learnedGeneration_ != generation) learnEntities(generation);
    s.reachable = true;
    s.hostname = QString::fromStdString(j.value("hostname", ""));
    s.nodeId = QString::fromStdString(j.value("node_id", ""));
    s.sluiceVersion = QString::fromStdString(j.value("sluice_version", ""));
    s.kongVersion = QString::fromStdString(j.value("version", ""));
    if (j.contains("configuration") && j["configuration"].is_object()) {
      s.database = QString::fromStdString(j["configuration"].value("database", ""));
      s.role = QString::fromStdString(j["configuration"].value("role", "traditional"));
      // Kong's shape: a list of "address:port [flags]".
      const nlohmann::json listen = j["configuration"].value("proxy_listen", nlohmann::json::array());
      QStringList items;
      for (const auto& l : listen.is_array() ? listen : nlohmann::json::array({listen}))
        if (l.is_string()) items << QString::fromStdString(l.get<std::string>());
      s.proxyListen = items.join(", ");
    }
    transport_->send({"GET", "/status", "", "application/json"}, [this, generation, s](const admin_client::Response& status) mutable {
      if (generation != generation_) return;
      const nlohmann::json j = nlohmann::json::parse(status.body, nullptr, false);
      if (j.is_object()) {
        if (j.contains("database")) s.databaseReachable = j["database"].value("reachable", false);
        if (j.contains("server")) {
          s.configVersion = j["server"].value("config_version", qint64{0});
          s.activeConnections = j["server"].value("connections_active", qint64{0});
        }
      }
      if (s.role != "control_plane") {
        status_ = s;
        emit statusChanged(status_);
        return;
      }
      // A control plane: its data planes too.
      transport_->send({"GET", "/sluice/cluster", "", "application/json"}, [this, generation, s](const admin_client::Response& cluster) mutable {
        if (generation != generation_) return;
        const nlohmann::json c = nlohmann::json::parse(cluster.body, nullptr, false);
        if (cluster.ok() && c.is_object()) {
          s.configHash = QString::fromStdString(c.value("config_hash", ""));
          for (const auto& row : c.value("data_planes", nlohmann::json::array())) {
            if (!row.is_object()) continue;
            DataPlaneStatus dp;
            dp.id = QString::fromStdString(row.value("id", ""));
            dp.hostname = QString::fromStdString(row.value("hostname", ""));
            dp.ip = QString::fromStdString(row.value("ip", ""));
            dp.version = QString::fromStdString(row.value("version", ""));
            dp.configHash = QString::fromStdString(row.value("config_hash", ""));
            dp.syncStatus = QString::fromStdString(row.value("sync_status", ""));
            dp.inSync = row.value("in_sync", false);
            dp.connected = row.value("connected", false);
            dp.lastSeen = row.value("last_seen", qint64{0});
            s.dataPlanes.push_back(dp);
          }
        }
        status_ = s;
        emit statusChanged(status_);
      });
    });
  });
}

}  // namespace sluice::manager
