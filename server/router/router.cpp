#include "router/router.h"

#include "http/http_types.h"

#include <algorithm>
#include <bit>

namespace sluice::router {
namespace {

// Kong's category bits (router.lua MATCH_RULES) and sub-match weights (MATCH_SUBRULES).
constexpr uint32_t kHost = 0x40, kHeader = 0x20, kUri = 0x10, kMethod = 0x08, kSni = 0x04;
constexpr uint32_t kHasRegexUri = 0x01, kPlainHostsOnly = 0x02, kWildcardHostPort = 0x04;


// Kong 2.x treats a path with characters outside [a-zA-Z0-9._~/%-] as a regex; 3.x marks regexes "~".
bool isRegexPath(std::string_view p, std::string& pattern) {
  if (!p.empty() && p.front() == '~') {
    pattern = std::string(p.substr(1));
    return true;
  }
  for (unsigned char c : p)
    if (!(std::isalnum(c) || std::string_view("._~/%-").find(c) != std::string_view::npos)) {
      pattern = std::string(p);
      return true;
    }
  return false;
}

// The literal text every match of an anchored pattern starts with ("/orders/" for
// "/orders/(?<id>\d+)$"); empty when it cannot tell (alternation, a leading metacharacter).
std::string literalPrefix(std::string_view pattern) {
  if (pattern.find('|') != std::string_view::npos) return {};
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (std::string_view("\\.[()^$?*+{").find(c) != std::string_view::npos) {
      if ((c == '?' || c == '*' || c == '{') && !out.empty()) out.pop_back();  // the previous character is optional
      break;
    }
    out.push_back(c);
  }
  return out;
}

void splitHostPort(std::string_view host, std::string_view& name, std::string_view& port) {
  port = {};
  if (!host.empty() && host.front() == '[') {  // [v6]:port
    const auto close = host.find(']');
    name = host.substr(0, close == std::string_view::npos ? host.size() : close + 1);
    if (close != std::string_view::npos && close + 2 < host.size() + 1 && close + 1 < host.size() && host[close + 1] == ':')
      port = host.substr(close + 2);
    return;
  }
  const auto colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(':') == colon) {
    name = host.substr(0, colon);
    port = host.substr(colon + 1);
  } else {
    name = host;
  }
}

}  // namespace

Router Router::build(std::vector<RouteSpec> specs, std::vector<RouterError>* errors) {
  Router router;
  router.routes_.reserve(specs.size());
  for (auto& spec : specs) {
    Compiled c;
    c.index = spec.index;
    c.protocols = spec.protocols;
    c.createdAt = spec.createdAt;
    c.regexPriority = spec.regexPriority;
    c.methods = std::move(spec.methods);
    c.snis = spec.snis;
    for (auto& s : c.snis) s = http::toLower(s);
    c.category = (spec.hosts.empty() ? 0 : kHost) | (spec.headers.empty() ? 0 : kHeader) |
                 (spec.paths.empty() ? 0 : kUri) | (c.methods.empty() ? 0 : kMethod) | (c.snis.empty() ? 0 : kSni);
    bool plainHostsOnly = !spec.hosts.empty(), wildcardWithPort = false;
    for (const auto& h : spec.hosts) {
      Host host;
      std::string_view name, port;
      splitHostPort(h, name, port);
      host.port = std::string(port);
      host.name = http::toLower(name);
      if (host.name.rfind("*.", 0) == 0) {
        host.kind = Host::LeadingWildcard;
        host.name = host.name.substr(1);  // ".example.com"
      } else if (host.name.size() > 2 && host.name.compare(host.name.size() - 2, 2, ".*") == 0) {
        host.kind = Host::TrailingWildcard;
        host.name.pop_back();  // "example."
      }
      if (host.kind != Host::Exact) {
        plainHostsOnly = false;
        wildcardWithPort = wildcardWithPort || !host.port.empty();
      }
      c.hosts.push_back(std::move(host));
    }
    bool hasRegex = false, broken = false;
    std::vector<Path> prefixes;
    c.maxPathLength = 0;
    for (const auto& p : spec.paths) {
      std::string pattern;
      if (isRegexPath(p, pattern)) {
        std::string error;
        auto re = Regex::compile(pattern, &error);
        if (!re) {
          if (errors) errors->push_back({spec.index, "invalid regex '" + p + "': " + error});
          broken = true;
          break;
        }
        hasRegex = true;
        c.paths.push_back(Path{pattern, std::move(re)});
      } else {
        prefixes.push_back(Path{p, std::nullopt});
      }
      c.maxPathLength = std::max(c.maxPathLength, p.size());
    }
    if (broken) continue;
    std::stable_sort(prefixes.begin(), prefixes.end(),
                     [](const Path& a, const Path& b) { return a.prefix.size() > b.prefix.size(); });
    for (auto& p : prefixes) c.paths.push_back(std::move(p));
    for (auto& [name, values] : spec.headers) {
      std::vector<std::string> lowered;
      for (const auto& v : values) lowered.push_back(http::toLower(v));
      c.headers.emplace_back(http::toLower(name), std::move(lowered));
    }
    c.submatch = (hasRegex ? kHasRegexUri : 0) | (plainHostsOnly ? kPlainHostsOnly : 0) |
                 (wildcardWithPort ? kWildcardHostPort : 0);
    router.routes_.push_back(std::move(c));
  }

  // Kong's order. The routes are sorted by position (moving 10,000 routes through a merge sort
  // costs more than the comparisons), then moved once into place.
  std::vector<uint32_t> order(router.routes_.size());
  std::vector<int> weight(router.routes_.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    order[i] = i;
    weight[i] = std::popcount(router.routes_[i].category);
  }
  std::stable_sort(order.begin(), order.end(), [&](uint32_t ia, uint32_t ib) {
    const Compiled& a = router.routes_[ia];
    const Compiled& b = router.routes_[ib];
    const int wa = weight[ia], wb = weight[ib];
    if (wa != wb) return wa > wb;
    if (a.category != b.category) return a.category > b.category;
    if (a.submatch != b.submatch) return a.submatch > b.submatch;
    if (a.headers.size() != b.headers.size()) return a.headers.size() > b.headers.size();
    if ((a.submatch & kHasRegexUri) && a.regexPriority != b.regexPriority) return a.regexPriority > b.regexPriority;
    if (a.maxPathLength != b.maxPathLength) return a.maxPathLength > b.maxPathLength;
    return a.createdAt < b.createdAt;
  });
  std::vector<Compiled> sorted;
  sorted.reserve(order.size());
  for (const uint32_t i : order) sorted.push_back(std::move(router.routes_[i]));
  router.routes_ = std::move(sorted);

  for (uint32_t i = 0; i < router.routes_.size(); ++i) {
    const auto& r = router.routes_[i];
    const bool exactOnly = !r.hosts.empty() && std::all_of(r.hosts.begin(), r.hosts.end(),
                                                            [](const Host& h) { return h.kind == Host::Exact; });
    if (!exactOnly) {
      // Plain prefixes, and regexes by their literal prefix, go into the trie.
      const bool indexable = !r.paths.empty() && std::all_of(r.paths.begin(), r.paths.end(), [](const Path& p) {
        return !p.regex || !literalPrefix(p.prefix).empty();
      });
      if (indexable) {
        for (const auto& p : r.paths) router.insertPrefix(p.regex ? literalPrefix(p.prefix) : p.prefix, i);
      } else {
        router.general_.push_back(i);
      }
      continue;
    }
    for (const auto& h : r.hosts) {
      auto& bucket = router.byExactHost_[h.name];
      if (bucket.empty() || bucket.back() != i) bucket.push_back(i);
    }
  }
  return router;
}

bool Router::matches(const Compiled& r, const MatchInput& in, std::string_view hostName, std::string_view hostPort,
                     MatchResult& out, std::vector<std::string_view>* captures) const {
  if (!r.methods.empty() &&
      std::none_of(r.methods.begin(), r.methods.end(), [&](const std::string& m) { return m == in.method; }))
    return false;
  if (!r.hosts.empty()) {
    bool ok = false;
    for (const auto& h : r.hosts) {
      if (!h.port.empty() && h.port != hostPort) continue;
      switch (h.kind) {
        case Host::Exact: ok = hostName == h.name; break;
        case Host::LeadingWildcard:
          ok = hostName.size() > h.name.size() && hostName.substr(hostName.size() - h.name.size()) == h.name;
          break;
        case Host::TrailingWildcard:
          ok = hostName.size() > h.name.size() && hostName.substr(0, h.name.size()) == h.name;
          break;
      }
      if (ok) break;
    }
    if (!ok) return false;
  }
  for (const auto& [name, values] : r.headers) {
    const std::string_view v = in.header ? in.header(in.headerContext, name) : std::string_view();
    if (v.empty() || std::none_of(values.begin(), values.end(),
                                  [&](const std::string& want) { return http::equalsIgnoreCase(v, want); }))
      return false;
  }
  if (!r.snis.empty() &&
      std::none_of(r.snis.begin(), r.snis.end(), [&](const std::string& s) { return http::equalsIgnoreCase(in.sni, s); }))
    return false;
  if (!r.paths.empty()) {
    bool ok = false;
    for (const auto& p : r.paths) {
      if (p.regex) {
        size_t end = 0;
        if (p.regex->matchPrefix(in.path, &end, captures)) {
          out.matchedPathLength = end;
          out.regexPath = true;
          ok = true;
          break;
        }
      } else if (in.path.size() >= p.prefix.size() && in.path.compare(0, p.prefix.size(), p.prefix) == 0) {
        out.matchedPathLength = p.prefix.size();
        out.regexPath = false;
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  out.matched = true;
  out.index = r.index;
  out.protocolMismatch = (r.protocols & in.protocol) == 0;
  return true;
}

void Router::insertPrefix(const std::string& prefix, uint32_t route) {
  uint32_t node = 0;
  for (char c : prefix) {
    auto& children = trie_[node].children;
    auto it = std::lower_bound(children.begin(), children.end(), c,
                               [](const std::pair<char, uint32_t>& e, char ch) { return e.first < ch; });
    if (it == children.end() || it->first != c) {
      const auto next = static_cast<uint32_t>(trie_.size());
      it = children.insert(it, {c, next});
      trie_.emplace_back();  // may move trie_: `children` is not used past this point
      node = next;
    } else {
      node = it->second;
    }
  }
  auto& routes = trie_[node].routes;
  if (routes.empty() || routes.back() != route) routes.push_back(route);
}

void Router::collectPrefixes(std::string_view path, std::vector<uint32_t>& out) const {
  uint32_t node = 0;
  out.insert(out.end(), trie_[0].routes.begin(), trie_[0].routes.end());  // an empty prefix matches every path
  for (char c : path) {
    const auto& children = trie_[node].children;
    auto it = std::lower_bound(children.begin(), children.end(), c,
                               [](const std::pair<char, uint32_t>& e, char ch) { return e.first < ch; });
    if (it == children.end() || it->first != c) return;
    node = it->second;
    out.insert(out.end(), trie_[node].routes.begin(), trie_[node].routes.end());
  }
}

MatchResult Router::match(const MatchInput& in, std::vector<std::string_view>* captures) const {
  std::string_view name, port;
  splitHostPort(in.host, name, port);
  char lowered[256];
  const size_t n = std::min(name.size(), sizeof lowered);
  for (size_t i = 0; i < n; ++i) lowered[i] = http::asciiLower(name[i]);
  const std::string_view hostName(lowered, n);

  // Candidates: the routes of this exact host, the plain-prefix routes whose prefix starts the
  // path, and the rest; walked together in match order (positions in routes_).
  static const std::vector<uint32_t> kNone;
  const std::vector<uint32_t>* bucket = &kNone;
  if (!byExactHost_.empty()) {
    auto it = byExactHost_.find(hostName);  // heterogeneous lookup: no allocation
    if (it != byExactHost_.end()) bucket = &it->second;
  }
  thread_local std::vector<uint32_t> prefixed;  // reused: no allocation once warm
  prefixed.clear();
  collectPrefixes(in.path, prefixed);
  std::sort(prefixed.begin(), prefixed.end());
  prefixed.erase(std::unique(prefixed.begin(), prefixed.end()), prefixed.end());
  MatchResult result;
  size_t a = 0, b = 0, c = 0;
  constexpr uint32_t kEnd = ~0u;
  for (;;) {
    const uint32_t x = a < bucket->size() ? (*bucket)[a] : kEnd;
    const uint32_t y = b < prefixed.size() ? prefixed[b] : kEnd;
    const uint32_t z = c < general_.size() ? general_[c] : kEnd;
    const uint32_t next = std::min({x, y, z});
    if (next == kEnd) break;
    if (next == x) ++a;
    if (next == y) ++b;
    if (next == z) ++c;
    if (matches(routes_[next], in, hostName, port, result, captures)) return result;
  }
  return MatchResult{};
}

}  // namespace sluice::router

namespace sluice::router {
namespace {

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::vector<std::string> fieldNames(uint32_t category) {
  std::vector<std::string> out;
  if (category & kHost) out.push_back("host");
  if (category & kHeader) out.push_back("header");
  if (category & kUri) out.push_back("path");
  if (category & kMethod) out.push_back("method");
  if (category & kSni) out.push_back("sni");
  return out;
}

std::string hostText(const std::string& name, const std::string& port, int kind) {
  std::string h = kind == 1 ? "*" + name : kind == 2 ? name + "*" : name;
  return port.empty() ? h : h + ":" + port;
}

}  // namespace

std::vector<RouteExplanation> Router::explain(const MatchInput& in) const {
  std::string_view hostName, hostPort;
  splitHostPort(in.host, hostName, hostPort);
  const std::string lowered = http::toLower(hostName);
  std::vector<RouteExplanation> out;
  out.reserve(routes_.size());
  for (size_t position = 0; position < routes_.size(); ++position) {
    const Compiled& r = routes_[position];
    RouteExplanation e;
    e.index = r.index;
    e.position = position;
    e.matchesOn = fieldNames(r.category);
    e.regexPriority = r.regexPriority;
    e.longestPath = r.maxPathLength;
    e.regexPath = (r.submatch & kHasRegexUri) != 0;
    // Each rule on its own (match() stops at the first that fails).
    MatchResult scratch;
    const auto alone = [&](auto&& edit) {
      Compiled only;
      only.index = r.index;
      only.protocols = r.protocols;
      edit(only);
      return matches(only, in, lowered, hostPort, scratch, nullptr);
    };
    if (!r.methods.empty() && !alone([&](Compiled& c) { c.methods = r.methods; }))
      e.failed.push_back({"method", std::string(in.method) + " is not one of " + joined(r.methods)});
    if (!r.hosts.empty() && !alone([&](Compiled& c) { c.hosts = r.hosts; })) {
      std::vector<std::string> names;
      for (const auto& h : r.hosts) names.push_back(hostText(h.name, h.port, static_cast<int>(h.kind)));
      e.failed.push_back({"host", (in.host.empty() ? std::string("no Host") : "Host " + std::string(in.host)) +
                                      " is not one of " + joined(names)});
    }
    for (const auto& header : r.headers)
      if (!alone([&](Compiled& c) { c.headers = {header}; })) {
        const std::string_view v = in.header ? in.header(in.headerContext, header.first) : std::string_view();
        e.failed.push_back({"header", v.empty() ? "no " + header.first + " header (wants " + joined(header.second) + ")"
                                                : header.first + ": " + std::string(v) + " is not one of " + joined(header.second)});
      }
    if (!r.snis.empty() && !alone([&](Compiled& c) { c.snis = r.snis; }))
      e.failed.push_back({"sni", (in.sni.empty() ? std::string("no SNI (a TLS request's server name)") : "SNI " + std::string(in.sni)) +
                                     " is not one of " + joined(r.snis)});
    if (!r.paths.empty() && !alone([&](Compiled& c) { c.paths = r.paths; })) {
      std::vector<std::string> patterns;
      for (const auto& p : r.paths) patterns.push_back(p.regex ? "~" + p.prefix : p.prefix);
      e.failed.push_back({"path", std::string(in.path) + " starts with none of " + joined(patterns)});
    }
    if ((r.protocols & in.protocol) == 0) {
      std::vector<std::string> names;
      if (r.protocols & kHttp) names.push_back("http");
      if (r.protocols & kHttps) names.push_back("https");
      e.failed.push_back({"protocol", std::string(in.protocol == kHttps ? "https" : "http") + " is not one of " + joined(names)});
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::string Router::whyBefore(size_t ahead, size_t behind) const {
  const Compiled& a = routes_[ahead];
  const Compiled& b = routes_[behind];
  const int wa = std::popcount(a.category), wb = std::popcount(b.category);
  if (wa != wb)
    return "it matches on more fields (" + joined(fieldNames(a.category)) + " against " + joined(fieldNames(b.category)) + ")";
  if (a.category != b.category)
    return "as many fields, and Kong tries " + joined(fieldNames(a.category)) + " before " + joined(fieldNames(b.category));
  if (a.submatch != b.submatch) {
    if ((a.submatch & kHasRegexUri) != (b.submatch & kHasRegexUri)) return "a regex path is tried before plain prefixes";
    if ((a.submatch & kPlainHostsOnly) != (b.submatch & kPlainHostsOnly)) return "plain hosts are tried before wildcards";
    return "a wildcard host with a port is tried before one without";
  }
  if (a.headers.size() != b.headers.size()) return "it matches on more headers";
  if ((a.submatch & kHasRegexUri) && a.regexPriority != b.regexPriority)
    return "higher regex_priority (" + std::to_string(a.regexPriority) + " against " + std::to_string(b.regexPriority) + ")";
  if (a.maxPathLength != b.maxPathLength)
    return "longer path (" + std::to_string(a.maxPathLength) + " characters against " + std::to_string(b.maxPathLength) + ")";
  return "created earlier";
}

}  // namespace sluice::router
