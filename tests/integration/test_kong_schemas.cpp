// Every bundled plugin's schema and every entity schema, field by field, against Kong 2.8.4's own
// declarations (data/kong-2.8.4/schemas.json, extracted from Kong's source by
// tools/kong_reference/extract.lua): names, types, defaults, required, allowed values, bounds
// (between, gt), nesting.
// A field Kong 2.8 lacks, or one it has that Sluice lacks, fails the test.
#include "sluice_process.h"

#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace sluice::test;
using nlohmann::json;

namespace {

json readReference() {
  QFile f(QStringLiteral(SLUICE_TEST_DATA) + "/kong-2.8.4/schemas.json");
  if (!f.open(QIODevice::ReadOnly)) return json();
  return json::parse(f.readAll().toStdString(), nullptr, false);
}

// Kong answers fields as an array of one-key objects; the reference holds them as a map.
json fieldMap(const json& fields) {
  if (fields.is_object()) return fields;
  json out = json::object();
  if (fields.is_array())
    for (const auto& entry : fields)
      for (const auto& [name, f] : entry.items()) out[name] = f;
  return out;
}

bool sameValue(const json& a, const json& b, bool unordered) {
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  if (unordered && a.is_array() && b.is_array()) {
    std::multiset<std::string> x, y;
    for (const auto& v : a) x.insert(v.dump());
    for (const auto& v : b) y.insert(v.dump());
    return x == y;
  }
  if (a.is_array() && b.is_array() && a.size() == b.size()) {
    for (size_t i = 0; i < a.size(); ++i)
      if (!sameValue(a[i], b[i], false)) return false;
    return true;
  }
  if (a.is_object() && b.is_object() && a.size() == b.size()) {
    for (const auto& [k, v] : a.items())
      if (!b.contains(k) || !sameValue(v, b[k], false)) return false;
    return true;
  }
  return a == b;
}

void compareFields(const std::string& where, const json& kong, const json& ours, QStringList& diffs);

void compareField(const std::string& where, const json& kong, const json& ours, QStringList& diffs) {
  const auto differ = [&](const char* what, const json& k, const json& o) {
    diffs << QString::fromStdString(where + ": " + what + " is " + (o.is_null() ? "absent" : o.dump()) + ", Kong 2.8 has " +
                                    (k.is_null() ? "none" : k.dump()));
  };
  const std::string type = kong.value("type", "");
  if (type != ours.value("type", "")) differ("type", kong.value("type", json()), ours.value("type", json()));
  if (kong.value("required", false) != ours.value("required", false))
    differ("required", kong.value("required", false), ours.value("required", false));
  const bool unordered = type == "set";
  const json kd = kong.value("default", json()), od = ours.value("default", json());
  // A default Kong draws at random when it loads (session's secret): any of that type will do.
  const bool random = kd == json("(random, drawn by each node)") && od.is_string() && !od.get<std::string>().empty();
  if (!random && !sameValue(kd, od, unordered)) differ("default", kd, od);
  const json ko = kong.value("one_of", json()), oo = ours.value("one_of", json());
  if (!sameValue(ko, oo, true)) differ("one_of", ko, oo);
  // The bounds Kong checks (between, gt): a client's value is accepted or refused as by Kong.
  for (const char* bound : {"between", "gt"}) {
    const json kb = kong.value(bound, json()), ob = ours.value(bound, json());
    if (!sameValue(kb, ob, false)) differ(bound, kb, ob);
  }
  for (const char* nested : {"elements", "keys", "values"}) {
    if (kong.contains(nested) != ours.contains(nested)) differ(nested, kong.value(nested, json()), ours.value(nested, json()));
    else if (kong.contains(nested)) compareField(where + "." + nested, kong[nested], ours[nested], diffs);
  }
  if (kong.contains("fields") || ours.contains("fields"))
    compareFields(where, fieldMap(kong.value("fields", json::object())), fieldMap(ours.value("fields", json::object())), diffs);
}

void compareFields(const std::string& where, const json& kong, const json& ours, QStringList& diffs) {
  const std::string prefix = where.empty() ? "" : where + ".";
  for (const auto& [name, f] : kong.items()) {
    if (!ours.contains(name)) diffs << QString::fromStdString(prefix + name + ": missing (Kong 2.8 has it)");
    else compareField(prefix + name, f, ours[name], diffs);
  }
  for (const auto& [name, f] : ours.items())
    if (!kong.contains(name)) diffs << QString::fromStdString(prefix + name + ": not a Kong 2.8 field");
}

}  // namespace

class TestKongSchemas : public QObject {
  Q_OBJECT
  SluiceProcess sluice_;
  json reference_;

  json get(const QByteArray& path) {
    const HttpResponse r = sluice_.admin().get(path);
    if (r.status != 200) return json();
    return json::parse(r.body.toStdString(), nullptr, false);
  }

 private slots:
  void initTestCase() {
    reference_ = readReference();
    QVERIFY2(reference_.contains("plugins") && reference_.contains("entities"), "reference schemas missing");
    QVERIFY(sluice_.start());
  }

  void pluginSchemasAreKong28s_data() {
    QTest::addColumn<QString>("plugin");
    const json enabled = get("/plugins/enabled");
    QVERIFY(enabled.contains("enabled_plugins"));
    for (const auto& name : enabled["enabled_plugins"]) {
      const std::string n = name.get<std::string>();
      QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }
  }

  void pluginSchemasAreKong28s() {
    QFETCH(QString, plugin);
    const std::string name = plugin.toStdString();
    QVERIFY2(reference_["plugins"].contains(name), "not one of Kong 2.8.4's bundled plugins");
    const json ours = get("/schemas/plugins/" + plugin.toUtf8());
    QVERIFY(ours.contains("fields"));
    QStringList diffs;
    compareFields("", reference_["plugins"][name], fieldMap(ours["fields"]), diffs);
    QVERIFY2(diffs.isEmpty(), qPrintable("\n  " + diffs.join("\n  ")));

    // The deprecated 2.8 endpoint answers the config record alone.
    const json config = get("/plugins/schema/" + plugin.toUtf8());
    QVERIFY(config.is_object());
    QStringList configDiffs;
    compareField("config", reference_["plugins"][name]["config"], config, configDiffs);
    QVERIFY2(configDiffs.isEmpty(), qPrintable("\n  " + configDiffs.join("\n  ")));
  }

  void entitySchemasAreKong28s_data() {
    QTest::addColumn<QString>("entity");
    for (const char* e : {"services", "routes", "consumers", "plugins", "upstreams", "targets", "certificates", "snis",
                          "ca_certificates", "keyauth_credentials", "basicauth_credentials", "jwt_secrets",
                          "hmacauth_credentials", "acls", "oauth2_credentials", "oauth2_tokens", "oauth2_authorization_codes", "sessions"})
      QTest::newRow(e) << e;
  }

  void entitySchemasAreKong28s() {
    QFETCH(QString, entity);
    const std::string name = entity.toStdString();
    QVERIFY(reference_["entities"].contains(name));
    const json ours = get("/schemas/" + entity.toUtf8());
    QVERIFY(ours.contains("fields"));
    QStringList diffs;
    compareFields("", reference_["entities"][name], fieldMap(ours["fields"]), diffs);
    QVERIFY2(diffs.isEmpty(), qPrintable("\n  " + diffs.join("\n  ")));
  }

  void unknownPluginSchemaIs404() {
    const HttpResponse r = sluice_.admin().get("/plugins/schema/no-such-plugin");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json()["message"].toString(), QString("No plugin named 'no-such-plugin'"));
  }

  void cleanupTestCase() { QVERIFY(sluice_.stop()); }
};

QTEST_GUILESS_MAIN(TestKongSchemas)
#include "test_kong_schemas.moc"
