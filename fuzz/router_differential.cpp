// The router against a slow reference written from Kong 2.8's rules (../shared/kong-semantics.md,
// router.lua): routes made from the input's bytes, requests too; the compiled router (exact-host
// buckets, prefix trie, categories) must pick what a plain walk over every route in Kong's order
// picks. Also: request paths are normalised first, and normal forms are stable.
#include "fuzz_input.h"
#include "router/path_normalizer.h"
#include "router/router.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace {

using namespace sluice::router;
using sluice::fuzz::FuzzInput;

// Few distinct values, so that routes and requests meet often; free text from the input besides.
const std::vector<std::string> kHosts = {"a.test", "b.test", "A.TEST", "*.a.test", "x.a.test", "a.*", "a.test:8000",
                                         "*.test:8000", "[::1]", "[::1]:8000", "a.test.", "xa.test"};
const std::vector<std::string> kPaths = {"/", "/a", "/a/", "/ab", "/a/b", "/b", "/a/b/c", "~/a/\\d+$", "/a/(?<id>\\d+)",
                                         "~/(a|b)/c", "~/a?b", "/a/b.c", "~^/x+", "~/a.*", "/%41", "/a/b/"};
const std::vector<std::string> kMethods = {"GET", "POST", "PUT", "get"};
const std::vector<std::string> kHeaderNames = {"x-v", "X-V", "x-w"};
const std::vector<std::string> kHeaderValues = {"a", "b", "A", ""};
const std::vector<std::string> kSnis = {"a.test", "b.test", "A.test"};

// Now and then a value of the input's own, of the shape the routes schema accepts (a path starts
// with '/', a host has at most one wildcard at either end): the router is not asked to make sense
// of what validation refuses.
std::string freeText(FuzzInput& in, std::string_view alphabet, size_t max) {
  std::string s;
  for (char c : in.text(max)) s.push_back(alphabet[static_cast<unsigned char>(c) % alphabet.size()]);
  return s;
}
std::string path(FuzzInput& in) {
  return in.below(4) == 0 ? "/" + freeText(in, "/a.b*:~x19-_%\\(|)$AB", 12) : in.pick(kPaths);
}
std::string host(FuzzInput& in) {
  if (in.below(4) != 0) return in.pick(kHosts);
  std::string h = freeText(in, "abx19.-", 8);
  switch (in.below(3)) {
    case 1: h.insert(0, "*."); break;
    case 2: h += ".*"; break;
  }
  if (in.flag()) h += ":8000";
  return h;
}
template <typename Make>
std::vector<std::string> several(FuzzInput& in, size_t max, Make make) {
  std::vector<std::string> out(in.below(max + 1));
  for (auto& w : out) w = make(in);
  return out;
}
std::vector<std::string> words(FuzzInput& in, const std::vector<std::string>& common, size_t max) {
  return several(in, max, [&common](FuzzInput& i) { return i.pick(common); });
}

struct RequestHeaders {
  std::map<std::string, std::string> values;  // lower-case names
  static std::string_view lookup(const void* context, std::string_view name) {
    const auto& values = static_cast<const RequestHeaders*>(context)->values;
    std::string lowered(name);
    for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto it = values.find(lowered);
    return it == values.end() ? std::string_view() : std::string_view(it->second);
  }
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ---- the reference: every route, one after another, in Kong's order

bool isRegex(const std::string& path) {
  if (path.starts_with("~")) return true;
  return std::any_of(path.begin(), path.end(), [](unsigned char c) {
    return !(std::isalnum(c) || c == '.' || c == '_' || c == '~' || c == '/' || c == '%' || c == '-');
  });
}
std::string pattern(const std::string& path) { return path.starts_with("~") ? path.substr(1) : path; }

// A host value split as Kong does: "name:port", "[v6]:port".
std::pair<std::string, std::string> hostAndPort(const std::string& host) {
  if (host.starts_with("[")) {
    const auto close = host.find(']');
    if (close == std::string::npos) return {host, ""};
    const std::string name = host.substr(0, close + 1);
    return {name, close + 1 < host.size() && host[close + 1] == ':' ? host.substr(close + 2) : ""};
  }
  const auto colon = host.find(':');
  if (colon == std::string::npos || host.find(':', colon + 1) != std::string::npos) return {host, ""};
  return {host.substr(0, colon), host.substr(colon + 1)};
}

bool hostMatches(const std::string& routeHost, const std::string& requestHost) {
  auto [name, port] = hostAndPort(lower(routeHost));
  auto [reqName, reqPort] = hostAndPort(lower(requestHost));
  if (!port.empty() && port != reqPort) return false;
  if (name.starts_with("*.")) return reqName.size() > name.size() - 1 && reqName.ends_with(name.substr(1));
  if (name.size() > 2 && name.ends_with(".*"))
    return reqName.size() > name.size() - 1 && reqName.starts_with(name.substr(0, name.size() - 1));
  return name == reqName;
}
bool isWildcard(const std::string& host) {
  const auto name = hostAndPort(host).first;
  return name.starts_with("*.") || (name.size() > 2 && name.ends_with(".*"));
}

struct Reference {
  const RouteSpec* spec;
  uint32_t category, submatch;
  size_t maxPath;
};

std::vector<Reference> kongOrder(const std::vector<RouteSpec>& specs, const std::vector<bool>& compiles) {
  std::vector<Reference> order;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!compiles[i]) continue;
    const auto& s = specs[i];
    Reference r{&s, 0, 0, 0};
    if (!s.hosts.empty()) r.category |= 0x40;
    if (!s.headers.empty()) r.category |= 0x20;
    if (!s.paths.empty()) r.category |= 0x10;
    if (!s.methods.empty()) r.category |= 0x08;
    if (!s.snis.empty()) r.category |= 0x04;
    const bool regex = std::any_of(s.paths.begin(), s.paths.end(), isRegex);
    const bool plainHosts = !s.hosts.empty() && std::none_of(s.hosts.begin(), s.hosts.end(), isWildcard);
    const bool wildcardWithPort = std::any_of(s.hosts.begin(), s.hosts.end(), [](const std::string& h) {
      return isWildcard(h) && !hostAndPort(lower(h)).second.empty();
    });
    r.submatch = (wildcardWithPort ? 0x04 : 0) | (plainHosts ? 0x02 : 0) | (regex ? 0x01 : 0);
    for (const auto& p : s.paths) r.maxPath = std::max(r.maxPath, p.size());
    order.push_back(r);
  }
  // Categories with more rules first, then the larger category, then sort_routes' tie-breakers.
  std::stable_sort(order.begin(), order.end(), [](const Reference& a, const Reference& b) {
    auto key = [](const Reference& r) {
      const bool regex = r.submatch & 0x01;
      return std::tuple(std::popcount(r.category), r.category, r.submatch, r.spec->headers.size(),
                        regex ? r.spec->regexPriority : 0, r.maxPath, -r.spec->createdAt);
    };
    return key(a) > key(b);
  });
  return order;
}

MatchResult referenceMatch(const std::vector<Reference>& order, const MatchInput& in, const RequestHeaders& headers) {
  for (const auto& r : order) {
    const auto& s = *r.spec;
    if (!s.methods.empty() && std::find(s.methods.begin(), s.methods.end(), in.method) == s.methods.end()) continue;
    if (!s.hosts.empty() &&
        std::none_of(s.hosts.begin(), s.hosts.end(), [&](const std::string& h) { return hostMatches(h, std::string(in.host)); }))
      continue;
    bool headersMatch = true;
    for (const auto& [name, values] : s.headers) {
      const auto it = headers.values.find(lower(name));
      const std::string got = it == headers.values.end() ? "" : lower(it->second);
      headersMatch = headersMatch && !got.empty() &&
                     std::any_of(values.begin(), values.end(), [&](const std::string& v) { return lower(v) == got; });
    }
    if (!headersMatch) continue;
    if (!s.snis.empty() &&
        std::none_of(s.snis.begin(), s.snis.end(), [&](const std::string& sni) { return lower(sni) == lower(in.sni); }))
      continue;
    MatchResult result;
    if (!s.paths.empty()) {
      // Within a route: its regexes in the order given, then its prefixes, longest first.
      bool found = false;
      for (const auto& p : s.paths) {
        if (!isRegex(p)) continue;
        size_t end = 0;
        if (Regex::compile(pattern(p))->matchPrefix(in.path, &end)) {
          result.matchedPathLength = end;
          result.regexPath = true;
          found = true;
          break;
        }
      }
      if (!found) {
        size_t longest = 0;
        for (const auto& p : s.paths)
          if (!isRegex(p) && in.path.starts_with(p) && (!found || p.size() > longest)) longest = p.size(), found = true;
        result.matchedPathLength = longest;
      }
      if (!found) continue;
    }
    result.matched = true;
    result.index = s.index;
    result.protocolMismatch = (s.protocols & in.protocol) == 0;
    return result;
  }
  return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  std::vector<RouteSpec> specs(in.below(24));
  std::vector<bool> compiles(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    auto& s = specs[i];
    s.index = i;
    s.createdAt = static_cast<int64_t>(in.below(4));  // ties on purpose: the first given goes first
    s.protocols = static_cast<uint8_t>(1 + in.below(3));
    s.methods = words(in, kMethods, 2);
    s.hosts = several(in, 3, host);
    s.paths = several(in, 3, path);
    s.snis = in.below(4) == 0 ? words(in, kSnis, 2) : std::vector<std::string>{};
    for (size_t h = in.below(4) == 0 ? 1 + in.below(2) : 0; h > 0; --h)
      s.headers.emplace_back(in.pick(kHeaderNames), words(in, kHeaderValues, 2));
    s.regexPriority = static_cast<int64_t>(in.below(3));
    compiles[i] = std::all_of(s.paths.begin(), s.paths.end(),
                              [](const std::string& p) { return !isRegex(p) || Regex::compile(pattern(p)).has_value(); });
  }
  std::vector<RouterError> errors;
  const Router router = Router::build(specs, &errors);
  if (errors.size() != static_cast<size_t>(std::count(compiles.begin(), compiles.end(), false))) {
    std::fprintf(stderr, "%zu routes left out, %zu regexes that do not compile\n", errors.size(),
                 static_cast<size_t>(std::count(compiles.begin(), compiles.end(), false)));
    std::abort();
  }
  const auto order = kongOrder(specs, compiles);

  std::string normal;
  for (int requests = 0; requests < 32 && !in.empty(); ++requests) {
    RequestHeaders headers;
    for (size_t h = in.below(3); h > 0; --h) headers.values[lower(in.pick(kHeaderNames))] = in.pick(kHeaderValues);
    const std::string method = in.pick(kMethods), requestHost = host(in), sni = in.pick(kSnis);
    std::string rawPath = path(in) + std::string(in.text(6));
    if (!rawPath.starts_with('/')) rawPath.insert(0, "/");  // (a request's path is origin-form)
    // The path as the proxy hands it over: normalised. Normal forms are fixed points, and what the
    // quick check calls normal is (it may call a normal path not normal: then only time is lost).
    if (!normalizePath(rawPath, normal)) continue;
    std::string again;
    if (!normalizePath(normal, again) || again != normal) {
      std::fprintf(stderr, "normal form of '%s' is '%s', not stable ('%s')\n", rawPath.c_str(), normal.c_str(), again.c_str());
      std::abort();
    }
    if (isNormalPath(rawPath) && normal != rawPath) {
      std::fprintf(stderr, "'%s' is called normal but normalises to '%s'\n", rawPath.c_str(), normal.c_str());
      std::abort();
    }
    MatchInput input;
    input.method = method;
    input.host = requestHost;
    input.path = normal;
    input.protocol = in.flag() ? kHttps : kHttp;
    input.sni = sni;
    input.headerContext = &headers;
    input.header = &RequestHeaders::lookup;
    const MatchResult got = router.match(input);
    const MatchResult want = referenceMatch(order, input, headers);
    if (got.matched != want.matched || got.index != want.index || got.protocolMismatch != want.protocolMismatch ||
        got.matchedPathLength != want.matchedPathLength || got.regexPath != want.regexPath) {
      std::fprintf(stderr, "%s %s%s (host %s): router picked %d route %zu (length %zu), Kong's order %d route %zu (length %zu)\n",
                   method.c_str(), requestHost.c_str(), normal.c_str(), requestHost.c_str(), got.matched, got.index, got.matchedPathLength,
                   want.matched, want.index, want.matchedPathLength);
      for (const auto& s : specs) {
        std::fprintf(stderr, "  route %zu created %lld prio %lld:", s.index, static_cast<long long>(s.createdAt),
                     static_cast<long long>(s.regexPriority));
        for (const auto& m : s.methods) std::fprintf(stderr, " method=%s", m.c_str());
        for (const auto& h : s.hosts) std::fprintf(stderr, " host=%s", h.c_str());
        for (const auto& p : s.paths) std::fprintf(stderr, " path=%s", p.c_str());
        for (const auto& [n, vs] : s.headers) std::fprintf(stderr, " header=%s(%zu)", n.c_str(), vs.size());
        std::fprintf(stderr, "\n");
      }
      std::abort();
    }
  }
  return 0;
}
