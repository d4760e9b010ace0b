#include "proxy/upstream_pool.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace sluice::proxy {

UpstreamConnection::UpstreamConnection(UpstreamPool& pool, int fd, std::string key)
    : pool_(pool), fd_(fd), key_(std::move(key)) {}

UpstreamConnection::~UpstreamConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void UpstreamConnection::onEvents(uint32_t events) {
  if (owner) {
    owner->onUpstreamEvents(events);
    return;
  }
  // Idle in the pool: any readable byte or hang-up means the peer closed (or misbehaves).
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) pool_.dropIdle(this);
}

void UpstreamConnection::onTimer() {
  if (owner) owner->onUpstreamTimeout();
  else pool_.dropIdle(this);  // idle timeout
}

UpstreamPool::UpstreamPool(net::Reactor& reactor, net::BufferPool& buffers, size_t maxIdlePerPeer,
                           uint64_t idleTimeoutMs, uint64_t maxRequests)
    : reactor_(reactor), buffers_(buffers), maxIdlePerPeer_(maxIdlePerPeer), idleTimeoutMs_(idleTimeoutMs),
      maxRequests_(maxRequests) {}

UpstreamPool::~UpstreamPool() {
  for (auto* c : all_) {
    reactor_.remove(c->fd());
    buffers_.release(c->in);
    delete c;
  }
}

size_t UpstreamPool::idleCount() const {
  size_t n = 0;
  for (const auto& [k, v] : idle_) n += v.size();
  return n;
}

UpstreamConnection* UpstreamPool::acquire(const snapshot::PeerAddress& peer, const std::string& key,
                                          UpstreamOwner* owner, int& error) {
  auto it = idle_.find(key);
  if (it != idle_.end() && !it->second.empty()) {
    UpstreamConnection* c = it->second.back();
    it->second.pop_back();
    net::TimerQueue::disarm(*c);
    c->owner = owner;
    c->reused = true;
    return c;
  }
  const int fd = ::socket(peer.addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = errno;
    return nullptr;
  }
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  auto* c = new UpstreamConnection(*this, fd, key);
  c->owner = owner;
  c->slot_ = all_.size();
  all_.push_back(c);
  if (!reactor_.add(fd, c)) {
    error = errno;
    close(c);
    return nullptr;
  }
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&peer.addr), peer.length) == 0) {
    c->connected = true;
  } else if (errno != EINPROGRESS) {
    error = errno;
    close(c);
    return nullptr;
  }
  return c;
}

void UpstreamPool::release(UpstreamConnection* c, bool reusable) {
  c->owner = nullptr;
  c->reused = false;
  ++c->requests;
  auto& list = idle_[c->key()];
  if (!reusable || c->in.readable() > 0 || c->requests >= maxRequests_ || list.size() >= maxIdlePerPeer_) {
    close(c);
    return;
  }
  buffers_.release(c->in);
  list.push_back(c);
  reactor_.arm(*c, idleTimeoutMs_);
}

void UpstreamPool::dropIdle(UpstreamConnection* c) {
  auto it = idle_.find(c->key());
  if (it != idle_.end()) it->second.erase(std::remove(it->second.begin(), it->second.end(), c), it->second.end());
  close(c);
}

void UpstreamPool::close(UpstreamConnection* c) {
  net::TimerQueue::disarm(*c);
  reactor_.remove(c->fd());
  c->in.clear();
  buffers_.release(c->in);
  all_[c->slot_] = all_.back();  // O(1): the last connection takes the closed one's slot
  all_[c->slot_]->slot_ = c->slot_;
  all_.pop_back();
  ++closed_;
  reactor_.retire(std::unique_ptr<net::EventHandler>(c));
}

}  // namespace sluice::proxy
