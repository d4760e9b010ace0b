#pragma once
// The configuration the data plane runs on: compiled once per change by the snapshot builder,
// immutable, shared by every reactor. Requests never read the store.
#include "net/tls_context.h"
#include "plugins/plugin_chain.h"
#include "router/router.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <memory>
#include <unordered_map>
#include <string>
#include <vector>

namespace sluice::snapshot {

// A resolved socket address of a peer.
struct PeerAddress {
  sockaddr_storage addr{};
  socklen_t length = 0;
  std::string text;  // "10.0.0.1:8080", for logs and headers
};

// Health of a target, shared by every worker and kept across snapshots (target_health.h).
class TargetHealth;

enum class Algorithm { RoundRobin, LeastConnections, ConsistentHashing, Latency };

struct TargetRuntime {
  std::string id;
  std::string target;  // host:port as configured
  std::string host;    // host part, for the Host header of the upstream request
  uint16_t port = 0;
  int weight = 100;
  std::vector<PeerAddress> addresses;
  std::shared_ptr<TargetHealth> health;  // null: always healthy
  uint32_t metricsId = 0;                // observe::MetricNames target id
};

// An upstream's health checks (Kong's healthchecks record); a zero interval or threshold disables
// that rule.
struct HealthChecks {
  // active
  std::string type = "http";  // http or tcp (https probes arrive with upstream TLS)
  uint32_t timeoutMs = 1000;
  std::string httpPath = "/";
  uint32_t healthyIntervalMs = 0, unhealthyIntervalMs = 0;
  std::vector<int> activeHealthyStatuses, activeUnhealthyStatuses;
  uint32_t activeSuccesses = 0, activeHttpFailures = 0, activeTcpFailures = 0, activeTimeouts = 0;
  // passive
  std::vector<int> passiveHealthyStatuses, passiveUnhealthyStatuses;
  uint32_t passiveSuccesses = 0, passiveHttpFailures = 0, passiveTcpFailures = 0, passiveTimeouts = 0;
  double threshold = 0;  // % of healthy weight below which the whole upstream is unhealthy

  bool activeEnabled() const { return healthyIntervalMs > 0 || unhealthyIntervalMs > 0; }
  bool passiveEnabled() const {
    return passiveSuccesses > 0 || passiveHttpFailures > 0 || passiveTcpFailures > 0 || passiveTimeouts > 0;
  }
};

struct UpstreamRuntime {
  std::string id;
  std::string name;
  Algorithm algorithm = Algorithm::RoundRobin;
  std::string hostHeader;
  std::vector<TargetRuntime> targets;
  // consistent-hashing
  std::string hashOn = "none", hashFallback = "none";
  std::string hashOnHeader, hashFallbackHeader, hashOnCookie, hashOnQueryArg, hashFallbackQueryArg,
      hashOnUriCapture, hashFallbackUriCapture;
  int slots = 10000;
  std::vector<std::pair<uint32_t, uint32_t>> ring;  // (hash, target index), sorted
  HealthChecks health;

  // Kong's name for a target's state on this node: HEALTHY, UNHEALTHY, HEALTHCHECKS_OFF or DNS_ERROR.
  const char* healthState(const TargetRuntime& target) const;
};

struct ServiceRuntime {
  std::string id;
  std::string name;
  std::string protocol;  // http, https, grpc (h2c), grpcs (h2 over TLS)
  bool grpc = false;     // protocol grpc or grpcs: the calls go up in HTTP/2
  std::string host;
  uint16_t port = 80;
  std::string path;  // empty: none
  int retries = 5;
  uint32_t connectTimeoutMs = 60000, writeTimeoutMs = 60000, readTimeoutMs = 60000;
  bool enabled = true;
  int upstream = -1;                   // index into upstreams when host names an upstream
  std::vector<PeerAddress> addresses;  // when host is an address or a resolved name
  bool literalHost = false;            // host is an IP address: no name to resolve
  std::string hostHeader;              // host[:port] as sent upstream without preserve_host
  // TLS to the upstream (protocol https)
  bool tls = false;
  bool tlsVerify = false;
  int tlsVerifyDepth = 4;
  std::string sni;                             // empty when host is an IP address
  std::shared_ptr<X509_STORE> caStore;         // ca_certificates; null: the system's
  std::shared_ptr<net::KeyPair> clientCertificate;
};

// A certificate served on the TLS listeners for the SNIs that name it.
struct CertificateRuntime {
  std::string id;
  net::KeyPair pair;
};

struct ConsumerRuntime {
  std::string id;
  std::string username;
  std::string customId;
  uint32_t metricsId = 0;  // observe::MetricNames consumer id
};

struct RouteRuntime {
  std::string id;
  std::string name;
  int service = -1;  // index into services; -1: no service (503)
  size_t chain = 0;  // index into chains
  bool stripPath = true;
  bool preserveHost = false;
  bool pathHandlingV1 = false;
  int httpsRedirectStatus = 426;
  uint8_t protocols = router::kHttp | router::kHttps;
  // A gRPC route (protocols grpc, grpcs): only gRPC requests in HTTP/2, grpcs ones over TLS.
  bool grpc = false, grpcs = false;
  uint32_t metricsId = 0;  // observe::MetricNames id: its figures outlive the snapshot
};

struct ConfigSnapshot {
  uint64_t version = 0;
  std::vector<ServiceRuntime> services;
  std::vector<RouteRuntime> routes;
  std::vector<UpstreamRuntime> upstreams;
  router::Router router;
  std::vector<ConsumerRuntime> consumers;
  std::unordered_map<std::string, size_t> consumerById;
  std::unordered_map<std::string, size_t> consumerByUsername;  // the auth plugins' `anonymous` may name one
  // Plugin instances (stable addresses: the chains point into them) and the compiled chains;
  // chains[0] holds the global plugins, for requests that match no route.
  std::vector<std::unique_ptr<plugins::PluginInstance>> plugins;
  std::vector<plugins::PluginChain> chains{1};
  std::vector<CertificateRuntime> certificates;
  std::unordered_map<std::string, size_t> sniExact;          // lower-case name -> certificate
  std::vector<std::pair<std::string, size_t>> sniWildcards;  // "*.example.com" as ".example.com", "example.*" as "example."
  double buildMilliseconds = 0;
  double routerMilliseconds = 0;  // of which compiling the router

  // The certificate for a TLS server name, or null (the default certificate).
  const CertificateRuntime* certificateFor(std::string_view serverName) const;
  const ConsumerRuntime* consumer(const std::string& id) const {
    const auto it = consumerById.find(id);
    return it == consumerById.end() ? nullptr : &consumers[it->second];
  }
};

using ConfigSnapshotConstSharedPtr = std::shared_ptr<const ConfigSnapshot>;

}  // namespace sluice::snapshot
