// The shared model's registry as the manager reads it: which entity a collection path lists, the
// owner's field of a nested path, and the collections nested under an entity.
#include "model/registry.h"

#include <QtTest>

using namespace sluice;

namespace {

QStringList names(const std::vector<const schema::EntitySchema*>& entities) {
  QStringList out;
  for (const auto* e : entities) out << QString::fromStdString(e->name);
  return out;
}

QString listed(const char* path) {
  const auto* e = model::findByCollection(path);
  return e ? QString::fromStdString(e->name) : QString("(none)");
}

QString owner(const char* path) {
  const auto* f = model::ownerField(path);
  return f ? QString::fromStdString(f->name) : QString("(none)");
}

}  // namespace

class TestRegistry : public QObject {
  Q_OBJECT

 private slots:
  void collectionsNameTheirEntity() {
    QCOMPARE(listed("routes"), QString("routes"));
    QCOMPARE(listed("key-auths"), QString("keyauth_credentials"));
    QCOMPARE(listed("services/6f0c/routes"), QString("routes"));
    QCOMPARE(listed("consumers/6f0c/key-auth"), QString("keyauth_credentials"));
    QCOMPARE(listed("upstreams/6f0c/targets"), QString("targets"));
    QCOMPARE(listed("targets"), QString("(none)"));  // no top-level collection, as in Kong 2.8
    QCOMPARE(listed("nope"), QString("(none)"));
  }

  void nestedPathsNameTheirOwnersField() {
    QCOMPARE(owner("upstreams/6f0c/targets"), QString("upstream"));
    QCOMPARE(owner("consumers/6f0c/plugins"), QString("consumer"));
    QCOMPARE(owner("routes/6f0c/plugins"), QString("route"));
    QCOMPARE(owner("certificates/6f0c/snis"), QString("certificate"));
    QCOMPARE(owner("routes"), QString("(none)"));
  }

  void whatIsNestedUnderWhat() {
    QCOMPARE(names(model::nestedUnder("services")), (QStringList{"routes", "plugins"}));
    QCOMPARE(names(model::nestedUnder("routes")), (QStringList{"plugins"}));
    QCOMPARE(names(model::nestedUnder("upstreams")), (QStringList{"targets"}));
    QCOMPARE(names(model::nestedUnder("certificates")), (QStringList{"snis"}));  // not services (client_certificate)
    QCOMPARE(names(model::nestedUnder("consumers")),
             (QStringList{"plugins", "keyauth_credentials", "basicauth_credentials", "jwt_secrets", "acls"}));
  }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "test_registry.moc"
