#include "cluster/control_plane.h"

#include "cluster/cluster_link.h"
#include "cluster/cluster_tls.h"
#include "cluster/config_sync.h"
#include "core/thread_priority.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/URI.h>

namespace sluice::cluster {

namespace {

constexpr uint16_t kCloseRefused = 4001;  // (WebSocket close codes 4000-4999 are the application's)

class OutletHandler final : public Poco::Net::HTTPRequestHandler {
 public:
  explicit OutletHandler(ControlPlane& cp) : cp_(cp) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    cp_.serve(request, response);
  }

 private:
  ControlPlane& cp_;
};

class OutletFactory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit OutletFactory(ControlPlane& cp) : cp_(cp) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new OutletHandler(cp_);
  }

 private:
  ControlPlane& cp_;
};

std::string query(const Poco::URI::QueryParameters& params, const std::string& name) {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

void refuse(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message) {
  response.setStatusAndReason(status);
  response.setContentType("application/json");
  response.send() << schema::json{{"message", message}}.dump();
}

}  // namespace

ControlPlane::ControlPlane(ClusterSettings settings) : settings_(std::move(settings)) {}

ControlPlane::~ControlPlane() { stop(); }

core::Status ControlPlane::start() {
  auto context = serverContext(settings_);
  if (!context) return context.error();
  try {
    Poco::Net::SecureServerSocket socket(*context);
    socket.bind(Poco::Net::SocketAddress(settings_.listenHost, settings_.listenPort), true);
    socket.listen(128);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(static_cast<int>(settings_.maxConnections));
    params->setMaxQueued(64);
    params->setKeepAlive(false);
    params->setTimeout(Poco::Timespan(10, 0));
    pool_ = std::make_unique<Poco::ThreadPool>(1, static_cast<int>(settings_.maxConnections) + 1);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new OutletFactory(*this), *pool_, socket, params);
    server_->start();
  } catch (const Poco::Exception& e) {
    return core::Error::badRequest("cannot listen on " + settings_.listenHost + ":" + std::to_string(settings_.listenPort) +
                                   " (cluster_listen): " + e.displayText());
  }
  clusterLog().notice("control plane: data planes connect on %s:%hu (mutual TLS, cluster_mtls = %s)", settings_.listenHost,
                  port(), std::string(settings_.pki ? "pki" : "shared"));
  return core::Ok{};
}

uint16_t ControlPlane::port() const { return server_ ? server_->port() : 0; }

void ControlPlane::stop() {
  if (!server_) return;
  stopping_ = true;
  server_->stop();  // no new connections
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, session] : sessions_)
      if (session->link) session->link->wake();
  }
  pool_->joinAll();  // each conversation sees stopping_ and closes its link
  server_.reset();
}

void ControlPlane::mirrorChanged(const snapshot::EntityMirror& mirror, const snapshot::EntityMirror::Changes& changes,
                                 uint64_t version) {
  std::lock_guard lock(mutex_);
  version_ = version;
  whole_.reset();
  std::shared_ptr<const std::string> message;
  if (changes.everything) {
    replica_ = mirror;
  } else {
    for (const auto& change : changes.list) {
      const auto& rows = mirror.rows(*change.schema);
      const auto it = rows.find(change.id);
      if (change.removed || it == rows.end()) replica_.remove(*change.schema, change.id);
      else replica_.upsert(*change.schema, it->second.value);
    }
    message = std::make_shared<const std::string>(changesMessage(replica_, changes, version));
  }
  replica_.takeChanges();
  for (auto& [id, session] : sessions_) {
    if (message && !session->needsWhole) session->outbox.push_back(message);
    else {
      session->needsWhole = true;
      session->outbox.clear();
    }
    if (session->link) session->link->wake();
  }
}

std::shared_ptr<const std::string> ControlPlane::wholeMessage() {
  std::lock_guard lock(mutex_);
  if (!whole_) whole_ = std::make_shared<const std::string>(deflate(reconfigureMessage(replica_, version_)));
  return whole_;
}

std::string ControlPlane::configHash() const {
  std::lock_guard lock(mutex_);
  return replica_.hash();
}

void ControlPlane::touch(const std::string& id, const std::function<void(DataPlaneRow&)>& edit) {
  std::lock_guard lock(mutex_);
  DataPlaneRow& row = dataPlanes_[id];
  row.id = id;
  row.lastSeen = std::chrono::system_clock::now();
  edit(row);
}

void ControlPlane::purge() {
  std::lock_guard lock(mutex_);
  const auto oldest = std::chrono::system_clock::now() - settings_.purgeDelay;
  for (auto it = dataPlanes_.begin(); it != dataPlanes_.end();)
    it = !it->second.connected && it->second.lastSeen < oldest ? dataPlanes_.erase(it) : std::next(it);
}

void ControlPlane::serve(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  core::enterBackground();
  const Poco::URI uri(request.getURI());
  if (uri.getPath() != "/v1/outlet") return refuse(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "Not found");
  const std::string ip = request.clientAddress().host().toString();
  // Shared mode: OpenSSL checked the chain against the shared certificate; the peer must hold that
  // very certificate (PKI mode: any certificate the CA issued).
  if (!settings_.pki) {
    try {
      auto& impl = static_cast<Poco::Net::HTTPServerRequestImpl&>(request);
      const Poco::Net::SecureStreamSocket secure(impl.socket());
      if (!secure.havePeerCertificate() || !sameCertificate(secure.peerCertificate(), settings_.certFile)) {
        clusterLog().warning("refused a data plane from %s: it did not present the cluster certificate", ip);
        return refuse(response, Poco::Net::HTTPResponse::HTTP_FORBIDDEN, "the cluster certificate is required");
      }
    } catch (const Poco::Exception& e) {
      return refuse(response, Poco::Net::HTTPResponse::HTTP_FORBIDDEN, e.displayText());
    }
  }
  const auto params = uri.getQueryParameters();
  const std::string id = query(params, "node_id"), hostname = query(params, "node_hostname"),
                    version = query(params, "node_version"), hash = query(params, "node_config_hash");
  if (id.empty() || hostname.empty())
    return refuse(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "node_id and node_hostname are required");
  purge();
  const auto refusal = versionRefusal(settings_.version, version);
  {
    std::lock_guard lock(mutex_);
    if (!refusal && sessions_.count(id))
      clusterLog().warning("data plane %s (%s) connected again: its previous connection is replaced", hostname, id);
  }
  std::unique_ptr<ClusterLink> link;
  try {
    link = std::make_unique<ClusterLink>(Poco::Net::WebSocket(request, response), settings_.maxPayload);
  } catch (const Poco::Exception& e) {
    clusterLog().warning("data plane %s (%s, %s): not a WebSocket upgrade: %s", hostname, id, ip, e.displayText());
    return;
  }
  touch(id, [&](DataPlaneRow& row) {
    row.hostname = hostname;
    row.ip = ip;
    row.version = version;
    row.configHash = hash.size() == 32 ? hash : std::string(32, '0');
    row.syncStatus = refusal ? "kong_version_incompatible" : "unknown";
  });
  if (refusal) {
    clusterLog().error("refused data plane %s (%s, %s): %s", hostname, id, ip, *refusal);
    link->close(kCloseRefused, *refusal);
    return;
  }
  auto session = std::make_shared<Session>();
  session->id = id;
  session->link = link.get();
  {
    std::lock_guard lock(mutex_);
    if (auto old = sessions_.find(id); old != sessions_.end() && old->second->link) old->second->link = nullptr;
    sessions_[id] = session;
  }
  clusterLog().notice("data plane %s (%s, %s, version %s) connected", hostname, id, ip, version);
  converse(*link, session, hash != configHash());  // one that restarted from its saved copy may have it already
  {
    std::lock_guard lock(mutex_);
    if (auto it = sessions_.find(id); it != sessions_.end() && it->second == session) {
      sessions_.erase(it);
      if (auto row = dataPlanes_.find(id); row != dataPlanes_.end()) row->second.connected = false;
    }
  }
  link->close(Poco::Net::WebSocket::WS_NORMAL_CLOSE, stopping_ ? "control plane stopping" : "");
}

void ControlPlane::converse(ClusterLink& link, const std::shared_ptr<Session>& session, bool sendWhole) {
  const auto silentLimit = settings_.pingInterval * 3 / 2;
  auto heard = std::chrono::steady_clock::now();
  touch(session->id, [](DataPlaneRow& row) { row.connected = true; });
  try {
    if (sendWhole) link.sendBinary(*wholeMessage());
    while (!stopping_) {
      std::deque<std::shared_ptr<const std::string>> outbox;
      bool whole = false;
      {
        std::lock_guard lock(mutex_);
        if (session->link != &link) return;  // replaced by a newer connection of the same node
        outbox.swap(session->outbox);
        whole = std::exchange(session->needsWhole, false);
      }
      if (whole) link.sendBinary(*wholeMessage());
      for (const auto& message : outbox) link.sendText(*message);
      const auto message = link.receive(std::chrono::milliseconds(500));
      using Kind = ClusterLink::Message::Kind;
      if (message.kind == Kind::Closed) {
        clusterLog().notice("data plane %s disconnected%s", session->id, message.payload.empty() ? "" : ": " + message.payload);
        return;
      }
      if (message.kind == Kind::Idle) {
        if (std::chrono::steady_clock::now() - heard > silentLimit) {
          clusterLog().warning("data plane %s silent for %s ms: closing its connection", session->id,
                           std::to_string(silentLimit.count()));
          return;
        }
        continue;
      }
      heard = std::chrono::steady_clock::now();
      const auto body = schema::json::parse(message.payload, nullptr, false);
      const std::string type = body.is_object() ? body.value("type", "") : "";
      if (type == "ping") {
        const std::string hash = body.value("config_hash", "");
        touch(session->id, [&](DataPlaneRow& row) {
          if (hash.size() == 32) row.configHash = hash;
          row.syncStatus = "normal";
        });
        link.sendText(R"({"type":"pong"})");  // the data plane's proof that this side is still there
      } else if (type == "resync") {
        clusterLog().warning("data plane %s asked for the whole configuration: %s", session->id, body.value("reason", ""));
        std::lock_guard lock(mutex_);
        session->needsWhole = true;
        session->outbox.clear();
      }
    }
  } catch (const Poco::Exception& e) {
    clusterLog().warning("data plane %s: the connection failed: %s", session->id, e.displayText());
  } catch (const std::exception& e) {
    clusterLog().warning("data plane %s: %s", session->id, std::string(e.what()));
  }
}

schema::json ControlPlane::dataPlanes(bool connected) const {
  std::lock_guard lock(mutex_);
  schema::json rows = schema::json::array();
  for (const auto& [id, row] : dataPlanes_)
    rows.push_back(schema::json{{"id", row.id},
                                {"hostname", row.hostname},
                                {"ip", row.ip},
                                {"version", row.version},
                                {"config_hash", row.configHash},
                                {"last_seen", std::chrono::duration_cast<std::chrono::seconds>(row.lastSeen.time_since_epoch()).count()},
                                {"sync_status", row.syncStatus}});
  if (connected) {
    size_t i = 0;
    for (const auto& [id, row] : dataPlanes_) rows[i++]["connected"] = row.connected;
  }
  return rows;
}

schema::json ControlPlane::status() const {
  schema::json out = schema::json::object();
  for (const auto& row : dataPlanes())
    out[row["id"].get<std::string>()] = schema::json{
        {"config_hash", row["config_hash"]}, {"hostname", row["hostname"]}, {"ip", row["ip"]}, {"last_seen", row["last_seen"]}};
  return out;
}

}  // namespace sluice::cluster
