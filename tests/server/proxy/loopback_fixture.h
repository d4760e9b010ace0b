#pragma once
// Real loopback sockets for the proxy's parts: a listening upstream (or a port where nothing
// listens), a direct service to it, and an exchange wired like a session's — a client on a socket
// pair (Downstream), an upstream leg connected to an accepted peer — so each part can be stepped
// alone, with the test playing client and upstream.
#include "proxy/downstream.h"
#include "proxy/proxy_worker.h"
#include "proxy/step.h"
#include "proxy/upstream_leg.h"
#include "snapshot/snapshot_publisher.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <memory>
#include <string>

namespace sluice::testing {

// A listening loopback socket (or, closed, a port where nothing listens).
struct Listener {
  int fd = -1;
  uint16_t port = 0;
  explicit Listener(bool listening = true) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t length = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &length);
    port = ntohs(a.sin_port);
    if (listening) ::listen(fd, 8);
    else {
      ::close(fd);
      fd = -1;
    }
  }
  ~Listener() {
    if (fd >= 0) ::close(fd);
  }
};

inline snapshot::PeerAddress loopback(uint16_t port) {
  snapshot::PeerAddress p;
  auto* a = reinterpret_cast<sockaddr_in*>(&p.addr);
  a->sin_family = AF_INET;
  a->sin_port = htons(port);
  a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  p.length = sizeof(sockaddr_in);
  p.text = "127.0.0.1:" + std::to_string(port);
  return p;
}

// A service without upstream: its one address, tried `retries` more times.
inline snapshot::ServiceRuntime directService(uint16_t port, int retries = 5) {
  snapshot::ServiceRuntime service;
  service.retries = retries;
  service.addresses = {loopback(port)};
  return service;
}

class NoOwner final : public proxy::UpstreamOwner {
 public:
  void onUpstreamEvents(uint32_t) override {}
  void onUpstreamTimeout() override {}
};

// A worker with one published snapshot holding `service`, and an exchange bound to it.
struct WorkerWithService {
  std::shared_ptr<snapshot::ConfigSnapshot> snap = std::make_shared<snapshot::ConfigSnapshot>();
  snapshot::SnapshotPublisher publisher;
  std::unique_ptr<proxy::ProxyWorker> worker;
  proxy::SnapshotPin pin;

  void use(snapshot::ServiceRuntime service, proxy::Exchange& x, std::shared_ptr<proxy::ProxySettings> settings = nullptr) {
    snap->services = {std::move(service)};
    publisher.publish(snap);
    worker = std::make_unique<proxy::ProxyWorker>(0, settings ? settings : std::make_shared<proxy::ProxySettings>(), publisher);
    pin.snapshot = snap;
    x.pin = &pin;
    x.service = &snap->services[0];
    x.tries = 0;
    x.codec = http::Http1ServerCodec(worker->settings().limits);
  }
};

// A whole exchange's wiring: client (the test holds the other end of its socket pair), upstream
// leg connected to a peer the test accepted.
struct WiredExchange : WorkerWithService {
  Listener upstream;
  NoOwner owner;
  proxy::Exchange x;
  std::unique_ptr<proxy::Downstream> client;
  std::unique_ptr<proxy::UpstreamLeg> leg;
  int clientPeer = -1, upstreamPeer = -1;

  explicit WiredExchange(std::shared_ptr<proxy::ProxySettings> settings = nullptr) {
    use(directService(upstream.port), x, std::move(settings));
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return;
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    clientPeer = fds[1];
    client = std::make_unique<proxy::Downstream>(*worker, fds[0], false);
    client->connection().noteEvents(EPOLLOUT);
    leg = std::make_unique<proxy::UpstreamLeg>(*worker, owner);
  }
  ~WiredExchange() {
    if (leg && leg->active()) leg->release(x, false);
    if (client) client->close();
    if (clientPeer >= 0) ::close(clientPeer);
    if (upstreamPeer >= 0) ::close(upstreamPeer);
  }

  // Starts the leg and accepts its connection; false if either fails.
  bool connectUpstream() {
    const auto started = leg->start(x);
    if (started != proxy::UpstreamLeg::Start::Connected && started != proxy::UpstreamLeg::Start::Connecting) return false;
    upstreamPeer = ::accept(upstream.fd, nullptr, nullptr);
    if (started == proxy::UpstreamLeg::Start::Connecting) leg->noteEvents(EPOLLOUT);
    return upstreamPeer >= 0 && (started == proxy::UpstreamLeg::Start::Connected || leg->finishConnect(x));
  }

  // The test as upstream or client: bytes in (with the readiness edge they cause), bytes out.
  void fromUpstream(std::string_view bytes) {
    (void)::write(upstreamPeer, bytes.data(), bytes.size());
    leg->noteEvents(EPOLLIN);
  }
  void upstreamCloses() {
    ::shutdown(upstreamPeer, SHUT_WR);
    leg->noteEvents(EPOLLIN | EPOLLRDHUP);
  }
  void fromClient(std::string_view bytes) {
    (void)::write(clientPeer, bytes.data(), bytes.size());
    client->connection().noteEvents(EPOLLIN);
  }
  void clientCloses() {
    ::shutdown(clientPeer, SHUT_WR);
    client->connection().noteEvents(EPOLLIN | EPOLLRDHUP);
  }
  static std::string drain(int fd) {
    std::string got;
    char buffer[65536];
    while (waitReadable(fd, got.empty())) {
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n <= 0) break;
      got.append(buffer, static_cast<size_t>(n));
    }
    return got;
  }
  std::string toClient() { return drain(clientPeer); }
  std::string toUpstream() { return drain(upstreamPeer); }

  // Steps a part until it stops making progress: the step it stopped on.
  static proxy::Step run(const std::function<proxy::Step()>& step) {
    for (int i = 0; i < 10000; ++i) {
      const proxy::Step s = step();
      if (s.kind != proxy::Step::Kind::Progress && s.kind != proxy::Step::Kind::ClientMoved) return s;
    }
    return proxy::Step::close();
  }

 private:
  // Bytes written on loopback are readable at once; a short wait when none are keeps the tests
  // exact on a loaded machine.
  static bool waitReadable(int fd, bool aWhile) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, aWhile ? 20 : 0) > 0;
  }
};

}  // namespace sluice::testing
