#include "snapshot/dns_cache.h"

#include <arpa/inet.h>
#include <ares.h>
#include <poll.h>

#include <cstring>
#include <stdexcept>

namespace sluice::snapshot {
namespace {

struct Query {
  explicit Query(std::string h) : host(std::move(h)) {}
  std::string host;
  bool done = false;
  int status = ARES_ENOTFOUND;
  std::vector<sockaddr_storage> addresses;
  std::vector<socklen_t> lengths;
  int ttl = 0;
};

void onAnswer(void* arg, int status, int, ares_addrinfo* result) {
  auto* q = static_cast<Query*>(arg);
  q->done = true;
  q->status = status;
  if (status == ARES_SUCCESS && result) {
    int ttl = -1;
    for (ares_addrinfo_node* n = result->nodes; n; n = n->ai_next) {
      sockaddr_storage addr{};
      std::memcpy(&addr, n->ai_addr, static_cast<size_t>(n->ai_addrlen));
      q->addresses.push_back(addr);
      q->lengths.push_back(static_cast<socklen_t>(n->ai_addrlen));
      if (ttl < 0 || n->ai_ttl < ttl) ttl = n->ai_ttl;
    }
    q->ttl = ttl < 0 ? 0 : ttl;
  }
  if (result) ares_freeaddrinfo(result);
}

}  // namespace

bool literalAddress(const std::string& host, sockaddr_storage& out, socklen_t& length) {
  std::string h = host;
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  std::memset(&out, 0, sizeof out);
  auto* v4 = reinterpret_cast<sockaddr_in*>(&out);
  if (inet_pton(AF_INET, h.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    length = sizeof(sockaddr_in);
    return true;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&out);
  if (inet_pton(AF_INET6, h.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    length = sizeof(sockaddr_in6);
    return true;
  }
  return false;
}

PeerAddress peerAddress(const sockaddr_storage& addr, socklen_t length, uint16_t port) {
  PeerAddress a;
  a.addr = addr;
  a.length = length;
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET6) {
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&a.addr);
    v6->sin6_port = htons(port);
    inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    a.text = "[" + std::string(text) + "]:" + std::to_string(port);
  } else {
    auto* v4 = reinterpret_cast<sockaddr_in*>(&a.addr);
    v4->sin_port = htons(port);
    inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    a.text = std::string(text) + ":" + std::to_string(port);
  }
  return a;
}

DnsCache::DnsCache(int timeoutMs) : timeoutMs_(timeoutMs) {
  static const int initialised = ares_library_init(ARES_LIB_INIT_ALL);
  (void)initialised;
  ares_options options{};
  options.timeout = std::max(100, timeoutMs / 2);
  options.tries = 2;
  ares_channel channel = nullptr;
  if (ares_init_options(&channel, &options, ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES) != ARES_SUCCESS)
    throw std::runtime_error("cannot initialise the DNS resolver (c-ares)");
  channel_ = channel;
}

DnsCache::~DnsCache() { ares_destroy(static_cast<ares_channel>(channel_)); }

bool DnsCache::refresh(const std::vector<std::string>& hosts, const std::atomic<bool>* abort) {
  const auto now = std::chrono::steady_clock::now();
  std::vector<std::unique_ptr<Query>> queries;
  {
    std::lock_guard lock(mutex_);
    for (const auto& h : hosts) {
      sockaddr_storage addr;
      socklen_t length;
      if (literalAddress(h, addr, length)) continue;
      auto it = entries_.find(h);
      if (it != entries_.end() && it->second.expires > now) continue;
      bool queued = false;
      for (const auto& q : queries) queued = queued || q->host == h;
      if (!queued) queries.push_back(std::make_unique<Query>(h));
    }
  }
  if (queries.empty()) return false;
  auto channel = static_cast<ares_channel>(channel_);
  ares_addrinfo_hints hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  for (auto& q : queries) ares_getaddrinfo(channel, q->host.c_str(), nullptr, &hints, onAnswer, q.get());
  const auto deadline = now + std::chrono::milliseconds(timeoutMs_);
  for (;;) {
    bool pending = false;
    for (const auto& q : queries) pending = pending || !q->done;
    if (!pending || std::chrono::steady_clock::now() >= deadline || (abort && abort->load())) break;
    ares_socket_t sockets[ARES_GETSOCK_MAXNUM];
    const int bits = ares_getsock(channel, sockets, ARES_GETSOCK_MAXNUM);
    pollfd fds[ARES_GETSOCK_MAXNUM];
    int count = 0;
    for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
      const bool r = ARES_GETSOCK_READABLE(bits, i), w = ARES_GETSOCK_WRITABLE(bits, i);
      if (!r && !w) continue;
      fds[count++] = pollfd{sockets[i], static_cast<short>((r ? POLLIN : 0) | (w ? POLLOUT : 0)), 0};
    }
    timeval tv{}, max{0, 100000};
    ares_timeout(channel, &max, &tv);
    poll(fds, static_cast<nfds_t>(count), static_cast<int>(tv.tv_sec * 1000 + tv.tv_usec / 1000) + 1);
    if (count == 0) {
      ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);  // timeouts and retries
      continue;
    }
    for (int i = 0; i < count; ++i)
      ares_process_fd(channel, (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) ? fds[i].fd : ARES_SOCKET_BAD,
                      (fds[i].revents & POLLOUT) ? fds[i].fd : ARES_SOCKET_BAD);
  }
  ares_cancel(channel);  // whatever is still pending fails now (its callback runs)
  bool changed = false;
  std::lock_guard lock(mutex_);
  const auto answered = std::chrono::steady_clock::now();
  for (const auto& q : queries) {
    Entry e;
    if (q->status == ARES_SUCCESS && !q->addresses.empty()) {
      e.addresses = q->addresses;
      e.lengths = q->lengths;
      e.expires = answered + std::chrono::seconds(std::max(kMinimumTtlSeconds, q->ttl));
    } else {
      e.expires = answered + std::chrono::seconds(kNegativeTtlSeconds);
    }
    auto& slot = entries_[q->host];
    const bool same = slot.lengths == e.lengths &&
                      std::equal(slot.addresses.begin(), slot.addresses.end(), e.addresses.begin(), e.addresses.end(),
                                 [](const sockaddr_storage& a, const sockaddr_storage& b) { return std::memcmp(&a, &b, sizeof a) == 0; });
    changed = changed || !same;
    slot = std::move(e);
  }
  return changed;
}

std::vector<PeerAddress> DnsCache::addresses(const std::string& host, uint16_t port) const {
  std::vector<PeerAddress> out;
  sockaddr_storage addr;
  socklen_t length;
  if (literalAddress(host, addr, length)) {
    out.push_back(peerAddress(addr, length, port));
    return out;
  }
  std::lock_guard lock(mutex_);
  auto it = entries_.find(host);
  if (it == entries_.end()) return out;
  for (size_t i = 0; i < it->second.addresses.size(); ++i)
    out.push_back(peerAddress(it->second.addresses[i], it->second.lengths[i], port));
  return out;
}

bool DnsCache::anyExpired() const {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  for (const auto& [host, e] : entries_)
    if (e.expires <= now) return true;
  return false;
}

}  // namespace sluice::snapshot
