#include "snapshot/dns_cache.h"

#include <arpa/inet.h>
#include <ares.h>
#include <poll.h>

#include <Poco/Logger.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
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

core::Result<std::string> nameServerList(const std::vector<std::string>& entries) {
  std::string csv;
  for (const std::string& entry : entries) {
    std::string host = entry, port = "53";
    if (!entry.empty() && entry.front() == '[') {  // [ipv6] or [ipv6]:port
      const auto close = entry.find(']');
      if (close != std::string::npos && close + 1 < entry.size() && entry[close + 1] == ':') port = entry.substr(close + 2);
      else if (close == std::string::npos || close + 1 != entry.size()) port.clear();
      host = entry.substr(0, close == std::string::npos ? entry.size() : close + 1);
    } else if (std::count(entry.begin(), entry.end(), ':') == 1) {  // ipv4:port
      host = entry.substr(0, entry.find(':'));
      port = entry.substr(entry.find(':') + 1);
    }
    sockaddr_storage addr;
    socklen_t length;
    int number = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (!literalAddress(host, addr, length) || ec != std::errc() || end != port.data() + port.size() || number < 1 || number > 65535)
      return core::Error::badRequest("dns_resolver: '" + entry + "' is not an ip[:port] (a name server is given by its address)");
    if (!csv.empty()) csv += ",";
    const bool v6 = addr.ss_family == AF_INET6;
    const std::string bare = host.front() == '[' ? host.substr(1, host.size() - 2) : host;
    csv += (v6 ? "[" + bare + "]" : bare) + ":" + port;
  }
  return csv;
}

DnsCache::DnsCache(DnsSettings settings) : settings_(std::move(settings)) {
  static const int initialised = ares_library_init(ARES_LIB_INIT_ALL);
  (void)initialised;
  ares_options options{};
  options.timeout = std::max(100, settings_.timeoutMs / 2);
  options.tries = 2;
  ares_channel channel = nullptr;
  if (ares_init_options(&channel, &options, ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES) != ARES_SUCCESS)
    throw std::runtime_error("cannot initialise the DNS resolver (c-ares)");
  channel_ = channel;
  if (!settings_.nameServers.empty()) {
    if (const int rc = ares_set_servers_ports_csv(channel, settings_.nameServers.c_str()); rc != ARES_SUCCESS) {
      ares_destroy(channel);
      throw std::runtime_error("dns_resolver '" + settings_.nameServers + "': " + ares_strerror(rc));
    }
  }
}

DnsCache::~DnsCache() { ares_destroy(static_cast<ares_channel>(channel_)); }

bool DnsCache::refresh(const std::vector<std::string>& hosts, const std::atomic<bool>* abort) {
  const auto now = Clock::now();
  {
    std::lock_guard lock(mutex_);
    std::map<std::string, Entry> kept;
    for (const auto& h : hosts) {
      sockaddr_storage addr;
      socklen_t length;
      if (literalAddress(h, addr, length) || kept.count(h)) continue;
      auto it = entries_.find(h);
      if (it == entries_.end()) {
        kept[h].queryAt = now;  // new: asked at once
      } else {
        kept[h] = std::move(it->second);
      }
    }
    entries_ = std::move(kept);
  }
  return refreshDue(abort);
}

bool DnsCache::refreshDue(const std::atomic<bool>* abort) {
  const auto now = Clock::now();
  std::vector<std::string> due;
  bool changed = false;
  {
    std::lock_guard lock(mutex_);
    changed = dropExpired(now);  // before the questions, which may take their whole timeout
    for (const auto& [host, e] : entries_)
      if (e.queryAt <= now) due.push_back(host);
  }
  if (!due.empty()) changed = query(due, abort) || changed;
  std::lock_guard lock(mutex_);
  return dropExpired(Clock::now()) || changed;
}

// Stale addresses whose window has passed are given out no more.
bool DnsCache::dropExpired(Clock::time_point now) {
  bool changed = false;
  for (auto& [host, e] : entries_) {
    if (e.addresses.empty() || e.usableUntil > now) continue;
    Poco::Logger::get("sluice.dns").error("'%s' could not be resolved again within dns_stale_ttl: its addresses are dropped, "
                                          "requests for it get 503 until it resolves", host);
    e.addresses.clear();
    e.lengths.clear();
    changed = true;
  }
  return changed;
}

bool DnsCache::query(const std::vector<std::string>& names, const std::atomic<bool>* abort) {
  std::vector<std::unique_ptr<Query>> queries;
  for (const auto& h : names) queries.push_back(std::make_unique<Query>(h));
  auto channel = static_cast<ares_channel>(channel_);
  ares_addrinfo_hints hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  for (auto& q : queries) ares_getaddrinfo(channel, q->host.c_str(), nullptr, &hints, onAnswer, q.get());
  const auto deadline = Clock::now() + std::chrono::milliseconds(settings_.timeoutMs);
  for (;;) {
    bool pending = false;
    for (const auto& q : queries) pending = pending || !q->done;
    if (!pending || Clock::now() >= deadline || (abort && abort->load())) break;
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
  const auto now = Clock::now();
  auto& log = Poco::Logger::get("sluice.dns");
  for (const auto& q : queries) {
    auto it = entries_.find(q->host);
    if (it == entries_.end()) continue;  // forgotten meanwhile
    Entry& e = it->second;
    if (q->status == ARES_SUCCESS && !q->addresses.empty()) {
      const bool same = e.lengths == q->lengths &&
                        std::equal(e.addresses.begin(), e.addresses.end(), q->addresses.begin(), q->addresses.end(),
                                   [](const sockaddr_storage& a, const sockaddr_storage& b) { return std::memcmp(&a, &b, sizeof a) == 0; });
      changed = changed || !same;
      if (e.failing) log.notice("'%s' resolves again", q->host);
      e.addresses = q->addresses;
      e.lengths = q->lengths;
      e.queryAt = now + std::chrono::seconds(std::max(kMinimumTtlSeconds, q->ttl));
      e.usableUntil = e.queryAt + std::chrono::seconds(settings_.staleTtlSeconds);
      e.failing = false;
      continue;
    }
    const bool nameError = q->status == ARES_ENOTFOUND;
    const bool stale = !e.addresses.empty() && e.usableUntil > now && !nameError;
    if (!e.failing || (nameError && !e.addresses.empty()))
      log.warning(stale ? "'%s' could not be resolved (%s): its last addresses serve for up to dns_stale_ttl"
                        : "'%s' could not be resolved (%s)",
                  q->host, std::string(ares_strerror(q->status)));
    e.failing = true;
    if (stale) {  // as Kong: an error does not replace data that is still within its stale window
      e.queryAt = now + std::chrono::seconds(settings_.errorTtlSeconds);
      continue;
    }
    changed = changed || !e.addresses.empty();
    e.addresses.clear();
    e.lengths.clear();
    const bool notFound = nameError || q->status == ARES_ENODATA;
    e.queryAt = now + std::chrono::seconds(notFound ? settings_.notFoundTtlSeconds : settings_.errorTtlSeconds);
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
  if (it == entries_.end() || it->second.usableUntil <= Clock::now()) return out;
  for (size_t i = 0; i < it->second.addresses.size(); ++i)
    out.push_back(peerAddress(it->second.addresses[i], it->second.lengths[i], port));
  return out;
}

bool DnsCache::anyDue() const {
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  for (const auto& [host, e] : entries_)
    if (e.queryAt <= now || (!e.addresses.empty() && e.usableUntil <= now)) return true;
  return false;
}

}  // namespace sluice::snapshot
