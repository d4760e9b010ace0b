#include "schema/schema_json.h"

namespace sluice::schema {
namespace {

json fieldsToJson(const std::vector<Field>& fields, bool ttlOption = false) {
  json out = json::array();
  for (const auto& f : fields)
    if (!(ttlOption && f.name == "ttl")) out.push_back(json{{f.name, fieldToJson(f)}});
  return out;
}

json checksToJson(const std::vector<EntityCheck>& checks) {
  json out = json::array();
  for (const auto& c : checks) out.push_back(json{{c.name, c.args}});
  return out;
}

}  // namespace

json fieldToJson(const Field& f) {
  json j = json::object();
  j["type"] = typeName(f.type);
  if (f.required) j["required"] = true;
  if (f.defaultValue) j["default"] = *f.defaultValue;
  if (f.autoValue != AutoValue::None) j["auto"] = true;
  if (f.unique) j["unique"] = true;
  if (f.uuid) j["uuid"] = true;
  if (f.timestamp) j["timestamp"] = true;
  if (!f.oneOf.empty()) j["one_of"] = f.oneOf;
  if (f.min || f.max) j["between"] = {f.min.value_or(0), f.max.value_or(0)};
  if (f.gt) j["gt"] = *f.gt;
  if (f.lenMin) j["len_min"] = *f.lenMin;
  if (!f.startsWith.empty()) j["starts_with"] = f.startsWith.front();
  if (!f.reference.empty()) {
    j["reference"] = f.reference;
    j["on_delete"] = f.onDelete == OnDelete::Cascade ? "cascade" : "restrict";
  }
  if (f.elements) j["elements"] = fieldToJson(*f.elements);
  if (f.keys) j["keys"] = fieldToJson(*f.keys);
  if (f.values) j["values"] = fieldToJson(*f.values);
  if (f.type == FieldType::Record && !f.pluginConfig) j["fields"] = fieldsToJson(f.fields);
  if (!f.recordChecks.empty()) j["entity_checks"] = checksToJson(f.recordChecks);
  if (!f.description.empty()) j["description"] = f.description;
  return j;
}

json pluginConfigToJson(const PluginSchema& plugin) {
  return json{{"type", "record"}, {"fields", fieldsToJson(plugin.config)}};
}

json entitySchemaToJson(const EntitySchema& schema) {
  json j{{"fields", fieldsToJson(schema.fields, schema.ttl)}};
  if (schema.ttl) j["ttl"] = true;
  if (!schema.checks.empty()) j["entity_checks"] = checksToJson(schema.checks);
  if (!schema.endpointKey.empty()) j["endpoint_key"] = schema.endpointKey;
  if (!schema.cacheKey.empty()) j["cache_key"] = schema.cacheKey;
  return j;
}

// Kong answers a plugin's own declaration: the scopes it forbids, its protocols field if it has one,
// and its config record.
json pluginSchemaToJson(const PluginSchema& plugin) {
  json fields = json::array();
  const auto forbid = [&](const char* name, const char* reference) {
    fields.push_back(json{{name, {{"type", "foreign"}, {"reference", reference}, {"eq", nullptr}}}});
  };
  if (plugin.noConsumer) forbid("consumer", "consumers");
  if (plugin.noRoute) forbid("route", "routes");
  if (plugin.noService) forbid("service", "services");
  if (plugin.protocols != PluginProtocols::Undeclared)
    fields.push_back(json{{"protocols",
                           {{"type", "set"},
                            {"required", true},
                            {"default", json::array({"grpc", "grpcs", "http", "https"})},
                            {"elements", {{"type", "string"}, {"one_of", allowedProtocols(plugin)}}}}}});
  fields.push_back(json{{"config", pluginConfigToJson(plugin)}});
  json j{{"fields", fields}};
  if (!plugin.configChecks.empty()) {
    json checks = json::array();
    for (const auto& c : plugin.configChecks) {
      json args = c.args;
      if (args.is_array())
        for (auto& a : args)
          if (a.is_string()) a = "config." + a.get<std::string>();
      for (const char* key : {"if_field", "then_field"})
        if (args.is_object() && args.contains(key)) args[key] = "config." + args[key].get<std::string>();
      checks.push_back(json{{c.name, args}});
    }
    j["entity_checks"] = checks;
  }
  return j;
}

}  // namespace sluice::schema
