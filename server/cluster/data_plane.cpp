#include "cluster/data_plane.h"

#include "cluster/cluster_link.h"
#include "cluster/cluster_tls.h"
#include "cluster/config_sync.h"
#include "core/thread_priority.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/URI.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

namespace sluice::cluster {

namespace {

// 1 s, 2 s, 4 s ... up to 30 s, each with up to a fifth more at random so that many data planes
// cut off together do not all come back in the same instant.
std::chrono::milliseconds backoff(int failures) {
  static thread_local std::mt19937 random{std::random_device{}()};
  const int64_t base = std::min<int64_t>(30000, int64_t{1000} << std::min(failures, 5));
  return std::chrono::milliseconds(base + std::uniform_int_distribution<int64_t>(0, base / 5)(random));
}

bool writeAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

DataPlane::DataPlane(ClusterSettings settings, store::Store& store, std::function<void(const std::string&)> applied)
    : settings_(std::move(settings)), store_(store), applied_(std::move(applied)) {}

DataPlane::~DataPlane() { stop(); }

core::Status DataPlane::start() {
  auto context = clientContext(settings_);
  if (!context) return context.error();
  context_ = *context;
  std::ifstream in(cachePath());
  if (in) {
    std::stringstream text;
    text << in.rdbuf();
    const auto saved = schema::json::parse(text.str(), nullptr, false);
    if (!saved.is_object() || !saved.contains("config")) {
      clusterLog().warning("%s is not a saved configuration: starting empty until the control plane answers", cachePath());
    } else if (auto s = applyConfiguration(store_, replica_, saved["config"]); !s) {
      clusterLog().warning("%s could not be applied (%s): starting empty until the control plane answers", cachePath(), s.error().message);
    } else {
      version_ = saved.value("version", uint64_t{0});
      clusterLog().notice("serving the configuration saved in %s (hash %s) until the control plane answers", cachePath(), replica_.hash());
      if (applied_) applied_(replica_.hash());
    }
  }
  thread_ = std::thread([this] { loop(); });
  return core::Ok{};
}

void DataPlane::stop() {
  {
    std::lock_guard lock(stopMutex_);
    stopping_ = true;
    if (auto* link = link_.load()) link->wake();
  }
  stopSignal_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  if (unsaved_) {
    unsaved_ = false;
    save();
  }
}

std::string DataPlane::configHash() const {
  std::lock_guard lock(mutex_);
  return replica_.hash();
}

bool DataPlane::pause(std::chrono::milliseconds delay) {
  std::unique_lock lock(stopMutex_);
  return !stopSignal_.wait_for(lock, delay, [this] { return stopping_; });
}

void DataPlane::loop() {
  core::enterBackground();
  int failures = 0;
  while (true) {
    {
      std::lock_guard lock(stopMutex_);
      if (stopping_) return;
    }
    const auto began = std::chrono::steady_clock::now();
    const bool reached = session();
    // A connection that lived a while starts the backoff over.
    if (reached && std::chrono::steady_clock::now() - began > std::chrono::seconds(10)) failures = 0;
    const auto delay = backoff(failures++);
    clusterLog().information("reconnecting to the control plane in %s ms", std::to_string(delay.count()));
    if (!pause(delay)) return;
  }
}

bool DataPlane::session() {
  const std::string where = settings_.controlPlaneHost + ":" + std::to_string(settings_.controlPlanePort);
  std::unique_ptr<ClusterLink> link;
  try {
    Poco::Net::SecureStreamSocket socket(context_);
    socket.setPeerHostName(settings_.serverName);
    Poco::Net::HTTPSClientSession http(socket);
    http.setHost(settings_.controlPlaneHost);
    http.setPort(settings_.controlPlanePort);
    http.setTimeout(Poco::Timespan(5, 0));
    Poco::URI uri("/v1/outlet");
    uri.addQueryParameter("node_id", settings_.nodeId);
    uri.addQueryParameter("node_hostname", settings_.hostname);
    uri.addQueryParameter("node_version", settings_.version);
    uri.addQueryParameter("node_config_hash", configHash());
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    link = std::make_unique<ClusterLink>(Poco::Net::WebSocket(http, request, response), settings_.maxPayload);
  } catch (const Poco::Exception& e) {
    clusterLog().warning("cannot reach the control plane at %s: %s", where, e.displayText());
    return false;
  }
  {
    std::lock_guard lock(stopMutex_);
    if (stopping_) return true;
    link_ = link.get();
  }
  connected_ = true;
  clusterLog().notice("connected to the control plane at %s", where);
  try {
    sendPing(*link);
    auto nextPing = std::chrono::steady_clock::now() + settings_.pingInterval;
    // Each ping is answered: a control plane unheard of for longer than this is gone, even when
    // the connection still looks open (a cut link, a half-open TCP connection).
    const auto silentLimit = settings_.pingInterval * 3 / 2 + std::chrono::seconds(1);
    auto heard = std::chrono::steady_clock::now();
    while (true) {
      {
        std::lock_guard lock(stopMutex_);
        if (stopping_) break;
      }
      const auto now = std::chrono::steady_clock::now();
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(nextPing - now);
      {
        std::lock_guard lock(mutex_);
        // The saved copy is written once changes pause for half a second, not after each one.
        if (unsaved_) wait = std::min(wait, std::chrono::duration_cast<std::chrono::milliseconds>(lastApplied_ + std::chrono::milliseconds(500) - now));
      }
      const auto message = link->receive(std::max(wait, std::chrono::milliseconds(0)));
      using Kind = ClusterLink::Message::Kind;
      if (message.kind == Kind::Closed) {
        const std::string reason = message.payload.empty() ? "the control plane closed the connection" : message.payload;
        if (message.payload.find("version") != std::string::npos) clusterLog().error("the control plane refused this data plane: %s", reason);
        else clusterLog().warning("%s", reason);
        break;
      }
      if (message.kind != Kind::Idle) heard = std::chrono::steady_clock::now();
      else if (std::chrono::steady_clock::now() - heard > silentLimit) {
        clusterLog().warning("the control plane at %s has not answered for %s ms: reconnecting", where,
                             std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(silentLimit).count()));
        break;
      }
      if (message.kind == Kind::Text) handle(*link, message.payload);
      else if (message.kind == Kind::Binary) handle(*link, inflate(message.payload, settings_.maxPayload * 64));
      {
        std::lock_guard lock(mutex_);
        if (unsaved_ && std::chrono::steady_clock::now() - lastApplied_ >= std::chrono::milliseconds(500)) {
          unsaved_ = false;
          save();
        }
      }
      if (std::chrono::steady_clock::now() >= nextPing) {
        sendPing(*link);
        nextPing = std::chrono::steady_clock::now() + settings_.pingInterval;
      }
    }
  } catch (const Poco::Exception& e) {
    clusterLog().warning("the connection to the control plane at %s failed: %s", where, e.displayText());
  }
  {
    std::lock_guard lock(stopMutex_);
    link_ = nullptr;
  }
  connected_ = false;
  return true;
}

void DataPlane::sendPing(ClusterLink& link) {
  link.sendText(schema::json{{"type", "ping"}, {"config_hash", configHash()}}.dump());
}

void DataPlane::handle(ClusterLink& link, const std::string& text) {
  const auto message = schema::json::parse(text, nullptr, false);
  const std::string type = message.is_object() ? message.value("type", "") : "";
  const std::string expected = message.is_object() ? message.value("config_hash", "") : "";
  const auto started = std::chrono::steady_clock::now();
  core::Status applied = core::Ok{};
  std::string hash;
  {
    std::lock_guard lock(mutex_);
    if (type == "reconfigure") applied = applyConfiguration(store_, replica_, message["config"]);
    else if (type == "changes") applied = applyChanges(store_, replica_, message["changes"]);
    else return;  // (a message of a newer control plane)
    if (applied) {
      version_ = message.value("version", version_);
      unsaved_ = true;
      lastApplied_ = std::chrono::steady_clock::now();
    }
    hash = replica_.hash();
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (!applied || hash != expected) {
    const std::string reason = !applied ? applied.error().message : "hash " + hash + " after the changes, the control plane has " + expected;
    clusterLog().error("the configuration from the control plane could not be applied (%s): asking for all of it", reason);
    link.sendText(schema::json{{"type", "resync"}, {"reason", reason}}.dump());
    return;
  }
  if (type == "reconfigure") clusterLog().notice("configuration received whole: hash %s, applied in %.1f ms", hash, ms);
  else clusterLog().debug("changes received: hash %s, applied in %.1f ms", hash, ms);
  if (applied_) applied_(hash);
  sendPing(link);  // the control plane's list shows this node in sync at once
}

void DataPlane::save() {
  // Under mutex_. Written beside, then renamed: a crash leaves the previous copy whole.
  const std::string text = schema::json{{"version", version_}, {"config_hash", replica_.hash()}, {"config", configOf(replica_)}}.dump();
  const std::string path = cachePath(), temporary = path + ".tmp";
  ::unlink(temporary.c_str());  // (a leftover would keep its own mode)
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    clusterLog().error("cannot write %s: %s", temporary, std::string(std::strerror(errno)));
    return;
  }
  const bool written = writeAll(fd, text) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    clusterLog().error("cannot write %s", path);
    ::unlink(temporary.c_str());
  }
}

}  // namespace sluice::cluster
