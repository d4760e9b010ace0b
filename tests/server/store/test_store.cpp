// The store suite, run on both backends: SQLite in a temp file and the PostgreSQL server of the
// test fixture (SLUICE_TEST_PG_PORT).
#include "admin/admin_api.h"
#include "model/entities.h"
#include "model/registry.h"
#include "plugins/acl/daos.h"
#include "plugins/basic_auth/daos.h"
#include "plugins/jwt/daos.h"
#include "plugins/key_auth/daos.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_storage.h"
#include "cluster/config_sync.h"
#include "snapshot/entity_mirror.h"
#include "store/migrations.h"
#include "store/postgres/postgres_database.h"
#include "store/sql_mapping.h"
#include "store/sqlite/sqlite_database.h"
#include "store/store.h"
#include "test_certificates.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <set>
#include <thread>

using namespace sluice;
using nlohmann::json;

class TestStore : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> dir_;
  std::unique_ptr<store::Store> store_;

  json make(const schema::EntitySchema& s, const json& input) {
    auto r = schema::validateEntity(s, input, admin::serverValidationContext(plugins::builtinCatalog()));
    if (!r) qFatal("invalid test entity: %s", r.error().message.c_str());
    return *r;
  }

  static json certificate(const std::string& sni) {
    const auto pair = test::selfSigned(QString::fromStdString(sni));
    return {{"cert", pair.cert.toStdString()}, {"key", pair.key.toStdString()}, {"snis", {sni}}};
  }

  json insert(const schema::EntitySchema& s, const json& input) {
    auto r = store_->insert(s, make(s, input));
    if (!r) qFatal("insert failed: %s", r.error().message.c_str());
    return *r;
  }

 private slots:
  void initTestCase_data() {
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << "sqlite";
    QTest::newRow("postgres") << "postgres";
  }

  void initTestCase() { plugins::installPluginStorage(plugins::builtinCatalog()); }  // credentials are the plugins'

  void init() {
    QFETCH_GLOBAL(QString, backend);
    std::unique_ptr<store::Database> db;
    if (backend == "sqlite") {
      dir_ = std::make_unique<QTemporaryDir>();
      auto opened = store::SqliteDatabase::open((dir_->path() + "/t.db").toStdString());
      QVERIFY(opened);
      db = std::move(*opened);
    } else {
      const QString port = qEnvironmentVariable("SLUICE_TEST_PG_PORT");
      if (port.isEmpty()) QSKIP("no PostgreSQL fixture (run through ctest)");
      store::PostgresSettings pg;
      pg.port = port.toInt();
      auto pgdb = std::make_unique<store::PostgresDatabase>(pg);
      QVERIFY2(pgdb->connect().ok(), "PostgreSQL fixture unreachable");
      QVERIFY(store::resetDatabase(*pgdb).ok());
      db = std::move(pgdb);
    }
    QVERIFY(store::migrateUp(*db).ok());
    store_ = std::make_unique<store::Store>(std::move(db));
  }

  void everySchemaFieldHasAColumn() {
    for (const auto* e : model::allEntities()) {
      auto columns = store_->database().columns(e->name);
      QVERIFY(columns);
      std::set<std::string> have(columns->begin(), columns->end());
      for (const auto& f : e->fields)
        QVERIFY2(have.count(store::columnName(f)), (e->name + "." + store::columnName(f) + " has no column").c_str());
      QCOMPARE(have.size(), e->fields.size());
    }
  }

  void migrationsAreRecorded() {
    auto state = store::migrationState(store_->database());
    QVERIFY(state);
    QVERIFY(state->bootstrapped);
    QVERIFY(state->pending.empty());
    QCOMPARE(state->executed.size(), store::allMigrations().size());
  }

  // An upgrade from a store that held fields Kong 2.8 does not have: migration 004 removes them
  // from stored plugin configurations and upstream health checks.
  void migrationDropsFieldsKong28LacksFromStoredConfigs() {
    auto& db = store_->database();
    const json plugin = insert(model::plugins(), {{"name", "rate-limiting"}, {"config", {{"minute", 5}}}});
    json stale = plugin["config"];
    stale["error_code"] = 503;
    stale["error_message"] = "slow";
    const json upstream = insert(model::upstreams(), {{"name", "old.internal"}});
    json checks = upstream["healthchecks"];
    checks["active"]["headers"] = {{"x-probe", {"1"}}};
    QVERIFY(db.query("UPDATE plugins SET config = " + db.placeholder(1) + " WHERE id = " + db.placeholder(2),
                     {stale.dump(), plugin["id"].get<std::string>()}));
    QVERIFY(db.query("UPDATE upstreams SET healthchecks = " + db.placeholder(1) + " WHERE id = " + db.placeholder(2),
                     {checks.dump(), upstream["id"].get<std::string>()}));
    QCOMPARE((**store_->get(model::plugins(), plugin["id"]))["config"]["error_code"].get<int>(), 503);  // as an old version left it
    QVERIFY(db.query("DELETE FROM sluice_migrations WHERE name = '004_kong28_configs'"));
    auto ran = store::migrateUp(db);
    QVERIFY(ran);
    QCOMPARE(ran->size(), size_t{1});
    const json config = (**store_->get(model::plugins(), plugin["id"]))["config"];
    QVERIFY(!config.contains("error_code") && !config.contains("error_message"));
    QCOMPARE(config["minute"].get<int>(), 5);
    const json health = (**store_->get(model::upstreams(), upstream["id"]))["healthchecks"];
    QVERIFY(!health["active"].contains("headers"));
    QCOMPARE(health["active"]["concurrency"].get<int>(), 10);
  }

  void everyFieldRoundTrips() {
    const json service = insert(model::services(), {{"name", "svc"},
                                                    {"url", "https://example.com:8443/api"},
                                                    {"tags", {"a", "b"}},
                                                    {"tls_verify", true},
                                                    {"tls_verify_depth", 3},
                                                    {"ca_certificates", {"6e1b4b0a-8f4e-4a0c-9d57-5a4c1c9b1d11"}}});
    auto got = store_->get(model::services(), service["id"]);
    QVERIFY(got && *got);
    QCOMPARE(QString::fromStdString((**got).dump()), QString::fromStdString(service.dump()));
    const json route = insert(model::routes(), {{"paths", {"/b", "/a"}},
                                                {"methods", {"GET"}},
                                                {"headers", {{"x-v", {"1", "2"}}}},
                                                {"service", {{"id", service["id"]}}}});
    auto gotRoute = store_->get(model::routes(), route["id"]);
    QCOMPARE((**gotRoute)["paths"], json({"/b", "/a"}));
    QCOMPARE((**gotRoute)["headers"], json({{"x-v", {"1", "2"}}}));
    QCOMPARE((**gotRoute)["strip_path"], json(true));
    const json upstream = insert(model::upstreams(), {{"name", "up"}});
    const json target = insert(model::targets(), {{"target", "10.0.0.1:80"}, {"upstream", {{"id", upstream["id"]}}}});
    auto gotTarget = store_->get(model::targets(), target["id"]);
    QVERIFY((**gotTarget)["created_at"].is_number());
    QVERIFY(std::abs((**gotTarget)["created_at"].get<double>() - target["created_at"].get<double>()) < 0.001);
  }

  void uniqueFieldsConflict() {
    insert(model::services(), {{"name", "dup"}, {"host", "h"}});
    auto again = store_->insert(model::services(), make(model::services(), {{"name", "dup"}, {"host", "h2"}}));
    QVERIFY(!again);
    QCOMPARE(again.error().code, core::ErrorCode::UniqueViolation);
    QCOMPARE(QString::fromStdString(again.error().message), QString("UNIQUE violation detected on '{name=\"dup\"}'"));
  }

  void primaryKeyConflictsOnInsert() {
    const json s = insert(model::services(), {{"host", "h"}});
    auto again = store_->insert(model::services(), make(model::services(), {{"id", s["id"]}, {"host", "h"}}));
    QVERIFY(!again);
    QCOMPARE(again.error().code, core::ErrorCode::PrimaryKeyViolation);
  }

  void danglingForeignKeysAreRejected() {
    auto r = store_->insert(model::routes(), make(model::routes(), {{"paths", {"/x"}},
                                                                    {"service", {{"id", "6e1b4b0a-8f4e-4a0c-9d57-5a4c1c9b1d11"}}}}));
    QVERIFY(!r);
    QCOMPARE(r.error().code, core::ErrorCode::ForeignKeyViolation);
    QCOMPARE(r.error().fields["service"]["id"], json("6e1b4b0a-8f4e-4a0c-9d57-5a4c1c9b1d11"));
  }

  void deletingAReferencedServiceIsRestricted() {
    const json s = insert(model::services(), {{"host", "h"}});
    const json r = insert(model::routes(), {{"paths", {"/x"}}, {"service", {{"id", s["id"]}}}});
    auto removed = store_->remove(model::services(), s["id"]);
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, core::ErrorCode::ForeignKeyViolation);
    QVERIFY(store_->remove(model::routes(), r["id"]).ok());
    QVERIFY(store_->remove(model::services(), s["id"]).ok());
  }

  void deletingAConsumerCascades() {
    const json c = insert(model::consumers(), {{"username", "alice"}});
    const json ref{{"id", c["id"]}};
    insert(plugins::keyauthCredentials(), {{"consumer", ref}});
    insert(plugins::basicauthCredentials(), {{"consumer", ref}, {"username", "alice"}, {"password", "pw"}});
    insert(plugins::acls(), {{"consumer", ref}, {"group", "admins"}});
    insert(plugins::jwtSecrets(), {{"consumer", ref}});
    insert(model::plugins(), {{"name", "rate-limiting"}, {"consumer", ref}, {"config", {{"minute", 5}}}});
    QVERIFY(store_->remove(model::consumers(), c["id"]).ok());
    for (const auto* e : {&plugins::keyauthCredentials(), &plugins::basicauthCredentials(), &plugins::acls(),
                          &plugins::jwtSecrets(), &model::plugins()}) {
      auto page = store_->list(*e, {});
      QVERIFY(page);
      QVERIFY2(page->data.empty(), e->name.c_str());
    }
  }

  void upstreamDeletionRemovesTargets() {
    const json u = insert(model::upstreams(), {{"name", "up"}});
    insert(model::targets(), {{"target", "a:1"}, {"upstream", {{"id", u["id"]}}}});
    QVERIFY(store_->remove(model::upstreams(), u["id"]).ok());
    QVERIFY(store_->list(model::targets(), {})->data.empty());
  }

  void pagesCoverEveryEntityOnceInOrder() {
    for (int i = 0; i < 25; ++i) insert(model::services(), {{"name", "s" + std::to_string(i)}, {"host", "h"}});
    store::ListQuery q;
    q.size = 10;
    std::vector<std::string> ids;
    int pages = 0;
    for (;;) {
      auto page = store_->list(model::services(), q);
      QVERIFY(page);
      ++pages;
      for (const auto& e : page->data) ids.push_back(e["id"]);
      if (!page->offset) break;
      q.offset = *page->offset;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(ids.size(), size_t(25));
    QVERIFY(std::is_sorted(ids.begin(), ids.end()));
    QCOMPARE(std::set<std::string>(ids.begin(), ids.end()).size(), size_t(25));
  }

  void tagsFilterWithAndOr() {
    insert(model::consumers(), {{"username", "a"}, {"tags", {"red", "big"}}});
    insert(model::consumers(), {{"username", "b"}, {"tags", {"red"}}});
    insert(model::consumers(), {{"username", "c"}, {"tags", {"blue"}}});
    store::ListQuery both;
    both.tags = {"red", "big"};
    QCOMPARE(store_->list(model::consumers(), both)->data.size(), size_t(1));
    store::ListQuery either;
    either.tags = {"big", "blue"};
    either.tagsAny = true;
    QCOMPARE(store_->list(model::consumers(), either)->data.size(), size_t(2));
  }

  void pluginScopesAreUnique() {
    const json s = insert(model::services(), {{"host", "h"}});
    const json plugin{{"name", "cors"}, {"service", {{"id", s["id"]}}}};
    insert(model::plugins(), plugin);
    auto again = store_->insert(model::plugins(), make(model::plugins(), plugin));
    QVERIFY(!again);
    QCOMPARE(again.error().code, core::ErrorCode::UniqueViolation);
    insert(model::plugins(), {{"name", "cors"}});  // global: another scope
  }

  void upsertReplacesAndKeepsCreatedAt() {
    json s = insert(model::services(), {{"name", "u"}, {"host", "h"}, {"created_at", 1000}});
    json replacement = make(model::services(), {{"id", s["id"]}, {"name", "u"}, {"host", "other"}, {"created_at", 5}});
    auto r = store_->upsert(model::services(), replacement);
    QVERIFY(r);
    QCOMPARE((*r)["host"], json("other"));
    QCOMPARE((*r)["created_at"], json(1000));
  }

  void writesBumpTheVersion() {
    const auto before = store_->version();
    insert(model::consumers(), {{"username", "v"}});
    QCOMPARE(store_->version(), before + 1);
  }

  void changesNameWhatTheyTouched() {
    std::vector<store::ChangeSet> seen;
    store_->onChange([&seen](const store::ChangeSet& c) { seen.push_back(c); });
    const json svc = insert(model::services(), {{"host", "h"}});
    QVERIFY(!store_->insert(model::services(), make(model::services(), {{"host", "h"}, {"id", svc["id"]}})));  // fails
    QVERIFY(store_->remove(model::services(), svc["id"]).ok());
    QVERIFY(store_->truncateAll().ok());
    QCOMPARE(seen.size(), size_t(3));  // the failed write announces nothing
    QCOMPARE(seen[0].touched.size(), size_t(1));
    QCOMPARE(seen[0].touched[0].schema, &model::services());
    QCOMPARE(seen[0].touched[0].id, svc["id"].get<std::string>());
    QVERIFY(!seen[0].everything);
    QCOMPARE(seen[1].touched[0].id, svc["id"].get<std::string>());
    QVERIFY(seen[2].everything);
    QCOMPARE(seen[2].version, store_->version());
  }

  // The in-memory mirror follows writes entity by entity, deletions with their cascades, and gives
  // an entity a new revision only when its contents change.
  // What a control plane's mirror records, replayed on a data plane's in-memory store: the whole
  // configuration, then changes (a cascade among them), leave both with the same hash.
  void controlPlaneChangesReplayOnADataPlane() {
    snapshot::EntityMirror mirror;
    std::vector<store::EntityRef> touched;
    store_->onChange([&touched](const store::ChangeSet& c) { touched.insert(touched.end(), c.touched.begin(), c.touched.end()); });
    const json c = insert(model::consumers(), {{"username", "alice"}});
    insert(plugins::keyauthCredentials(), {{"consumer", {{"id", c["id"]}}}, {"key", "alice-key"}});
    const json svc = insert(model::services(), {{"name", "echo"}, {"url", "http://127.0.0.1:9"}});
    insert(model::routes(), {{"name", "r1"}, {"paths", {"/one"}}, {"service", {{"id", svc["id"]}}}});
    insert(model::certificates(), certificate("a.example"));
    QVERIFY(mirror.load(*store_).ok());
    QVERIFY(mirror.takeChanges().everything);
    QCOMPARE(mirror.hash().size(), size_t(32));

    auto opened = store::SqliteDatabase::open(":memory:");
    QVERIFY(opened);
    QVERIFY(store::migrateUp(**opened).ok());
    store::Store dataPlane(std::move(*opened));
    snapshot::EntityMirror replica;
    const json whole = json::parse(cluster::reconfigureMessage(mirror, 1));
    QVERIFY(cluster::applyConfiguration(dataPlane, replica, whole["config"]).ok());
    QCOMPARE(replica.hash(), mirror.hash());
    QCOMPARE(whole["config_hash"].get<std::string>(), mirror.hash());
    auto served = dataPlane.listAll(model::routes());
    QVERIFY(served && served->size() == 1);
    auto certs = dataPlane.listAll(model::certificates());
    QVERIFY(certs && certs->size() == 1 && (*certs)[0]["snis"] == json({"a.example"}));

    touched.clear();
    insert(model::routes(), {{"name", "r2"}, {"paths", {"/two"}}, {"service", {{"id", svc["id"]}}}});
    QVERIFY(store_->remove(model::consumers(), c["id"]).ok());  // its key goes with it
    QVERIFY(mirror.refresh(*store_, touched).ok());
    const auto changes = mirror.takeChanges();
    QVERIFY(!changes.everything);
    QCOMPARE(changes.list.size(), size_t(3));  // the route, the consumer, its credential
    const json delta = json::parse(cluster::changesMessage(mirror, changes, 2));
    QVERIFY(cluster::applyChanges(dataPlane, replica, delta["changes"]).ok());
    QCOMPARE(replica.hash(), mirror.hash());
    QCOMPARE(delta["config_hash"].get<std::string>(), mirror.hash());
    served = dataPlane.listAll(model::routes());
    QVERIFY(served && served->size() == 2);
    auto consumers = dataPlane.listAll(model::consumers());
    QVERIFY(consumers && consumers->empty());
    auto keys = dataPlane.listAll(plugins::keyauthCredentials());
    QVERIFY(keys && keys->empty());

    // The hash is the contents', not the order's: emptied, it is Kong's empty hash again.
    snapshot::EntityMirror other;
    for (const auto* kind : model::allEntities())
      for (auto it = mirror.rows(*kind).rbegin(); it != mirror.rows(*kind).rend(); ++it) other.upsert(*kind, it->second.value);
    QCOMPARE(other.hash(), mirror.hash());
    other.clear();
    QCOMPARE(other.hash(), std::string(32, '0'));
  }

  void versionRule() {
    QVERIFY(!cluster::versionRefusal("1.4.0", "1.4.0"));
    QVERIFY(!cluster::versionRefusal("1.4.0", "1.4.7"));  // patch releases speak the same protocol
    QVERIFY(!cluster::versionRefusal("1.4.0", "1.2.0"));  // an older data plane is served
    QVERIFY(cluster::versionRefusal("1.4.0", "1.5.0")->find("newer than control plane version 1.4.0") != std::string::npos);
    QVERIFY(cluster::versionRefusal("1.4.0", "2.0.0"));
    QVERIFY(cluster::versionRefusal("1.4.0", "0.9.0"));
    QVERIFY(cluster::versionRefusal("1.4.0", ""));
  }

  void mirrorFollowsWritesAndCascades() {
    snapshot::EntityMirror mirror;
    QVERIFY(mirror.load(*store_).ok());
    QCOMPARE(mirror.size(), size_t(0));
    std::vector<store::EntityRef> touched;
    store_->onChange([&touched](const store::ChangeSet& c) { touched.insert(touched.end(), c.touched.begin(), c.touched.end()); });
    const json c = insert(model::consumers(), {{"username", "alice"}});
    const json ref{{"id", c["id"]}};
    const json key = insert(plugins::keyauthCredentials(), {{"consumer", ref}});
    insert(model::plugins(), {{"name", "rate-limiting"}, {"consumer", ref}, {"config", {{"minute", 5}}}});
    const json cert = insert(model::certificates(), certificate("a.example"));
    auto refreshed = mirror.refresh(*store_, touched);
    QVERIFY(refreshed && *refreshed);
    QCOMPARE(mirror.size(), size_t(4));
    QCOMPARE(mirror.rows(model::certificates()).at(cert["id"]).value["snis"], json({"a.example"}));
    const uint64_t revision = mirror.rows(model::consumers()).at(c["id"]).revision;

    refreshed = mirror.refresh(*store_, touched);  // nothing new: the same contents, the same revisions
    QVERIFY(refreshed && !*refreshed);
    QCOMPARE(mirror.rows(model::consumers()).at(c["id"]).revision, revision);
    auto reloaded = mirror.load(*store_);  // (a lost feed): read whole, the unchanged keep their revisions
    QVERIFY(reloaded && !*reloaded);
    QCOMPARE(mirror.rows(model::consumers()).at(c["id"]).revision, revision);
    QCOMPARE(mirror.size(), size_t(4));

    touched.clear();
    json renamed = c;
    renamed["username"] = "bob";
    QVERIFY(store_->upsert(model::consumers(), renamed));
    QVERIFY(mirror.refresh(*store_, touched).ok());
    QVERIFY(mirror.rows(model::consumers()).at(c["id"]).revision != revision);
    QCOMPARE(mirror.rows(model::consumers()).at(c["id"]).value["username"], json("bob"));

    touched.clear();
    QVERIFY(store_->remove(model::consumers(), c["id"]).ok());
    refreshed = mirror.refresh(*store_, touched);
    QVERIFY(refreshed && *refreshed);
    QVERIFY(mirror.rows(model::consumers()).empty());
    QVERIFY(mirror.rows(plugins::keyauthCredentials()).empty());  // cascaded
    QVERIFY(mirror.rows(model::plugins()).empty());
    QCOMPARE(mirror.size(), size_t(1));  // the certificate
    QVERIFY(!mirror.rows(plugins::keyauthCredentials()).count(key["id"]));
  }

  // On PostgreSQL every node hears which rows another wrote (a certificate's SNIs as the certificate).
  void feedNamesTheRowsWritten() {
    auto feed = store_->database().changeFeed();
    if (!feed) QSKIP("a single-writer database has no feed");
    std::vector<store::ChangedRow> rows;
    QVERIFY(feed->wait(5000, rows));  // connected: "read everything"
    QVERIFY(rows.empty());
    const json svc = insert(model::services(), {{"host", "h"}});
    const json cert = insert(model::certificates(), certificate("b.example"));
    std::set<std::string> heard;
    QElapsedTimer clock;
    clock.start();
    while (heard.size() < 2 && clock.elapsed() < 5000) {
      rows.clear();
      feed->wait(200, rows);
      for (const auto& r : rows) heard.insert(r.table + ":" + r.id);
    }
    QVERIFY(heard.count("services:" + svc["id"].get<std::string>()));
    QVERIFY(heard.count("certificates:" + cert["id"].get<std::string>()));
    for (const auto& h : heard) QVERIFY2(h.rfind("snis:", 0) != 0, h.c_str());
  }

  // On PostgreSQL, calls run side by side on a pool of connections; one that finds them all busy
  // waits, and fails (DatabaseUnavailable) past the wait limit.
  void poolRunsCallsSideBySide() {
    QFETCH_GLOBAL(QString, backend);
    if (backend != "postgres") QSKIP("SQLite has a single writer");
    store::PostgresSettings pg;
    pg.port = qEnvironmentVariable("SLUICE_TEST_PG_PORT").toInt();
    store::Store pooled(std::make_unique<store::PostgresDatabase>(pg),
                        [pg] { return std::make_unique<store::PostgresDatabase>(pg); }, 4, std::chrono::seconds(10));
    const uint64_t before = pooled.version();
    std::vector<std::thread> writers;
    std::atomic<int> failures{0};
    for (int t = 0; t < 8; ++t)
      writers.emplace_back([&, t] {
        for (int i = 0; i < 20; ++i)
          if (!pooled.insert(model::consumers(), make(model::consumers(), {{"username", "u" + std::to_string(t) + "-" + std::to_string(i)}})))
            ++failures;
      });
    for (auto& w : writers) w.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(pooled.version(), before + 160);
    QCOMPARE(store_->listAll(model::consumers())->size(), size_t(160));
    QVERIFY(pooled.connectionsOpened() > 1);
    QVERIFY(pooled.connectionsOpened() <= 4);

    // The same plugin created by eight calls at once: the database keeps one (006_plugin_scope_unique).
    std::vector<std::thread> creators;
    std::atomic<int> created{0}, refused{0};
    for (int t = 0; t < 8; ++t)
      creators.emplace_back([&] {
        auto r = pooled.insert(model::plugins(), make(model::plugins(), {{"name", "cors"}}));
        if (r) ++created;
        else if (r.error().code == core::ErrorCode::UniqueViolation) ++refused;
      });
    for (auto& c : creators) c.join();
    QCOMPARE(created.load(), 1);
    QCOMPARE(refused.load(), 7);

    store::Store single(std::make_unique<store::PostgresDatabase>(pg), nullptr, 1, std::chrono::milliseconds(100));
    std::thread holder([&single] {
      (void)single.transaction([](store::Database&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        return core::Status(core::Ok{});
      });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto waited = single.get(model::consumers(), "00000000-0000-4000-8000-000000000000");
    holder.join();
    QVERIFY(!waited);
    QCOMPARE(waited.error().code, core::ErrorCode::DatabaseUnavailable);
  }

  void expiredKeysAreGone() {
    const json c = insert(model::consumers(), {{"username", "ttl"}});
    const json k = insert(plugins::keyauthCredentials(), {{"consumer", {{"id", c["id"]}}}, {"ttl", 100}, {"created_at", 1000}});
    QVERIFY(!*store_->get(plugins::keyauthCredentials(), k["id"]));
    const json fresh = insert(plugins::keyauthCredentials(), {{"consumer", {{"id", c["id"]}}}, {"ttl", 100}});
    auto got = store_->get(plugins::keyauthCredentials(), fresh["id"]);
    QVERIFY(*got);
    QVERIFY((**got)["ttl"].get<int>() <= 100);
  }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
