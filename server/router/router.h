#pragma once
// Kong's traditional router (2.x semantics), compiled once per configuration snapshot:
// routes are grouped by which fields they match on (hosts, headers, paths, methods, snis), groups
// with more fields are tried first, and within a group Kong's tie-breakers apply (plain hosts
// before wildcards, regex paths, more headers, regex_priority, longer paths, older routes). A
// request matches a route when every field the route sets matches; within a field any value
// suffices. Matching takes no lock and allocates nothing.
#include "router/regex.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sluice::router {

// Routes match on kHttp/kHttps (a gRPC route is an http/https route with extra checks); the
// gRPC bits name a gRPC request's protocol in plugins' `protocols` masks.
enum Protocol : uint8_t { kHttp = 1, kHttps = 2, kGrpc = 4, kGrpcs = 8 };

// A route as the router needs it (built by the snapshot builder from the routes entity).
struct RouteSpec {
  size_t index = 0;  // the caller's handle, returned by match()
  int64_t createdAt = 0;
  uint8_t protocols = kHttp | kHttps;
  std::vector<std::string> methods;
  std::vector<std::string> hosts;
  std::vector<std::string> paths;
  std::vector<std::pair<std::string, std::vector<std::string>>> headers;
  std::vector<std::string> snis;
  int64_t regexPriority = 0;
};

struct MatchInput {
  std::string_view method;
  std::string_view host;  // Host header, possibly with a port
  std::string_view path;  // normalised
  Protocol protocol = kHttp;
  std::string_view sni;
  // Header lookup: the value of a request header (case-insensitive name), or empty.
  const void* headerContext = nullptr;
  std::string_view (*header)(const void* context, std::string_view name) = nullptr;
};

struct MatchResult {
  bool matched = false;
  size_t index = 0;            // RouteSpec::index
  bool protocolMismatch = false;  // matched all but the protocol: redirect or 426
  size_t matchedPathLength = 0;   // prefix (or regex match) length, for strip_path
  bool regexPath = false;
};

// Why a route does or does not take a request (POST /sluice/router/explain): a rule of the route
// the request fails, and how.
struct FailedRule {
  std::string rule;  // "method", "host", "header", "sni", "path" or "protocol"
  std::string detail;
};
struct RouteExplanation {
  size_t index = 0;     // RouteSpec::index
  size_t position = 0;  // in Kong's match order, 0 first
  std::vector<std::string> matchesOn;  // the fields the route sets: host, header, path, method, sni
  int64_t regexPriority = 0;
  size_t longestPath = 0;
  bool regexPath = false;
  // Empty: the route takes the request (a "protocol" failure alone still takes it, to refuse or
  // redirect it, as match() does).
  std::vector<FailedRule> failed;
};

struct RouterError {
  size_t index;
  std::string message;
};

class Router {
 public:
  // Compiles the routes; regexes that do not compile are reported and the route is left out.
  static Router build(std::vector<RouteSpec> routes, std::vector<RouterError>* errors = nullptr);

  MatchResult match(const MatchInput& input, std::vector<std::string_view>* captures = nullptr) const;
  size_t size() const { return routes_.size(); }
  // Every route in match order with the rules of it the request fails; the first whose failures are
  // none (or the protocol alone) is the one match() picks. Off the proxy's path: allocates freely.
  std::vector<RouteExplanation> explain(const MatchInput& input) const;
  // Why the route at match position `ahead` is tried before the one at `behind` (Kong's order):
  // the first tie-breaker that tells them apart.
  std::string whyBefore(size_t ahead, size_t behind) const;

 private:
  struct Host {
    std::string name;  // lower case; for wildcards the fixed part
    std::string port;  // empty: any port
    enum { Exact, LeadingWildcard, TrailingWildcard } kind = Exact;
  };
  struct Path {
    std::string prefix;
    std::optional<Regex> regex;
  };
  struct Compiled {
    size_t index;
    uint8_t protocols;
    uint32_t category;
    uint32_t submatch;
    int64_t regexPriority;
    size_t maxPathLength;
    int64_t createdAt;
    std::vector<std::string> methods;
    std::vector<Host> hosts;
    std::vector<Path> paths;  // regexes first (user order), then prefixes, longest first
    std::vector<std::pair<std::string, std::vector<std::string>>> headers;  // lower-cased
    std::vector<std::string> snis;
  };

  bool matches(const Compiled& r, const MatchInput& in, std::string_view hostName, std::string_view hostPort,
               MatchResult& out, std::vector<std::string_view>* captures) const;

  std::vector<Compiled> routes_;  // in match order
  // Routes whose only host matching is by exact names: by name, as positions into routes_.
  struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<uint32_t>, TransparentHash, std::equal_to<>> byExactHost_;
  // Routes without exact-only hosts whose paths are all plain prefixes: a character trie over the
  // prefixes, so a request collects exactly the routes whose prefix starts its path.
  struct TrieNode {
    std::vector<std::pair<char, uint32_t>> children;  // sorted by character
    std::vector<uint32_t> routes;                     // routes with a prefix ending here
  };
  std::vector<TrieNode> trie_{1};
  void insertPrefix(const std::string& prefix, uint32_t route);
  void collectPrefixes(std::string_view path, std::vector<uint32_t>& out) const;

  std::vector<uint32_t> general_;  // every other route (regex paths, no paths, wildcard hosts...), in match order
};

}  // namespace sluice::router
