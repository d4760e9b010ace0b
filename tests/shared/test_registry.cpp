// The shared model's registry as the manager reads it: which entity a collection path lists, the
// owner's field of a nested path, and the collections nested under an entity; an entity added (as
// a plugin adds its credentials: tests/server/plugins/test_plugin_daos.cpp) takes part in all.
#include "model/entity_directory.h"
#include "model/registry.h"
#include "registry_probe.h"
#include "schema/typedefs.h"

#include <QtTest>

#include <algorithm>

using namespace sluice;

using testing::entityNames;

class TestRegistry : public QObject {
  Q_OBJECT

 private slots:
  void collectionsNameTheirEntity() {
    QCOMPARE(testing::listedEntity("routes"), QString("routes"));
    QCOMPARE(testing::listedEntity("services/6f0c/routes"), QString("routes"));
    QCOMPARE(testing::listedEntity("upstreams/6f0c/targets"), QString("targets"));
    QCOMPARE(testing::listedEntity("targets"), QString("(none)"));  // no top-level collection, as in Kong 2.8
    QCOMPARE(testing::listedEntity("nope"), QString("(none)"));
  }

  void nestedPathsNameTheirOwnersField() {
    QCOMPARE(testing::ownerFieldName("upstreams/6f0c/targets"), QString("upstream"));
    QCOMPARE(testing::ownerFieldName("consumers/6f0c/plugins"), QString("consumer"));
    QCOMPARE(testing::ownerFieldName("routes/6f0c/plugins"), QString("route"));
    QCOMPARE(testing::ownerFieldName("certificates/6f0c/snis"), QString("certificate"));
    QCOMPARE(testing::ownerFieldName("routes"), QString("(none)"));
  }

  void whatIsNestedUnderWhat() {
    QCOMPARE(entityNames(model::nestedUnder("services")), (QStringList{"routes", "plugins"}));
    QCOMPARE(entityNames(model::nestedUnder("routes")), (QStringList{"plugins"}));
    QCOMPARE(entityNames(model::nestedUnder("upstreams")), (QStringList{"targets"}));
    QCOMPARE(entityNames(model::nestedUnder("certificates")), (QStringList{"snis"}));  // not services (client_certificate)
    QCOMPARE(entityNames(model::nestedUnder("consumers")), (QStringList{"plugins"}));  // (credentials are the plugins')
  }

  void anAddedEntityTakesPart() {
    static schema::EntitySchema badges;
    badges.name = "badges";
    badges.adminPath = "badges";
    badges.nestedPath = "badge";
    badges.nestedUnder = "consumer";
    badges.fields = {schema::typedefs::id(), schema::foreignField("consumer", "consumers").asRequired()};
    QCOMPARE(testing::listedEntity("badges"), QString("(none)"));
    model::addEntity(badges);
    model::addEntity(badges);  // once per name
    QCOMPARE(testing::listedEntity("badges"), QString("badges"));
    QCOMPARE(testing::listedEntity("consumers/6f0c/badge"), QString("badges"));
    QCOMPARE(testing::ownerFieldName("consumers/6f0c/badge"), QString("consumer"));
    QCOMPARE(entityNames(model::nestedUnder("consumers")), (QStringList{"plugins", "badges"}));
    QCOMPARE(model::allEntities().back(), &badges);  // after the core ones (parents first)
  }

  void aGatewaysDirectoryTeachesItsPluginsEntities() {
    // What GET /sluice/entities answers: every entity of the registry, with paths and foreign keys.
    const nlohmann::json directory = model::entityDirectory();
    const auto& data = directory["data"];
    QCOMPARE(data.size(), model::allEntities().size());
    const auto routes = std::find_if(data.begin(), data.end(), [](const nlohmann::json& e) { return e["name"] == "routes"; });
    QVERIFY(routes != data.end());
    QCOMPARE((*routes)["admin_path"], nlohmann::json("routes"));
    QCOMPARE((*routes)["foreign_keys"], nlohmann::json::parse(R"([{"field": "service", "entity": "services"}])"));
    // A client learns what it lacks (a gateway's credentials), once.
    const nlohmann::json gateways = nlohmann::json::parse(R"({"data": [
      {"name": "routes", "admin_path": "routes"},
      {"name": "hmacauth_credentials", "admin_path": "hmac-auths", "nested_path": "hmac-auth", "nested_under": "consumer",
       "endpoint_key": "username", "foreign_keys": [{"field": "consumer", "entity": "consumers"}]},
      {"admin_path": "nameless"}, 42]})");
    QCOMPARE(model::learnEntities(gateways), size_t{1});
    QCOMPARE(model::learnEntities(gateways), size_t{0});
    QCOMPARE(testing::listedEntity("hmac-auths"), QString("hmacauth_credentials"));
    QCOMPARE(testing::listedEntity("consumers/6f0c/hmac-auth"), QString("hmacauth_credentials"));
    QCOMPARE(testing::ownerFieldName("consumers/6f0c/hmac-auth"), QString("consumer"));
    QCOMPARE(model::findEntity("hmacauth_credentials")->field("consumer")->reference, std::string("consumers"));
    QCOMPARE(model::learnEntities(nlohmann::json("garbage")), size_t{0});
  }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "test_registry.moc"
