#include "plugins/plugin_storage.h"

#include "model/registry.h"
#include "store/migrations.h"
#include "store/database.h"
#include "store/store.h"

namespace sluice::plugins {

void installPluginStorage(const PluginCatalog& catalog) {
  for (const PluginFactory& factory : catalog.factories()) {
    if (!factory.daos) continue;
    for (const auto* entity : factory.daos->entities) model::addEntity(*entity);
    store::addMigrations(factory.daos->migrations, factory.daos->tables);
  }
}

namespace {

class StoreRowWriter final : public PluginRowWriter {
 public:
  explicit StoreRowWriter(store::Store& store) : store_(store) {}
  core::Status insert(const std::string& entity, const nlohmann::json& row) override {
    const schema::EntitySchema* schema = model::findEntity(entity);
    if (!schema) return core::Error::badRequest("no entity " + entity);
    auto written = store_.insert(*schema, row);
    if (!written) return written.error();
    return core::Ok{};
  }
  core::Status remove(const std::string& entity, const std::string& id) override {
    const schema::EntitySchema* schema = model::findEntity(entity);
    if (!schema) return core::Error::badRequest("no entity " + entity);
    return store_.remove(*schema, id);
  }
  core::Status removeExpired(const std::string& entity, int64_t now) override {
    const schema::EntitySchema* schema = model::findEntity(entity);
    if (!schema || !schema->ttl) return core::Error::badRequest("no entity with a ttl named " + entity);
    return store_.transaction([&](store::Database& db) -> core::Status {
      auto done = db.query("DELETE FROM " + schema->name + " WHERE ttl > 0 AND created_at + ttl <= " + db.placeholder(1), {now});
      if (!done) return done.error();
      return core::Ok{};
    });
  }

 private:
  store::Store& store_;
};

}  // namespace

std::shared_ptr<PluginRowWriter> storeRowWriter(store::Store& store) { return std::make_shared<StoreRowWriter>(store); }

}  // namespace sluice::plugins
