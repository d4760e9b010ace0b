// Router and snapshot figures at scale: builds N routes (default 10,000: host routes, prefix
// routes, header routes and some regex routes), then prints the router's compile time, the match
// time per request (median and p99 over a mixed request set), and the time to rebuild a whole
// snapshot from a SQLite store holding those routes.
//   router_bench [ROUTES]
#include "admin/admin_api.h"
#include "model/entities.h"
#include "plugins/plugin_catalog.h"
#include "router/router.h"
#include "snapshot/dns_cache.h"
#include "snapshot/snapshot_builder.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

using namespace sluice;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

router::RouteSpec specFor(size_t i) {
  router::RouteSpec s;
  s.index = i;
  s.createdAt = static_cast<int64_t>(i);
  switch (i % 4) {
    case 0: s.hosts = {"svc" + std::to_string(i) + ".example.com"}; s.paths = {"/"}; break;
    case 1: s.paths = {"/api/v1/resource" + std::to_string(i)}; break;
    case 2: s.paths = {"/h/" + std::to_string(i)}; s.headers = {{"x-tenant", {"t" + std::to_string(i)}}}; break;
    case 3:
      if (i % 40 == 3) s.paths = {"~/orders/" + std::to_string(i) + "/(?<id>\\d+)$"};
      else { s.paths = {"/p/" + std::to_string(i)}; s.methods = {"GET", "POST"}; }
      break;
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t routes = argc > 1 ? std::stoul(argv[1]) : 10000;
  std::vector<router::RouteSpec> specs;
  for (size_t i = 0; i < routes; ++i) specs.push_back(specFor(i));

  auto t0 = Clock::now();
  const router::Router router = router::Router::build(specs);
  const double buildMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  // Requests that hit each kind of route, and some that match nothing.
  struct Req { std::string host, path, tenant; };
  std::vector<Req> requests;
  std::mt19937 rng(42);
  for (int i = 0; i < 20000; ++i) {
    const size_t r = rng() % routes;
    Req q{"gateway.example.com", "/nothing", ""};
    switch (r % 4) {
      case 0: q.host = "svc" + std::to_string(r) + ".example.com"; q.path = "/x"; break;
      case 1: q.path = "/api/v1/resource" + std::to_string(r) + "/items"; break;
      case 2: q.path = "/h/" + std::to_string(r); q.tenant = "t" + std::to_string(r); break;
      case 3: q.path = r % 40 == 3 ? "/orders/" + std::to_string(r) + "/77" : "/p/" + std::to_string(r); break;
    }
    if (i % 10 == 0) q.path = "/no/such/route";
    requests.push_back(q);
  }
  std::vector<double> micros;
  size_t matched = 0;
  for (int round = 0; round < 5; ++round)
    for (const auto& q : requests) {
      router::MatchInput in;
      in.method = "GET";
      in.host = q.host;
      in.path = q.path;
      in.headerContext = &q.tenant;
      in.header = [](const void* ctx, std::string_view name) -> std::string_view {
        return name == "x-tenant" ? std::string_view(*static_cast<const std::string*>(ctx)) : std::string_view();
      };
      const auto s = Clock::now();
      const auto m = router.match(in);
      micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
      matched += m.matched;
    }

  // A store with the same number of services and routes, and a snapshot built from it.
  const std::string dir = std::filesystem::temp_directory_path() / ("sluice-router-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto db = store::SqliteDatabase::open(dir + "/bench.db");
  if (!db || !store::migrateUp(**db)) return 1;
  store::Store st(std::move(*db));
  const auto ctx = admin::serverValidationContext(plugins::builtinCatalog());
  std::vector<std::pair<const schema::EntitySchema*, nlohmann::json>> entities;
  for (size_t i = 0; i < routes; ++i) {
    auto service = schema::validateEntity(model::services(), {{"name", "s" + std::to_string(i)}, {"host", "127.0.0.1"}, {"port", 8080}}, ctx);
    const auto& spec = specs[i];
    nlohmann::json route{{"service", {{"id", (*service)["id"]}}}, {"paths", spec.paths}};
    if (!spec.hosts.empty()) route["hosts"] = spec.hosts;
    if (!spec.methods.empty()) route["methods"] = spec.methods;
    for (const auto& [name, values] : spec.headers) route["headers"][name] = values;
    auto r = schema::validateEntity(model::routes(), route, ctx);
    if (!service || !r) return 1;
    entities.emplace_back(&model::services(), *service);
    entities.emplace_back(&model::routes(), *r);
  }
  if (!st.applyAll(entities, true)) return 1;
  snapshot::DnsCache dns;
  std::vector<double> rebuilds, loads;
  for (int i = 0; i < 5; ++i) {
    const auto s = Clock::now();
    auto snap = snapshot::buildSnapshot(st, plugins::builtinCatalog(), 1, dns);
    if (!snap) return 1;
    rebuilds.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
  }
  // One write at a time, as the gateway applies it: the store commits, the mirror re-reads the
  // touched entity, a snapshot is built from the mirror.
  snapshot::EntityMirror mirror;
  {
    const auto s = Clock::now();
    if (!mirror.load(st)) return 1;
    loads.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
  }
  snapshot::CompiledEntities compiled;  // the previous build's, as the gateway keeps them
  if (!snapshot::buildSnapshot(mirror, plugins::builtinCatalog(), 1, dns, nullptr, nullptr, nullptr, &compiled)) return 1;
  std::vector<double> writes, refreshes, builds, routers;
  for (int i = 0; i < 21; ++i) {
    const auto& [schema, route] = entities[static_cast<size_t>(4 * i + 1)];
    nlohmann::json changed = route;
    changed["paths"] = {"/changed/" + std::to_string(i)};
    const auto s0 = Clock::now();
    if (!st.upsert(*schema, changed)) return 1;
    const auto s1 = Clock::now();
    if (!mirror.refresh(st, {{schema, changed["id"].get<std::string>()}})) return 1;
    const auto s2 = Clock::now();
    auto snap = snapshot::buildSnapshot(mirror, plugins::builtinCatalog(), 2 + static_cast<uint64_t>(i), dns, nullptr,
                                        nullptr, nullptr, &compiled);
    if (!snap) return 1;
    const auto s3 = Clock::now();
    writes.push_back(std::chrono::duration<double, std::milli>(s1 - s0).count());
    refreshes.push_back(std::chrono::duration<double, std::milli>(s2 - s1).count());
    builds.push_back(std::chrono::duration<double, std::milli>(s3 - s2).count());
    routers.push_back((*snap)->routerMilliseconds);
  }
  std::filesystem::remove_all(dir);

  std::printf("routes                      %zu\n", routes);
  std::printf("router compile              %.1f ms\n", buildMs);
  std::printf("router match   median       %.2f us\n", percentile(micros, 0.5));
  std::printf("router match   p99          %.2f us\n", percentile(micros, 0.99));
  std::printf("requests matched            %.0f%%\n", 100.0 * static_cast<double>(matched) / static_cast<double>(micros.size()));
  std::printf("snapshot from the store     %.0f ms median (whole store read, compile)\n", percentile(rebuilds, 0.5));
  std::printf("mirror load                 %.0f ms (start-up, or after a lost feed)\n", loads.front());
  std::printf("one write: commit           %.2f ms median\n", percentile(writes, 0.5));
  std::printf("one write: mirror refresh   %.2f ms median\n", percentile(refreshes, 0.5));
  std::printf("one write: snapshot build   %.1f ms median, %.1f ms max (target < 50)\n", percentile(builds, 0.5),
              *std::max_element(builds.begin(), builds.end()));
  std::printf("one write: router part      %.1f ms median (target < 20)\n", percentile(routers, 0.5));
  return 0;
}
