#pragma once
// Host names of services and targets, resolved with c-ares: every name that is missing or due is
// queried at once and the whole batch waits at most a bounded time, on the snapshot builder's
// thread (never on a reactor). IP literals need no lookup.
//
// Kong's DNS client semantics (kong.conf dns_*): an answer is kept for its TTL (at least
// kMinimumTtlSeconds); past it, while the servers fail (timeout, SERVFAIL, refused, no data), its
// addresses keep serving for dns_stale_ttl seconds, and the name is asked again every
// dns_error_ttl seconds; a name error (NXDOMAIN) drops them at once and is kept dns_not_found_ttl
// seconds. A name with no usable addresses answers 503 "name resolution failed" at the proxy.
#include "core/result.h"
#include "snapshot/config_snapshot.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace sluice::snapshot {

struct DnsSettings {
  std::string nameServers;  // c-ares CSV ("127.0.0.1:53,[::1]:53"); empty: those of /etc/resolv.conf
  int timeoutMs = 2000;     // one batch of queries, retries included
  int staleTtlSeconds = 4;
  int notFoundTtlSeconds = 30;
  int errorTtlSeconds = 1;
};

// kong.conf's dns_resolver entries ("ip[:port]", "[ipv6]:port" or a bare IPv6) as c-ares's CSV;
// an error names the entry that is not one.
core::Result<std::string> nameServerList(const std::vector<std::string>& entries);

class DnsCache {
 public:
  static constexpr int kMinimumTtlSeconds = 5;

  explicit DnsCache(DnsSettings settings = {});
  ~DnsCache();
  DnsCache(const DnsCache&) = delete;
  DnsCache& operator=(const DnsCache&) = delete;

  // Queries every name in `hosts` that is missing or due, and forgets names not among them; true if
  // any name's usable addresses changed. Gives up early when `abort` becomes true (shutdown).
  bool refresh(const std::vector<std::string>& hosts, const std::atomic<bool>* abort = nullptr);
  // The same for the names already cached (between configuration changes).
  bool refreshDue(const std::atomic<bool>* abort = nullptr);
  // The usable addresses of `host` with `port` (empty when unresolved or past the stale window).
  std::vector<PeerAddress> addresses(const std::string& host, uint16_t port) const;
  // True when some name is due for a query, or its stale addresses have run out.
  bool anyDue() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::vector<sockaddr_storage> addresses;
    std::vector<socklen_t> lengths;
    Clock::time_point queryAt;      // ask again from then
    Clock::time_point usableUntil;  // addresses given out until then (TTL + dns_stale_ttl)
    bool failing = false;           // the last query failed (logged once per outage)
  };
  bool query(const std::vector<std::string>& names, const std::atomic<bool>* abort);
  bool dropExpired(Clock::time_point now);

  DnsSettings settings_;
  void* channel_ = nullptr;  // ares_channel
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

// "10.0.0.1" / "::1" / "[::1]": the literal address, without DNS.
bool literalAddress(const std::string& host, sockaddr_storage& out, socklen_t& length);
PeerAddress peerAddress(const sockaddr_storage& addr, socklen_t length, uint16_t port);

}  // namespace sluice::snapshot
