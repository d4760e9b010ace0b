#include "proxy/proxy_server.h"

#include "net/listen_socket.h"
#include "proxy/http_session.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace sluice::proxy {

ProxyServer::ProxyServer(ProxySettings settings, snapshot::SnapshotPublisher& publisher)
    : settings_(std::make_shared<const ProxySettings>(std::move(settings))), publisher_(publisher) {}

ProxyServer::~ProxyServer() { stop(0); }

void ProxyServer::start(std::vector<int> inherited, bool acceptNow) {
  auto settings = std::make_shared<ProxySettings>(*settings_);
  bool anyTls = false;
  for (const auto& l : settings->listen) anyTls = anyTls || l.ssl;
  if (anyTls) {
    if (!settings->defaultCertificate) throw std::runtime_error("a TLS listener needs a default certificate");
    auto server = net::makeServerContext(*settings->defaultCertificate, settings->sslProtocols,
                                         [](SSL* ssl, const std::string& name) { return Downstream::selectCertificate(ssl, name); });
    if (!server) throw std::runtime_error(server.error().message);
    settings->serverTls = *server;
  }
  auto client = net::makeClientContext();
  if (!client) throw std::runtime_error(client.error().message);
  settings->clientTls = *client;
  settings_ = settings;
  for (int i = 0; i < settings_->workers; ++i) workers_.push_back(std::make_unique<ProxyWorker>(i, settings_, publisher_));
  for (const auto& address : settings_->listen) {
    // Worker i takes the i-th handed-over socket of this address, or binds its own; sockets beyond
    // the worker count go round the workers: a queue left without an acceptor would lose its connections.
    std::vector<int> handed;
    for (int& fd : inherited)
      if (fd >= 0 && net::listensOn(fd, address)) handed.push_back(std::exchange(fd, -1));
    inheritedUsed_ += handed.size();
    const size_t sockets = std::max(handed.size(), workers_.size());
    for (size_t i = 0; i < sockets; ++i)
      workers_[i % workers_.size()]->addListener(address, i < handed.size() ? handed[i] : net::openListenSocket(address));
  }
  for (const int fd : inherited)
    if (fd >= 0) ::close(fd), ++inheritedClosed_;
  for (const auto& w : workers_)
    for (const int fd : w->listenerFds()) listenerFds_.push_back(fd);
  for (auto& w : workers_) threads_.emplace_back([worker = w.get()] { worker->run(); });
  if (acceptNow) acceptConnections();
}

void ProxyServer::acceptConnections() {
  for (auto& w : workers_) w->reactor().post([worker = w.get()] { worker->acceptConnections(); });
}

void ProxyServer::stop(uint64_t drainTimeoutMs, bool lingerIdle) {
  if (threads_.empty()) return;
  listenerFds_.clear();
  for (auto& w : workers_) w->reactor().post([worker = w.get(), lingerIdle] { worker->drain(lingerIdle); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(drainTimeoutMs);
  for (size_t i = 0; i < threads_.size(); ++i) {
    // A worker ends by itself once its sessions are done; past the deadline it is told to stop.
    while (workers_[i]->counters().active.load() > 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    workers_[i]->stop();
    threads_[i].join();
  }
  threads_.clear();
  workers_.clear();
}

void ProxyServer::reload(ProxySettings next) {
  next.listen = settings_->listen;
  next.workers = settings_->workers;
  next.defaultCertificate = settings_->defaultCertificate;
  next.sslProtocols = settings_->sslProtocols;
  next.serverTls = settings_->serverTls;
  next.clientTls = settings_->clientTls;
  next.upstreamBufferSize = settings_->upstreamBufferSize;
  next.limits = settings_->limits;  // buffers are sized from these at start
  next.accessLog = settings_->accessLog;
  settings_ = std::make_shared<const ProxySettings>(std::move(next));
  for (auto& w : workers_) w->reactor().post([worker = w.get(), s = settings_] { worker->setSettings(s); });
}

bool ProxyServer::onEveryWorker(const std::function<void(ProxyWorker&)>& task, std::chrono::milliseconds deadline) {
  struct Pending {
    std::mutex mutex;
    std::condition_variable done;
    size_t left = 0;
  };
  auto pending = std::make_shared<Pending>();
  pending->left = workers_.size();
  for (auto& w : workers_)
    w->reactor().post([worker = w.get(), task, pending] {
      task(*worker);
      std::lock_guard lock(pending->mutex);
      if (--pending->left == 0) pending->done.notify_all();
    });
  std::unique_lock lock(pending->mutex);
  return pending->done.wait_for(lock, deadline, [&] { return pending->left == 0; });
}

void ProxyServer::flushMetrics(const std::shared_ptr<observe::NodeMetrics>& node,
                               const std::shared_ptr<observe::TraceStore>& traces, std::chrono::milliseconds deadline) {
  onEveryWorker(
      [node, traces](ProxyWorker& worker) {
        worker.metrics().flush(*node, *traces);
        worker.counters().upstreamOpen.store(worker.upstreams().openCount(), std::memory_order_relaxed);
        worker.counters().upstreamIdle.store(worker.upstreams().idleCount(), std::memory_order_relaxed);
      },
      deadline);
}

bool ProxyServer::responsive(std::chrono::milliseconds deadline) {
  return onEveryWorker([](ProxyWorker&) {}, deadline);
}

nlohmann::json ProxyServer::counters() const {
  // nginx's stub_status figures: reading (a head arriving), writing (a request being served),
  // waiting (idle keep-alive). Each worker's figures are read without stopping it, so the three
  // may disagree with `active` by a connection or two.
  uint64_t accepted = 0, requests = 0, active = 0, busy = 0, inFlight = 0, upstreamOpen = 0, upstreamIdle = 0;
  for (const auto& w : workers_) {
    accepted += w->counters().accepted.load(std::memory_order_relaxed);
    requests += w->counters().requests.load(std::memory_order_relaxed);
    active += w->counters().active.load(std::memory_order_relaxed);
    busy += w->exchanges().inUse();
    inFlight += w->counters().inFlight.load(std::memory_order_relaxed);
    upstreamOpen += w->counters().upstreamOpen.load(std::memory_order_relaxed);
    upstreamIdle += w->counters().upstreamIdle.load(std::memory_order_relaxed);
  }
  const uint64_t writing = std::min(inFlight, busy);
  const uint64_t reading = busy - writing;
  return {{"connections_accepted", accepted}, {"connections_handled", accepted}, {"connections_active", active},
          {"connections_reading", reading}, {"connections_writing", writing},
          {"connections_waiting", active > busy ? active - busy : 0}, {"total_requests", requests},
          {"upstream_connections_open", upstreamOpen}, {"upstream_connections_idle", upstreamIdle}};
}

}  // namespace sluice::proxy
