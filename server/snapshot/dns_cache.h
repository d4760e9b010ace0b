#pragma once
// Host names of services and targets, resolved with c-ares: every name that is missing or past its
// TTL is queried at once and the whole batch waits at most a bounded time, on the snapshot
// builder's thread (never on a reactor). Answers are cached for their DNS TTL (at least
// kMinimumTtlSeconds); failures for kNegativeTtlSeconds. IP literals need no lookup.
#include "snapshot/config_snapshot.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace sluice::snapshot {

class DnsCache {
 public:
  static constexpr int kMinimumTtlSeconds = 5;
  static constexpr int kNegativeTtlSeconds = 5;

  explicit DnsCache(int timeoutMs = 2000);
  ~DnsCache();

  // Queries every name in `hosts` that is not fresh; true if any cached answer changed. Gives up
  // early when `abort` becomes true (shutdown).
  bool refresh(const std::vector<std::string>& hosts, const std::atomic<bool>* abort = nullptr);
  // The cached addresses of `host` with `port` (empty when unresolved).
  std::vector<PeerAddress> addresses(const std::string& host, uint16_t port) const;
  // True when some cached name has passed its TTL.
  bool anyExpired() const;

 private:
  struct Entry {
    std::vector<sockaddr_storage> addresses;
    std::vector<socklen_t> lengths;
    std::chrono::steady_clock::time_point expires;
  };
  int timeoutMs_;
  void* channel_ = nullptr;  // ares_channel
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

// "10.0.0.1" / "::1" / "[::1]": the literal address, without DNS.
bool literalAddress(const std::string& host, sockaddr_storage& out, socklen_t& length);
PeerAddress peerAddress(const sockaddr_storage& addr, socklen_t length, uint16_t port);

}  // namespace sluice::snapshot
