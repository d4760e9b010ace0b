// What the plugins keep in the database, declared in their folders (Kong's daos): installed at
// start, their entities join the registry (collections, nested paths, validation) and their
// migration steps the store's; a fresh SQLite database gets their tables from them, and a database
// made when the core's first step still created the credential tables migrates without harm.
#include "admin/admin_api.h"
#include "model/password_hash.h"
#include "model/registry.h"
#include "plugins/basic_auth/daos.h"
#include "plugins/key_auth/daos.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_storage.h"
#include "registry_probe.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace sluice;
using nlohmann::json;

namespace {

using testing::entityNames;
using testing::listedEntity;

json valid(const schema::EntitySchema& s, const json& input) {
  auto r = schema::validateEntity(s, input, admin::serverValidationContext(plugins::builtinCatalog()));
  if (!r) qWarning("unexpected error: %s", r.error().message.c_str());
  return r ? *r : json();
}

bool hasMigration(const std::string& name) {
  const auto& all = store::allMigrations();
  return std::any_of(all.begin(), all.end(), [&](const store::Migration& m) { return m.name == name; });
}

const json kConsumer{{"id", "6e1b4b0a-8f4e-4a0c-9d57-5a4c1c9b1d11"}};

}  // namespace

class TestPluginDaos : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QCOMPARE(listedEntity("key-auths"), QString("(none)"));  // the core alone has no credentials
    QVERIFY(!hasMigration("key-auth/000_base"));
    plugins::installPluginStorage(plugins::builtinCatalog());
    plugins::installPluginStorage(plugins::builtinCatalog());  // once is what counts
  }

  void credentialsJoinTheRegistry() {
    QCOMPARE(listedEntity("key-auths"), QString("keyauth_credentials"));
    QCOMPARE(listedEntity("consumers/6f0c/key-auth"), QString("keyauth_credentials"));
    QCOMPARE(listedEntity("basic-auths"), QString("basicauth_credentials"));
    QCOMPARE(listedEntity("jwts"), QString("jwt_secrets"));
    QCOMPARE(listedEntity("consumers/6f0c/acls"), QString("acls"));
    QCOMPARE(entityNames(model::nestedUnder("consumers")),
             (QStringList{"plugins", "oauth2_credentials", "keyauth_credentials", "basicauth_credentials", "jwt_secrets",
                          "hmacauth_credentials", "acls"}));
    QCOMPARE(model::ownerField("consumers/6f0c/jwt")->name, std::string("consumer"));
  }

  void theirStepsFollowTheCores() {
    const auto& all = store::allMigrations();
    const auto at = [&](const std::string& name) {
      return std::find_if(all.begin(), all.end(), [&](const store::Migration& m) { return m.name == name; }) - all.begin();
    };
    for (const char* step : {"key-auth/000_base", "basic-auth/000_base", "jwt/000_base", "hmac-auth/000_base", "acl/000_base",
                             "rate-limiting/000_counters", "oauth2/000_base", "oauth2/001_grants", "session/000_base"}) {
      QVERIFY2(hasMigration(step), step);
      QVERIFY(at(step) > at("004_kong28_configs"));
    }
    QCOMPARE(std::count_if(all.begin(), all.end(), [](const store::Migration& m) { return m.name == "key-auth/000_base"; }), 1L);
  }

  void basicAuthPasswordsAreHashed() {
    const json c = valid(plugins::basicauthCredentials(), {{"username", "u"}, {"password", "secret"}, {"consumer", kConsumer}});
    const std::string hash = c["password"];
    QVERIFY(hash != "secret");
    QVERIFY(model::verifyPassword("secret", hash));
    QVERIFY(!model::verifyPassword("other", hash));
    // An already hashed password (a PATCH that did not touch it) is kept as it is.
    QCOMPARE(valid(plugins::basicauthCredentials(), c)["password"], json(hash));
  }

  void keyAuthKeysAreGenerated() {
    const json k = valid(plugins::keyauthCredentials(), {{"consumer", kConsumer}});
    QCOMPARE(k["key"].get<std::string>().size(), size_t(32));
  }

  void aFreshDatabaseGetsThePluginsTables() {
    QTemporaryDir dir;
    auto db = store::SqliteDatabase::open((dir.path() + "/fresh.db").toStdString());
    QVERIFY(db);
    QVERIFY(store::bootstrap(**db));
    for (const char* table : {"keyauth_credentials", "basicauth_credentials", "jwt_secrets", "acls", "ratelimiting_counters"})
      QVERIFY2((*db)->tableExists(table), table);
    QVERIFY(store::resetDatabase(**db));
    QVERIFY(!(*db)->tableExists("keyauth_credentials"));
    QVERIFY(!(*db)->tableExists("ratelimiting_counters"));
  }

  void anOlderDatabaseMigratesWithoutHarm() {
    // As the core's first step left it: the credential tables already there, with a row.
    QTemporaryDir dir;
    auto db = store::SqliteDatabase::open((dir.path() + "/older.db").toStdString());
    QVERIFY(db);
    QVERIFY(store::bootstrap(**db));
    for (const char* step : {"key-auth/000_base", "basic-auth/000_base", "jwt/000_base", "hmac-auth/000_base", "acl/000_base",
                             "rate-limiting/000_counters"})
      QVERIFY((*db)->query("DELETE FROM sluice_migrations WHERE name = ?", {std::string(step)}));
    QVERIFY((*db)->execScript("INSERT INTO consumers (id, username) VALUES ('c1', 'alice');"
                              "INSERT INTO keyauth_credentials (id, consumer_id, \"key\") VALUES ('k1', 'c1', 'secret')"));
    const auto ran = store::migrateUp(**db);
    QVERIFY(ran);
    QCOMPARE(ran->size(), size_t{6});
    auto rows = (*db)->query("SELECT \"key\" FROM keyauth_credentials", {});
    QVERIFY(rows);
    QCOMPARE(rows->size(), size_t{1});  // kept
  }
};

QTEST_GUILESS_MAIN(TestPluginDaos)
#include "test_plugin_daos.moc"
