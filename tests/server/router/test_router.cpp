// Kong's traditional router: each matching and ordering rule of ../shared/kong-semantics.md 1.2.
#include "router/path_normalizer.h"
#include "router/router.h"

#include <QtTest>

#include <map>

using namespace sluice::router;

namespace {

struct Request {
  Request(std::string m = "GET", std::string h = "example.com", std::string p = "/", Protocol pr = kHttp,
          std::string s = {})
      : method(std::move(m)), host(std::move(h)), path(std::move(p)), protocol(pr), sni(std::move(s)) {}
  std::string method, host, path;
  Protocol protocol;
  std::string sni;
  std::map<std::string, std::string> headers;
};

std::string_view lookup(const void* ctx, std::string_view name) {
  const auto* headers = static_cast<const std::map<std::string, std::string>*>(ctx);
  for (const auto& [k, v] : *headers)
    if (k == name) return v;
  return {};
}

MatchResult route(const Router& router, const Request& r, std::vector<std::string_view>* captures = nullptr) {
  MatchInput in;
  in.method = r.method;
  in.host = r.host;
  in.path = r.path;
  in.protocol = r.protocol;
  in.sni = r.sni;
  in.headerContext = &r.headers;
  in.header = lookup;
  return router.match(in, captures);
}

RouteSpec spec(size_t index, std::vector<std::string> paths = {}, std::vector<std::string> hosts = {},
               std::vector<std::string> methods = {}) {
  RouteSpec s;
  s.index = index;
  s.createdAt = static_cast<int64_t>(index);
  s.paths = std::move(paths);
  s.hosts = std::move(hosts);
  s.methods = std::move(methods);
  return s;
}

int matched(const Router& router, const Request& r) {
  const auto m = route(router, r);
  return m.matched ? static_cast<int>(m.index) : -1;
}

}  // namespace

class TestRouter : public QObject {
  Q_OBJECT

 private slots:
  void everyConfiguredFieldMustMatch() {
    const Router r = Router::build({spec(1, {"/api"}, {"example.com"}, {"GET", "POST"})});
    QCOMPARE(matched(r, {"GET", "example.com", "/api/x"}), 1);
    QCOMPARE(matched(r, {"POST", "EXAMPLE.com", "/api"}), 1);
    QCOMPARE(matched(r, {"DELETE", "example.com", "/api"}), -1);
    QCOMPARE(matched(r, {"GET", "other.com", "/api"}), -1);
    QCOMPARE(matched(r, {"GET", "example.com", "/ap"}), -1);
  }

  void prefixesAreRawStringPrefixes() {
    const Router r = Router::build({spec(1, {"/foo"})});
    QCOMPARE(matched(r, {"GET", "h", "/foobar"}), 1);
    QCOMPARE(route(r, {"GET", "h", "/foo/x"}).matchedPathLength, size_t(4));
  }

  void longestPrefixWithinARouteIsReported() {
    const Router r = Router::build({spec(1, {"/a", "/a/b"})});
    QCOMPARE(route(r, {"GET", "h", "/a/b/c"}).matchedPathLength, size_t(4));
  }

  void moreFieldsWin() {
    // A route matching on host and path beats one matching on path only, whatever the order.
    const Router r = Router::build({spec(1, {"/p"}), spec(2, {"/p"}, {"example.com"})});
    QCOMPARE(matched(r, {"GET", "example.com", "/p"}), 2);
    QCOMPARE(matched(r, {"GET", "other.com", "/p"}), 1);
  }

  void plainHostsBeatWildcards() {
    const Router r = Router::build({spec(1, {}, {"*.example.com"}), spec(2, {}, {"api.example.com"})});
    QCOMPARE(matched(r, {"GET", "api.example.com", "/"}), 2);
    QCOMPARE(matched(r, {"GET", "www.example.com", "/"}), 1);
    QCOMPARE(matched(r, {"GET", "example.com", "/"}), -1);
  }

  void trailingWildcardsAndPorts() {
    const Router r = Router::build({spec(1, {}, {"example.*"}), spec(2, {}, {"ported.com:8080"})});
    QCOMPARE(matched(r, {"GET", "example.org", "/"}), 1);
    QCOMPARE(matched(r, {"GET", "ported.com:8080", "/"}), 2);
    QCOMPARE(matched(r, {"GET", "ported.com:9090", "/"}), -1);
    QCOMPARE(matched(r, {"GET", "example.org:1234", "/"}), 1);  // no port in the route: any port
  }

  void regexPathsBeatPrefixes() {
    const Router r = Router::build({spec(1, {"/orders"}), spec(2, {"~/orders/\\d+$"})});
    QCOMPARE(matched(r, {"GET", "h", "/orders/42"}), 2);
    QCOMPARE(matched(r, {"GET", "h", "/orders/x"}), 1);
  }

  void kong2RegexHeuristicAndCaptures() {
    const Router r = Router::build({spec(1, {"/users/(?<id>\\d+)/profile"})});
    std::vector<std::string_view> captures;
    const Request request("GET", "h", "/users/7/profile");  // captures are views into its path
    const auto m = route(r, request, &captures);
    QVERIFY(m.matched);
    QVERIFY(m.regexPath);
    QCOMPARE(captures.size(), size_t(1));
    QCOMPARE(captures[0], std::string_view("7"));
  }

  void regexPriorityOrdersRegexRoutes() {
    RouteSpec low = spec(1, {"~/a/.*"}), high = spec(2, {"~/a/b.*"});
    low.regexPriority = 1;
    high.regexPriority = 5;
    QCOMPARE(matched(Router::build({low, high}), {"GET", "h", "/a/bc"}), 2);
    high.regexPriority = 0;
    QCOMPARE(matched(Router::build({low, high}), {"GET", "h", "/a/bc"}), 1);
  }

  void longerPathsFirstThenOlderRoutes() {
    QCOMPARE(matched(Router::build({spec(1, {"/a"}), spec(2, {"/a/b"})}), {"GET", "h", "/a/b/c"}), 2);
    RouteSpec older = spec(5, {"/same"}), newer = spec(6, {"/same"});
    older.createdAt = 100;
    newer.createdAt = 200;
    QCOMPARE(matched(Router::build({newer, older}), {"GET", "h", "/same"}), 5);
  }

  void headersMatchAnyValueCaseInsensitively() {
    RouteSpec one = spec(1, {"/h"}), two = spec(2, {"/h"});
    one.headers = {{"X-Version", {"v1", "v2"}}};
    two.headers = {{"x-version", {"v2"}}, {"x-tenant", {"acme"}}};
    const Router r = Router::build({one, two});
    Request req{"GET", "h", "/h"};
    req.headers = {{"x-version", "V2"}};
    QCOMPARE(matched(r, req), 1);
    req.headers["x-tenant"] = "ACME";
    QCOMPARE(matched(r, req), 2);  // more headers first
    req.headers = {{"x-version", "v3"}};
    QCOMPARE(matched(r, req), -1);
  }

  void snisMatchTheTlsServerName() {
    RouteSpec s = spec(1, {"/s"});
    s.snis = {"secure.example"};
    s.protocols = kHttps;
    const Router r = Router::build({s});
    Request req{"GET", "h", "/s", kHttps, "secure.example"};
    QCOMPARE(matched(r, req), 1);
    req.sni = "other.example";
    QCOMPARE(matched(r, req), -1);
  }

  void wrongProtocolIsFlaggedForRedirect() {
    RouteSpec s = spec(1, {"/tls"});
    s.protocols = kHttps;
    const auto m = route(Router::build({s}), {"GET", "h", "/tls"});
    QVERIFY(m.matched);
    QVERIFY(m.protocolMismatch);
  }

  void invalidRegexesAreReportedAndSkipped() {
    std::vector<RouterError> errors;
    const Router r = Router::build({spec(1, {"~/(unclosed"}), spec(2, {"/ok"})}, &errors);
    QCOMPARE(errors.size(), size_t(1));
    QCOMPARE(r.size(), size_t(1));
  }

  void manyHostsUseTheIndex() {
    std::vector<RouteSpec> specs;
    for (size_t i = 0; i < 1000; ++i) specs.push_back(spec(i, {"/"}, {"host" + std::to_string(i) + ".example"}));
    specs.push_back(spec(5000, {"/fallback"}));
    const Router r = Router::build(specs);
    QCOMPARE(matched(r, {"GET", "host777.example", "/x"}), 777);
    QCOMPARE(matched(r, {"GET", "nobody.example", "/fallback"}), 5000);
  }

  void indexedRegexesStillMatchLikeRegexes() {
    // Optional characters, groups and alternations around the literal part of a pattern.
    const Router r = Router::build({spec(1, {"~/a?b$"}), spec(2, {"~/(x|y)z"}), spec(3, {"~/foo|/bar"}),
                                    spec(4, {"~/items/\\d+"}), spec(5, {"/items"})});
    QCOMPARE(matched(r, {"GET", "h", "/b"}), 1);
    QCOMPARE(matched(r, {"GET", "h", "/ab"}), 1);
    QCOMPARE(matched(r, {"GET", "h", "/yz"}), 2);
    QCOMPARE(matched(r, {"GET", "h", "/bar"}), 3);
    QCOMPARE(matched(r, {"GET", "h", "/items/12"}), 4);
    QCOMPARE(matched(r, {"GET", "h", "/items/x"}), 5);
  }

  void orderHoldsAcrossIndexes() {
    // A host route, a plain prefix and a regex compete: Kong's order decides, not the index used.
    RouteSpec host = spec(1, {"/api"}, {"example.com"});
    RouteSpec regex = spec(2, {"~/api/v\\d+"});
    RouteSpec plain = spec(3, {"/api/v1"});
    const Router r = Router::build({plain, regex, host});
    QCOMPARE(matched(r, {"GET", "example.com", "/api/v1"}), 1);
    QCOMPARE(matched(r, {"GET", "other.com", "/api/v1"}), 2);
    QCOMPARE(matched(r, {"GET", "other.com", "/api/vx"}), -1);
  }

  void explainAgreesWithMatch() {
    // A mix of every field kind; for each request, the first route explain() finds no failing rule
    // in (or the protocol alone) is the one match() picks, and a route's failures name its rules.
    std::vector<RouteSpec> specs;
    const std::vector<std::string> hosts = {"a.com", "*.b.com", "c.*"}, paths = {"/x", "/x/y", "~/x/\\d+$", "/z"};
    size_t index = 0;
    for (const auto& h : hosts)
      for (const auto& p : paths) {
        specs.push_back(spec(index++, {p}, {h}));
        specs.push_back(spec(index++, {p}, {}, {"POST"}));
      }
    RouteSpec header = spec(index++, {"/x"});
    header.headers = {{"x-v", {"2"}}};
    specs.push_back(header);
    RouteSpec tls = spec(index++, {"/z"});
    tls.protocols = kHttps;
    specs.push_back(tls);
    const Router r = Router::build(specs);
    for (const std::string host : {"a.com", "w.b.com", "c.org", "d.net"})
      for (const std::string path : {"/x", "/x/y/z", "/x/12", "/z", "/q"})
        for (const std::string method : {"GET", "POST"}) {
          Request req(method, host, path);
          req.headers["x-v"] = "2";
          MatchInput in;
          in.method = req.method;
          in.host = req.host;
          in.path = req.path;
          in.protocol = req.protocol;
          in.headerContext = &req.headers;
          in.header = lookup;
          const auto explained = r.explain(in);
          QCOMPARE(explained.size(), r.size());
          int first = -1;
          for (const auto& e : explained)
            if (e.failed.empty() || (e.failed.size() == 1 && e.failed[0].rule == "protocol")) {
              first = static_cast<int>(e.index);
              break;
            }
          QCOMPARE(first, matched(r, req));
          for (size_t i = 1; i < explained.size(); ++i) QCOMPARE(explained[i].position, explained[i - 1].position + 1);
        }
    // One request, its failures rule by rule.
    Request post("GET", "zzz.org", "/x/y");
    MatchInput in;
    in.method = post.method;
    in.host = post.host;
    in.path = post.path;
    in.protocol = kHttp;
    in.headerContext = &post.headers;
    in.header = lookup;
    for (const auto& e : r.explain(in)) {
      std::vector<std::string> rules;
      for (const auto& f : e.failed) rules.push_back(f.rule);
      if (e.index == 1) QCOMPARE(rules, (std::vector<std::string>{"method"}));          // /x, POST
      if (e.index == 0) QCOMPARE(rules, (std::vector<std::string>{"host"}));            // a.com /x
      if (e.index == 4) QCOMPARE(rules, (std::vector<std::string>{"host", "path"}));    // a.com ~/x/\d+$
      if (e.index == header.index) QCOMPARE(rules, (std::vector<std::string>{"header"}));
    }
  }

  void whyBeforeNamesTheTieBreaker() {
    const Router r = Router::build({spec(0, {"/a"}, {"h.com"}), spec(1, {"/a/longer"}), spec(2, {"/a"}), spec(3, {"~/a/\\d+"})});
    // Order: host+path, then the regex, then the longer prefix, then the shorter one.
    QVERIFY(r.whyBefore(0, 1).find("more fields") != std::string::npos);
    QVERIFY(r.whyBefore(1, 2).find("regex") != std::string::npos);
    QVERIFY(r.whyBefore(2, 3).find("longer path") != std::string::npos);
  }

  void pathsAreNormalised() {
    std::string out;
    QVERIFY(isNormalPath("/a/b"));
    QVERIFY(!isNormalPath("/a/../b"));
    QVERIFY(normalizePath("/a/./b/../c//d", out));
    QCOMPARE(out, std::string("/a/c/d"));
    QVERIFY(normalizePath("/%7euser/%2f%41", out));
    QCOMPARE(out, std::string("/~user/%2FA"));
    QVERIFY(normalizePath("/../..", out));
    QCOMPARE(out, std::string("/"));
    QVERIFY(!normalizePath("/bad%zz", out));
  }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "test_router.moc"
