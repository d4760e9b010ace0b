// Schema-driven validation: defaults, shorthands, Kong's error messages, entity checks, plugin configs.
#include "model/entities.h"
#include "schema/typedefs.h"
#include "schema/validator.h"

#include <QtTest>

using namespace sluice;
using nlohmann::json;

namespace {

schema::PluginSchema rateLimitingLike() {
  schema::PluginSchema p;
  p.name = "limits";
  p.config = {schema::numberField("minute"), schema::numberField("hour"),
              schema::stringField("policy").withDefault("local").withOneOf({"local", "cluster"})};
  schema::EntityCheck check;
  check.name = "at_least_one_of";
  check.fieldNames = {"minute", "hour"};
  check.run = [](const json& c) -> std::optional<json> {
    if (c["minute"].is_null() && c["hour"].is_null())
      return json::array({"at least one of these fields must be non-empty: 'minute', 'hour'"});
    return std::nullopt;
  };
  p.configChecks = {check};
  p.noConsumer = true;
  return p;
}

// statsd's shape: an array of records, each with Kong's conditional checks of its own.
schema::PluginSchema statsdLike() {
  schema::PluginSchema p;
  p.name = "metered";
  const schema::Field metric =
      schema::recordField("metric", {schema::stringField("name").asRequired(), schema::stringField("stat_type").asRequired(),
                                     schema::numberField("sample_rate")})
          .withRecordChecks({schema::typedefs::conditional("stat_type", {{"one_of", {"counter", "gauge"}}}, "sample_rate",
                                                           {{"required", true}}),
                             schema::typedefs::conditional("name", {{"eq", "unique_users"}}, "stat_type", {{"eq", "set"}})});
  p.config = {schema::arrayField("metrics", metric).withDefault(json::array({{{"name", "latency"}, {"stat_type", "timer"}}}))};
  return p;
}

schema::ValidationContext context() {
  static const schema::PluginSchema limits = rateLimitingLike(), metered = statsdLike();
  schema::ValidationContext ctx;
  ctx.findPlugin = [](const std::string& name) -> const schema::PluginSchema* {
    return name == "limits" ? &limits : name == "metered" ? &metered : nullptr;
  };
  return ctx;
}

json valid(const schema::EntitySchema& s, const json& input) {
  auto r = schema::validateEntity(s, input, context());
  if (!r) qWarning("unexpected error: %s", r.error().message.c_str());
  return r ? *r : json();
}

json errors(const schema::EntitySchema& s, const json& input) {
  auto r = schema::validateEntity(s, input, context());
  if (r) return json();
  return r.error().fields;
}

}  // namespace

class TestValidator : public QObject {
  Q_OBJECT
 private slots:
  void serviceGetsKongDefaults() {
    const json s = valid(model::services(), {{"host", "example.com"}});
    QCOMPARE(s["port"], json(80));
    QCOMPARE(s["protocol"], json("http"));
    QCOMPARE(s["retries"], json(5));
    QCOMPARE(s["connect_timeout"], json(60000));
    QCOMPARE(s["enabled"], json(true));
    QVERIFY(s["path"].is_null());
    QVERIFY(s["tags"].is_null());
    QVERIFY(s["id"].is_string());
    QVERIFY(s["created_at"].is_number_integer());
  }

  void serviceUrlShorthandExpands() {
    const json s = valid(model::services(), {{"url", "https://api.example.com/v1"}});
    QCOMPARE(s["protocol"], json("https"));
    QCOMPARE(s["host"], json("api.example.com"));
    QCOMPARE(s["port"], json(443));
    QCOMPARE(s["path"], json("/v1"));
    QVERIFY(!s.contains("url"));
  }

  void missingHostIsARequiredField() {
    const json e = errors(model::services(), {{"name", "x"}});
    QCOMPARE(e["host"], json("required field missing"));
  }

  void wrongTypesAreReportedPerField() {
    const json e = errors(model::services(), {{"host", "h"}, {"port", "eighty"}, {"retries", true}});
    QCOMPARE(e["port"], json("expected an integer"));
    QCOMPARE(e["retries"], json("expected an integer"));
  }

  void unknownFieldsAreRejected() {
    QCOMPARE(errors(model::services(), {{"host", "h"}, {"colour", "red"}})["colour"], json("unknown field"));
  }

  void outOfRangeAndOneOf() {
    const json e = errors(model::services(), {{"host", "h"}, {"port", 70000}, {"protocol", "ftp"}});
    QCOMPARE(e["port"], json("value should be between 0 and 65535"));
    QVERIFY(e["protocol"].get<std::string>().rfind("expected one of:", 0) == 0);
  }

  void hostMustNotHaveAPort() {
    QCOMPARE(errors(model::services(), {{"host", "example.com:80"}})["host"], json("must not have a port"));
  }

  void integralFloatsBecomeIntegers() {
    const json s = valid(model::services(), {{"host", "h"}, {"port", 8080.0}});
    QVERIFY(s["port"].is_number_integer());
  }

  void routeNeedsAMatchingField() {
    const json e = errors(model::routes(), {{"name", "r"}});
    QVERIFY(e.contains("@entity"));
    QVERIFY(e["@entity"][0].get<std::string>().find("'paths'") != std::string::npos);
  }

  void routeDefaultsMatchKong() {
    const json r = valid(model::routes(), {{"paths", {"/a"}}});
    QCOMPARE(r["protocols"], json({"http", "https"}));
    QCOMPARE(r["strip_path"], json(true));
    QCOMPARE(r["preserve_host"], json(false));
    QCOMPARE(r["https_redirect_status_code"], json(426));
    QCOMPARE(r["path_handling"], json("v0"));
    QCOMPARE(r["regex_priority"], json(0));
  }

  void routeRejectsHostHeaderAndBadPaths() {
    QCOMPARE(errors(model::routes(), {{"headers", {{"Host", {"a"}}}}})["headers"], json("cannot contain 'host' header"));
    QVERIFY(errors(model::routes(), {{"paths", {"nope"}}})["paths"].is_array());
  }

  void foreignKeysAcceptObjectsOnly() {
    const json r = valid(model::routes(), {{"paths", {"/a"}}, {"service", {{"id", "6e1b4b0a-8f4e-4a0c-9d57-5a4c1c9b1d11"}}}});
    QCOMPARE(r["service"]["id"], json("6e1b4b0a-8f4e-4a0c-9d57-5a4c1c9b1d11"));
    QCOMPARE(errors(model::routes(), {{"paths", {"/a"}}, {"service", {{"id", "x"}}}})["service"]["id"],
             json("expected a valid UUID"));
  }

  void consumerNeedsUsernameOrCustomId() {
    QVERIFY(errors(model::consumers(), json::object()).contains("@entity"));
    QVERIFY(valid(model::consumers(), {{"custom_id", "c1"}})["username"].is_null());
  }

  void upstreamHealthchecksAreFilledWithDefaults() {
    const json u = valid(model::upstreams(), {{"name", "backend"}});
    QCOMPARE(u["healthchecks"]["active"]["healthy"]["http_statuses"], json({200, 302}));
    QCOMPARE(u["healthchecks"]["passive"]["unhealthy"]["http_statuses"], json({429, 500, 503}));
    QCOMPARE(u["healthchecks"]["active"]["https_verify_certificate"], json(true));
    QCOMPARE(u["healthchecks"]["threshold"], json(0));
    QCOMPARE(u["slots"], json(10000));
    QCOMPARE(u["hash_on_cookie_path"], json("/"));
  }

  void upstreamRejectsUnknownHealthcheckKeys() {
    const json e = errors(model::upstreams(),
                          {{"name", "b"}, {"healthchecks", {{"passive", {{"unhealthy", {{"interval", 5}}}}}}}});
    QCOMPARE(e["healthchecks"]["passive"]["unhealthy"]["interval"], json("unknown field"));
  }

  void targetsGetTheDefaultPort() {
    const json upstream{{"id", "6e1b4b0a-8f4e-4a0c-9d57-5a4c1c9b1d11"}};
    QCOMPARE(valid(model::targets(), {{"target", "10.0.0.1"}, {"upstream", upstream}})["target"], json("10.0.0.1:8000"));
    QCOMPARE(valid(model::targets(), {{"target", "::1"}, {"upstream", upstream}})["target"], json("[::1]:8000"));
    QVERIFY(valid(model::targets(), {{"target", "a:1"}, {"upstream", upstream}})["created_at"].is_number_float());
    QVERIFY(errors(model::targets(), {{"target", "a:99999"}, {"upstream", upstream}}).contains("target"));
  }

  void invalidPemIsRejected() {
    const json e = errors(model::certificates(), {{"cert", "nope"}, {"key", "nope"}});
    QVERIFY(e.contains("cert"));
    QVERIFY(e.contains("key"));
  }

  void pluginConfigIsValidatedAgainstThePluginSchema() {
    const json p = valid(model::plugins(), {{"name", "limits"}, {"config", {{"minute", 5}}}});
    QCOMPARE(p["config"]["policy"], json("local"));
    QVERIFY(p["config"]["hour"].is_null());
    QCOMPARE(p["protocols"], json({"grpc", "grpcs", "http", "https"}));
    QCOMPARE(p["enabled"], json(true));
  }

  void pluginErrorsUseKongsMessages() {
    QCOMPARE(errors(model::plugins(), {{"name", "nope"}})["name"],
             json("plugin 'nope' not enabled; add it to the 'plugins' configuration property"));
    QCOMPARE(errors(model::plugins(), {{"name", "limits"}, {"config", {{"minute", 1}, {"extra", 1}}}})["config"]["extra"],
             json("unknown field"));
    const json e = errors(model::plugins(), {{"name", "limits"}, {"config", json::object()}});
    QCOMPARE(e["@entity"][0], json("at least one of these fields must be non-empty: 'config.minute', 'config.hour'"));
    QCOMPARE(errors(model::plugins(), {{"name", "limits"}, {"config", {{"minute", 1}}},
                                       {"consumer", {{"id", "6e1b4b0a-8f4e-4a0c-9d57-5a4c1c9b1d11"}}}})["consumer"],
             json("value must be null"));
  }

  void recordsInArraysHaveTheirOwnChecks() {
    // The default is read back as Kong reads it: each element's absent fields are null.
    const json p = valid(model::plugins(), {{"name", "metered"}});
    QCOMPARE(p["config"]["metrics"], json::parse(R"([{"name":"latency","stat_type":"timer","sample_rate":null}])"));
    const json given = valid(model::plugins(), {{"name", "metered"}, {"config", {{"metrics", {{{"name", "n"}, {"stat_type", "set"}}}}}}});
    QVERIFY(given["config"]["metrics"][0]["sample_rate"].is_null());
    // Kong's conditional: the field's error and the entity's, in the element's errors.
    json e = errors(model::plugins(), {{"name", "metered"}, {"config", {{"metrics", {{{"name", "n"}, {"stat_type", "counter"}}}}}}});
    QCOMPARE(e["config"]["metrics"][0]["sample_rate"], json("required field missing"));
    QCOMPARE(e["config"]["metrics"][0]["@entity"][0], json("failed conditional validation given value of field 'stat_type'"));
    e = errors(model::plugins(),
               {{"name", "metered"}, {"config", {{"metrics", {{{"name", "unique_users"}, {"stat_type", "timer"}}}}}}});
    QCOMPARE(e["config"]["metrics"][0]["stat_type"], json("value must be set"));
    QVERIFY(valid(model::plugins(), {{"name", "metered"},
                                     {"config", {{"metrics", {{{"name", "unique_users"}, {"stat_type", "set"}}}}}}})
                .is_object());
  }

  void schemaViolationMessageListsEveryField() {
    auto r = schema::validateEntity(model::services(), {{"port", "x"}}, context());
    QVERIFY(!r);
    QCOMPARE(QString::fromStdString(r.error().message),
             QString("2 schema violations (host: required field missing; port: expected an integer)"));
  }

  void patchMergesRecordsAndReplacesArrays() {
    const json stored = valid(model::upstreams(), {{"name", "b"}});
    const json merged = schema::mergePatch(model::upstreams().fields, stored,
                                           {{"healthchecks", {{"active", {{"healthy", {{"interval", 5}}}}}}}});
    QCOMPARE(merged["healthchecks"]["active"]["healthy"]["interval"], json(5));
    QCOMPARE(merged["healthchecks"]["active"]["healthy"]["http_statuses"], json({200, 302}));
  }

  void formStringsAreCoercedBySchema() {
    const json in{{"host", "h"}, {"port", "8080"}, {"tags", "one"}, {"tls_verify", "true"}};
    const json out = schema::coerceStrings(model::services().fields, in);
    QCOMPARE(out["port"], json(8080));
    QCOMPARE(out["tags"], json({"one"}));
    QCOMPARE(out["tls_verify"], json(true));
  }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "test_validator.moc"
