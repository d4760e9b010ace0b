#pragma once
// Choosing a target of an upstream, per worker (no shared state, no lock):
// - round-robin: nginx's smooth weighted round-robin (weights 5:1:1 give a a b a c a a);
// - least-connections: fewest exchanges in flight on this worker, relative to weight;
// - consistent-hashing: a ring built per snapshot, keyed by hash_on (ip, header, cookie, path,
//   query_arg, uri_capture; consumer once authentication runs), then hash_fallback; no key
//   falls back to round-robin, as in Kong;
// - latency: the lowest moving average of response time (EWMA), times exchanges in flight.
// Targets excluded (already tried in this exchange, or unhealthy) are skipped.
#include "snapshot/config_snapshot.h"
#include "snapshot/target_health.h"

#include <string_view>
#include <vector>

namespace sluice::proxy {

// What a hash key may come from.
struct BalanceInput {
  std::string_view clientIp;
  std::string_view path;
  std::string_view query;
  std::string_view consumerId;  // the authenticated consumer, if a plugin named one
  const void* headerContext = nullptr;
  std::string_view (*header)(const void* context, std::string_view name) = nullptr;
  const std::vector<std::string_view>* uriCaptures = nullptr;
};

class Balancer {
 public:
  // The chosen target's index, or -1 when none is eligible. `key`: the request's hash key for
  // consistent-hashing (requestHashKey), empty for none.
  int pick(const snapshot::UpstreamRuntime& upstream, std::string_view key, const std::vector<int>& exclude = {});
  void started(int target);
  void finished(int target, uint64_t latencyMicros);

 private:
  bool eligible(const snapshot::UpstreamRuntime& upstream, size_t i, const std::vector<int>& exclude) const;
  int roundRobin(const snapshot::UpstreamRuntime& upstream, const std::vector<int>& exclude);
  void resize(size_t n);

  std::vector<int64_t> scores_;     // smooth round-robin
  std::vector<uint32_t> active_;    // exchanges in flight per target
  std::vector<double> ewmaMicros_;  // latency
};

// The hash key an upstream's hash_on (or, with `fallback`, hash_fallback) takes from a request;
// empty when the request has none.
std::string_view hashKey(const snapshot::UpstreamRuntime& upstream, const BalanceInput& input, bool fallback);
// hash_on, else hash_fallback.
std::string_view requestHashKey(const snapshot::UpstreamRuntime& upstream, const BalanceInput& input);

}  // namespace sluice::proxy
