#pragma once
// The manager's link to one gateway: the transport every view sends through, and the node's
// status (version, database, configuration version, reachable or not), polled every few seconds so
// that the status bar stays true and a gateway that comes back is picked up without a click.
#include "admin_client/transport.h"
#include "api/qt_transport.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace sluice::manager {

// A data plane as its control plane lists it (GET /sluice/cluster).
struct DataPlaneStatus {
  QString id, hostname, ip, version, configHash, syncStatus;
  bool inSync = false;   // holds the control plane's configuration hash
  bool connected = false;
  qint64 lastSeen = 0;   // Unix seconds
};

struct NodeStatus {
  bool reachable = false;
  QString error;  // why not, when not
  QString hostname, nodeId, sluiceVersion, kongVersion, database;
  QString proxyListen;  // the node's proxy_listen ("0.0.0.0:8000, 0.0.0.0:8443 ssl")
  bool databaseReachable = false;
  qint64 configVersion = 0;
  qint64 activeConnections = 0;
  QString role;  // traditional, control_plane or data_plane
  QString configHash;  // a control plane's (what its data planes should hold)
  QList<DataPlaneStatus> dataPlanes;
};

class GatewayConnection : public QObject {
  Q_OBJECT

 public:
  explicit GatewayConnection(QObject* parent = nullptr);

  // Points at a gateway (replacing any previous one) and polls it every `pollMs`.
  void open(const TransportSettings& settings, int pollMs = 3000);
  void close();
  admin_client::Transport* transport() { return transport_.get(); }
  const NodeStatus& status() const { return status_; }
  QUrl url() const { return transport_ ? transport_->settings().baseUrl : QUrl(); }

 public slots:
  void refresh();

 signals:
  void statusChanged(const sluice::manager::NodeStatus& status);
  void transportChanged();
  // The gateway's entities are known (model/entity_directory.h): its plugins' (credentials) joined
  // the registry. Once per gateway opened.
  void entitiesLearned();

 private:
  void learnEntities(quint64 generation);

  std::unique_ptr<QtTransport> transport_;
  QTimer poll_;
  NodeStatus status_;
  quint64 generation_ = 0;  // answers from a previous gateway are ignored
  quint64 learnedGeneration_ = 0;  // the gateway whose entities are known
};

}  // namespace sluice::manager
