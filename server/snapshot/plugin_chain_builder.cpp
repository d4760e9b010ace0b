#include "snapshot/plugin_chain_builder.h"

#include "model/entities.h"
#include "model/registry.h"
#include "schema/validator.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace sluice::snapshot {
namespace {

using nlohmann::json;
using plugins::ChainEntry;
using plugins::PluginInstance;

std::string foreignId(const json& row, const char* field) {
  const auto it = row.find(field);
  return it != row.end() && it->is_object() ? it->at("id").get<std::string>() : std::string();
}

// An instance with its scope, grouped by plugin name for the per-route pass.
struct Scoped {
  const PluginInstance* instance;
  std::string route, service, consumer;
};

struct Group {
  int priority = 0;
  std::string name;
  std::unordered_map<std::string, std::vector<const Scoped*>> byRoute, byService;
  std::vector<const Scoped*> unscoped;  // neither route nor service (global, or consumer only)
};

uint8_t rankFor(const Scoped& s, const std::string& route, const std::string& service) {
  const bool r = !s.route.empty(), sv = !s.service.empty(), c = !s.consumer.empty();
  if (r && s.route != route) return plugins::kNone;
  if (sv && s.service != service) return plugins::kNone;
  if (c) return r && sv ? plugins::kConsumerRouteService : r ? plugins::kConsumerRoute : sv ? plugins::kConsumerService : plugins::kConsumerOnly;
  return r && sv ? plugins::kRouteService : r ? plugins::kRouteOnly : sv ? plugins::kServiceOnly : plugins::kGlobal;
}

ChainEntry entryFor(const Group& g, const std::string& route, const std::string& service,
                    const ConfigSnapshot& snap) {
  ChainEntry entry;
  std::map<size_t, ChainEntry::Override> overrides;
  const auto consider = [&](const Scoped* s) {
    const uint8_t rank = rankFor(*s, route, service);
    if (rank == plugins::kNone) return;
    entry.phases |= s->instance->phases;
    entry.readsRequestBody = entry.readsRequestBody || s->instance->readsRequestBody;
    if (s->consumer.empty()) {
      if (rank < entry.generalRank) {
        entry.generalRank = rank;
        entry.general = s->instance;
      }
      return;
    }
    const auto c = snap.consumerById.find(s->consumer);
    if (c == snap.consumerById.end()) return;
    auto [it, inserted] = overrides.try_emplace(c->second, ChainEntry::Override{c->second, rank, s->instance});
    if (!inserted && rank < it->second.rank) it->second = ChainEntry::Override{c->second, rank, s->instance};
  };
  if (!route.empty())
    if (const auto it = g.byRoute.find(route); it != g.byRoute.end())
      for (const Scoped* s : it->second) consider(s);
  if (!service.empty())
    if (const auto it = g.byService.find(service); it != g.byService.end())
      for (const Scoped* s : it->second) consider(s);
  for (const Scoped* s : g.unscoped) consider(s);
  for (auto& [consumer, o] : overrides) entry.overrides.push_back(o);
  return entry;
}

// Identifies a chain by the instances it holds, so routes with the same plugins share it.
std::string chainKey(const plugins::PluginChain& chain) {
  std::string key;
  for (const auto& e : chain.entries) {
    key += e.general ? e.general->id : "-";
    for (const auto& o : e.overrides) key += "," + std::to_string(o.consumer) + ":" + o.instance->id;
    key += ";";
  }
  return key;
}

uint8_t protocolsOf(const json& row) {
  uint8_t mask = 0;
  if (const auto it = row.find("protocols"); it != row.end() && it->is_array())
    for (const auto& p : *it) {
      if (p == "http") mask |= router::kHttp;
      if (p == "https") mask |= router::kHttps;
      if (p == "grpc") mask |= router::kGrpc;
      if (p == "grpcs") mask |= router::kGrpcs;
    }
  return mask;
}

}  // namespace

core::Status compilePlugins(const EntityMirror& mirror, const plugins::PluginCatalog& catalog, ConfigSnapshot& snap,
                            plugins::NodeState& node) {
  for (const auto& c : mirror.visible(model::consumers())) {
    ConsumerRuntime rt;
    rt.id = c.at("id").get<std::string>();
    if (c.contains("username") && c["username"].is_string()) rt.username = c["username"].get<std::string>();
    if (c.contains("custom_id") && c["custom_id"].is_string()) rt.customId = c["custom_id"].get<std::string>();
    snap.consumerById.emplace(rt.id, snap.consumers.size());
    if (!rt.username.empty()) snap.consumerByUsername.emplace(rt.username, snap.consumers.size());
    snap.consumers.push_back(std::move(rt));
  }
  const auto& rows = mirror.rows(model::plugins());

  // Plugin-owned entities are read once, on first use by a factory.
  std::map<std::string, std::vector<json>> owned;
  plugins::BuildContext context(snap, [&](const std::string& name) -> const std::vector<json>& {
    auto it = owned.find(name);
    if (it != owned.end()) return it->second;
    auto& slot = owned[name];
    if (const auto* schema = model::findEntity(name)) slot = mirror.visible(*schema);
    return slot;
  }, node);

  std::vector<Scoped> scoped;
  scoped.reserve(rows.size());
  for (const auto& [rowId, entry] : rows) {
    const json& row = entry.value;
    if (!row.value("enabled", true)) continue;
    const std::string name = row.at("name").get<std::string>();
    const plugins::PluginFactory* factory = catalog.find(name);
    if (!factory || !factory->create) {
      Poco::Logger::get("sluice.plugins").warning("plugin %s (%s) is configured but not available in this build: skipped", name,
                                                  row.at("id").get<std::string>());
      continue;
    }
    context.setPluginId(row.at("id").get<std::string>());
    // A field sent as null keeps null in the store (as in Kong); the handler gets the default instead.
    const schema::PluginSchema* declared = catalog.schema(name);
    const json config = declared ? schema::defaultsForNulls(declared->config, row.at("config")) : row.at("config");
    plugins::PluginCreateResult created = core::Error::badRequest("not created");
    try {
      created = factory->create(config, context);
    } catch (const std::exception& e) {
      created = core::Error::badRequest(std::string("unusable configuration: ") + e.what());
    }
    if (!created) {
      Poco::Logger::get("sluice.plugins").error("plugin %s (%s): %s", name, row.at("id").get<std::string>(), created.error().message);
      continue;
    }
    auto instance = std::make_unique<PluginInstance>();
    instance->id = row.at("id").get<std::string>();
    instance->name = name;
    instance->priority = factory->schema->priority;
    instance->protocols = protocolsOf(row);
    instance->plugin = std::move(*created);
    instance->phases = instance->plugin->phases();
    if (instance->phases & ~factory->phases)  // the catalog's table would not tell the truth
      Poco::Logger::get("sluice.plugins").error("plugin %s runs phases its catalog entry does not declare", name);
    instance->readsRequestBody = instance->plugin->readsRequestBody();
    scoped.push_back(Scoped{instance.get(), foreignId(row, "route"), foreignId(row, "service"), foreignId(row, "consumer")});
    snap.plugins.push_back(std::move(instance));
  }

  std::map<std::string, Group> groups;
  for (const Scoped& s : scoped) {
    Group& g = groups[s.instance->name];
    g.name = s.instance->name;
    g.priority = s.instance->priority;
    if (!s.route.empty()) g.byRoute[s.route].push_back(&s);
    else if (!s.service.empty()) g.byService[s.service].push_back(&s);
    else g.unscoped.push_back(&s);
  }
  std::vector<const Group*> ordered;
  for (const auto& [name, g] : groups) ordered.push_back(&g);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Group* a, const Group* b) { return a->priority > b->priority; });

  const auto build = [&](const std::string& route, const std::string& service) {
    plugins::PluginChain chain;
    for (const Group* g : ordered) {
      ChainEntry e = entryFor(*g, route, service, snap);
      if (!e.general && e.overrides.empty()) continue;
      chain.phases |= e.phases;
      chain.readsRequestBody = chain.readsRequestBody || e.readsRequestBody;
      chain.entries.push_back(std::move(e));
    }
    return chain;
  };
  snap.chains.assign(1, build({}, {}));
  std::unordered_map<std::string, size_t> known{{chainKey(snap.chains[0]), 0}};
  for (auto& route : snap.routes) {
    const std::string service = route.service >= 0 ? snap.services[static_cast<size_t>(route.service)].id : std::string();
    plugins::PluginChain chain = build(route.id, service);
    const std::string key = chainKey(chain);
    const auto [it, inserted] = known.try_emplace(key, snap.chains.size());
    if (inserted) snap.chains.push_back(std::move(chain));
    route.chain = it->second;
  }
  return core::Ok{};
}

}  // namespace sluice::snapshot
