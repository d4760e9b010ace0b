#include "schema/validator.h"

#include "core/clock.h"
#include "core/uuid.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace sluice::schema {
namespace {

std::string joinValues(const std::vector<json>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += values[i].is_string() ? values[i].get<std::string>() : values[i].dump();
  }
  return out;
}

std::string formatNumber(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  return std::to_string(d);
}

json normalizeRecord(const std::vector<Field>& fields, const json& input);
json normalizeValue(const Field& field, const json& value);

// The value an absent field takes. A default is normalized as a value given would be (Kong reads
// it back so: an array of records' elements show their absent fields as null).
json absentValue(const Field& field) {
  if (field.defaultValue) return normalizeValue(field, *field.defaultValue);
  if (field.type == FieldType::Record && !field.pluginConfig) return normalizeRecord(field.fields, json::object());
  return nullptr;
}

json normalizeValue(const Field& field, const json& value) {
  if (value.is_null()) return value;
  switch (field.type) {
    case FieldType::Record:
      return value.is_object() && !field.pluginConfig ? normalizeRecord(field.fields, value) : value;
    case FieldType::Array:
    case FieldType::Set: {
      if (!value.is_array()) return value;
      json out = json::array();
      for (const auto& e : value) {
        json n = normalizeValue(*field.elements, e);
        if (field.type == FieldType::Set && std::find(out.begin(), out.end(), n) != out.end()) continue;
        out.push_back(std::move(n));
      }
      return out;
    }
    case FieldType::Integer:
      if (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>())
        return static_cast<int64_t>(value.get<double>());
      return value;
    case FieldType::Foreign:
      if (value.is_string()) return json{{"id", value}};
      if (value.is_object() && value.contains("id")) return json{{"id", value["id"]}};
      return value;
    default:
      return value;
  }
}

// Fills absent fields; keeps unknown keys so that the checker can report them.
json normalizeRecord(const std::vector<Field>& fields, const json& input) {
  json out = input.is_object() ? input : json::object();
  for (const auto& f : fields) {
    auto it = out.find(f.name);
    if (it == out.end()) out[f.name] = absentValue(f);
    else *it = normalizeValue(f, *it);
  }
  return out;
}

class Checker {
 public:
  explicit Checker(const ValidationContext& ctx) : ctx_(ctx) {}

  // Returns the error for one value (a string, or a nested object/array), or null.
  json check(const Field& field, const json& value) const {
    if (value.is_null()) return field.required ? json("required field missing") : json();
    switch (field.type) {
      case FieldType::String: {
        if (!value.is_string()) return "expected a string";
        const auto s = value.get<std::string>();
        const size_t lenMin = field.lenMin.value_or(1);  // Kong: empty strings only where a field allows them
        if (s.size() < lenMin) return json("length must be at least " + std::to_string(lenMin));
        if (!field.startsWith.empty()) {
          bool ok = false;
          for (const auto& p : field.startsWith) ok = ok || s.rfind(p, 0) == 0;
          if (!ok) return "should start with: " + field.startsWith.front();
        }
        if (json e = common(field, value); !e.is_null()) return e;
        if (field.regexPattern && ctx_.checkRegex && !(field.asteriskAllowed && s == "*")) {
          const bool tilde = s.rfind("~", 0) == 0;
          if (tilde || isKongRegex(s)) {
            if (auto err = ctx_.checkRegex(tilde ? s.substr(1) : s)) return "invalid regex: '" + s + "' (" + *err + ")";
          }
        }
        return nullptr;
      }
      case FieldType::Integer:
        if (!value.is_number_integer()) return "expected an integer";
        return common(field, value);
      case FieldType::Number:
        if (!value.is_number()) return "expected a number";
        return common(field, value);
      case FieldType::Boolean:
        if (!value.is_boolean()) return "expected a boolean";
        return nullptr;
      case FieldType::Array:
      case FieldType::Set: {
        if (!value.is_array()) return field.type == FieldType::Set ? "expected a set" : "expected an array";
        if (field.lenMin && value.size() < *field.lenMin)
          return "length must be at least " + std::to_string(*field.lenMin);
        json errors = json::array();
        bool any = false;
        for (const auto& e : value) {
          json err = e.is_null() ? json("required field missing") : check(*field.elements, e);
          any = any || !err.is_null();
          errors.push_back(err);
        }
        if (!any) return common(field, value);
        return errors;
      }
      case FieldType::Map: {
        if (!value.is_object()) return "expected a map";
        if (field.lenMin && value.size() < *field.lenMin) return "length must be at least " + std::to_string(*field.lenMin);
        json errors = json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
          if (json e = check(*field.keys, it.key()); !e.is_null()) errors[it.key()] = e;
          else if (json v = check(*field.values, *it); !v.is_null()) errors[it.key()] = v;
        }
        return errors.empty() ? json() : errors;
      }
      case FieldType::Record: {
        if (!value.is_object()) return "expected a record";
        json errors = checkRecord(field.fields, value);
        runChecks(field.recordChecks, value, errors);
        return errors.empty() ? json() : errors;
      }
      case FieldType::Foreign: {
        if (!value.is_object()) return "expected a record";
        const auto it = value.find("id");
        if (it == value.end() || it->is_null()) return json{{"id", "missing primary key"}};
        if (!it->is_string() || !core::isUuid(it->get<std::string>())) return json{{"id", "expected a valid UUID"}};
        return nullptr;
      }
    }
    return nullptr;
  }

  // Field errors of a record, including unknown keys.
  json checkRecord(const std::vector<Field>& fields, const json& record,
                   const std::vector<Field>* extraAllowed = nullptr) const {
    json errors = json::object();
    for (auto it = record.begin(); it != record.end(); ++it) {
      bool known = false;
      for (const auto& f : fields) known = known || f.name == it.key();
      if (extraAllowed)
        for (const auto& f : *extraAllowed) known = known || f.name == it.key();
      if (!known) errors[it.key()] = "unknown field";
    }
    for (const auto& f : fields) {
      if (f.pluginConfig) continue;
      const auto it = record.find(f.name);
      if (json e = check(f, it == record.end() ? json() : *it); !e.is_null()) errors[f.name] = e;
    }
    return errors;
  }

  // Runs entity checks whose fields have no errors; merges their errors into `errors`.
  void runChecks(const std::vector<EntityCheck>& checks, const json& entity, json& errors,
                 const std::string& prefix = "") const {
    for (const auto& c : checks) {
      bool clean = true;
      for (const auto& n : c.fieldNames) clean = clean && !errors.contains(n);
      if (!clean) continue;
      auto result = c.run(entity);
      if (!result) continue;
      // Kong names the fields of its own messages by their full path; a schema's own text (then_err) stays as written.
      const bool ownText = c.args.is_object() && c.args.contains("then_err");
      const auto prefixed = [&](const json& msg) {
        return prefix.empty() || ownText ? msg.get<std::string>() : addPrefix(msg.get<std::string>(), prefix);
      };
      if (result->is_array()) {
        for (const auto& msg : *result) errors["@entity"].push_back(prefixed(msg));
      } else if (result->is_object()) {
        for (auto it = result->begin(); it != result->end(); ++it) {
          if (it.key() != "@entity") errors[it.key()] = *it;
          else
            for (const auto& msg : *it) errors["@entity"].push_back(prefixed(msg));
        }
      }
    }
  }

 private:
  // Kong 2.x treats a path with characters outside [a-zA-Z0-9._~/%-] as a regex.
  static bool isKongRegex(const std::string& s) {
    for (unsigned char c : s)
      if (!(std::isalnum(c) || std::string_view("._~/%-").find(c) != std::string_view::npos)) return true;
    return false;
  }

  // "'second', 'minute'" -> "'config.second', 'config.minute'" in an entity-check message.
  static std::string addPrefix(std::string text, const std::string& prefix) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      out.push_back(text[i]);
      if (text[i] == '\'' && (i == 0 || text[i - 1] == ' ') ) out += prefix + ".";
    }
    return out;
  }

  json common(const Field& field, const json& value) const {
    if (!field.oneOf.empty() && std::find(field.oneOf.begin(), field.oneOf.end(), value) == field.oneOf.end())
      return "expected one of: " + joinValues(field.oneOf);
    if ((field.min || field.max) && value.is_number()) {
      const double d = value.get<double>();
      if ((field.min && d < *field.min) || (field.max && d > *field.max))
        return "value should be between " + formatNumber(field.min.value_or(0)) + " and " +
               formatNumber(field.max.value_or(0));
    }
    if (field.gt && value.is_number() && !(value.get<double>() > *field.gt))
      return "value must be greater than " + formatNumber(*field.gt);
    for (const auto& c : field.checks)
      if (auto err = c(value)) return *err;
    return nullptr;
  }

  const ValidationContext& ctx_;
};

void fillAuto(const std::vector<Field>& fields, json& entity, bool keepTimestamps) {
  for (const auto& f : fields) {
    json& v = entity[f.name];
    switch (f.autoValue) {
      case AutoValue::None: break;
      case AutoValue::Uuid:
        if (v.is_null()) v = core::newUuid();
        break;
      case AutoValue::RandomKey:
        if (v.is_null()) {
          std::string key = core::newUuid();
          key.erase(std::remove(key.begin(), key.end(), '-'), key.end());
          v = key;
        }
        break;
      case AutoValue::Timestamp:
        if (v.is_null() || (f.name == "updated_at" && !keepTimestamps)) v = core::unixSeconds();
        break;
      case AutoValue::TimestampMillis:
        if (v.is_null()) v = core::unixSecondsWithMillis();
        break;
    }
  }
}

void checkPlugin(const EntitySchema& schema, json& entity, json& errors, const ValidationContext& ctx) {
  const Field* configField = nullptr;
  for (const auto& f : schema.fields)
    if (f.pluginConfig) configField = &f;
  if (!configField || errors.contains("name") || !entity["name"].is_string()) return;
  const std::string name = entity["name"].get<std::string>();
  const PluginSchema* plugin = ctx.findPlugin ? ctx.findPlugin(name) : nullptr;
  if (!plugin) {
    const std::string why = ctx.missingPlugin ? ctx.missingPlugin(name) : std::string();
    errors["name"] = why.empty() ? "plugin '" + name + "' not enabled; add it to the 'plugins' configuration property" : why;
    return;
  }
  if (plugin->noConsumer && !entity["consumer"].is_null()) errors["consumer"] = "value must be null";
  if (plugin->noRoute && !entity["route"].is_null()) errors["route"] = "value must be null";
  if (plugin->noService && !entity["service"].is_null()) errors["service"] = "value must be null";
  const auto& allowed = allowedProtocols(*plugin);
  if (entity["protocols"].is_array()) {
    for (const auto& p : entity["protocols"]) {
      if (!p.is_string() || std::find(allowed.begin(), allowed.end(), p.get<std::string>()) == allowed.end()) {
        errors["protocols"] = "expected one of: " + joinValues({allowed.begin(), allowed.end()});
        break;
      }
    }
  }
  json& config = entity[configField->name];
  if (config.is_null()) config = json::object();
  if (!config.is_object()) {
    errors[configField->name] = "expected a record";
    return;
  }
  json configErrors = validatePluginConfig(*plugin, config, ctx);
  if (configErrors.is_null()) return;
  if (configErrors.contains("@entity")) {
    for (const auto& m : configErrors["@entity"]) errors["@entity"].push_back(m);
    configErrors.erase("@entity");
  }
  if (!configErrors.empty()) errors[configField->name] = configErrors;
}

}  // namespace

// Kong's shorthand_fields: accepted in input, checked, expanded into real fields, never stored.
void expandShorthands(const std::vector<Shorthand>& shorthands, json& record, json& errors, const ValidationContext& ctx) {
  for (const auto& sh : shorthands) {
    auto it = record.find(sh.field.name);
    if (it == record.end()) continue;
    json value = *it;
    record.erase(it);
    if (value.is_null()) continue;
    Checker checker(ctx);
    if (json e = checker.check(sh.field, value); !e.is_null()) {
      errors[sh.field.name] = e;
      continue;
    }
    if (auto err = sh.expand(value, record)) errors[sh.field.name] = *err;
  }
}

json validatePluginConfig(const PluginSchema& plugin, json& config, const ValidationContext& ctx) {
  json errors = json::object();
  if (config.is_object()) expandShorthands(plugin.configShorthands, config, errors, ctx);
  config = normalizeRecord(plugin.config, config);
  fillAuto(plugin.config, config, false);  // (oauth2's provision_key)
  Checker checker(ctx);
  const json fieldErrors = checker.checkRecord(plugin.config, config);
  if (fieldErrors.is_object())
    for (auto it = fieldErrors.begin(); it != fieldErrors.end(); ++it) errors[it.key()] = *it;
  checker.runChecks(plugin.configChecks, config, errors, "config");
  return errors.empty() ? json() : errors;
}

core::Result<json> validateEntity(const EntitySchema& schema, const json& input, const ValidationContext& ctx) {
  if (!input.is_object()) return core::Error::schemaViolation({{"@entity", {"expected a record"}}});
  json entity = input;
  json errors = json::object();

  expandShorthands(schema.shorthands, entity, errors, ctx);

  entity = normalizeRecord(schema.fields, entity);
  fillAuto(schema.fields, entity, ctx.keepTimestamps);

  Checker checker(ctx);
  json fieldErrors = checker.checkRecord(schema.fields, entity, &schema.transientFields);
  for (auto it = fieldErrors.begin(); it != fieldErrors.end(); ++it) errors[it.key()] = *it;
  for (const auto& t : schema.transientFields) {
    auto it = entity.find(t.name);
    if (it == entity.end() || it->is_null()) continue;
    *it = normalizeValue(t, *it);
    if (json e = checker.check(t, *it); !e.is_null()) errors[t.name] = e;
  }
  checkPlugin(schema, entity, errors, ctx);
  checker.runChecks(schema.checks, entity, errors);

  if (!errors.empty()) return core::Error::schemaViolation(errors);
  if (schema.beforeWrite) {
    if (auto status = schema.beforeWrite(entity); !status) return status.error();
  }
  return entity;
}

json mergePatch(const std::vector<Field>& fields, json stored, const json& patch) {
  if (!patch.is_object()) return patch;
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    const Field* field = nullptr;
    for (const auto& f : fields)
      if (f.name == it.key()) field = &f;
    json& target = stored[it.key()];
    if (field && (field->type == FieldType::Record) && it->is_object() && target.is_object())
      target = field->pluginConfig ? [&] {
        json merged = target;
        for (auto c = it->begin(); c != it->end(); ++c) merged[c.key()] = *c;
        return merged;
      }()
                                   : mergePatch(field->fields, target, *it);
    else
      target = *it;
  }
  return stored;
}

json coerceStrings(const std::vector<Field>& fields, const json& input) {
  if (!input.is_object()) return input;
  json out = input;
  for (const auto& f : fields) {
    auto it = out.find(f.name);
    if (it == out.end()) continue;
    json& v = *it;
    if (v == "") {  // Kong's forms: an empty value is null
      v = nullptr;
      continue;
    }
    switch (f.type) {
      case FieldType::Integer:
      case FieldType::Number:
        if (v.is_string()) {
          const auto s = v.get<std::string>();
          try {
            size_t used = 0;
            if (f.type == FieldType::Integer) {
              long long n = std::stoll(s, &used);
              if (used == s.size()) v = n;
            } else {
              double d = std::stod(s, &used);
              if (used == s.size()) v = d;
            }
          } catch (const std::exception&) {
          }
        }
        break;
      case FieldType::Boolean:
        if (v == "true") v = true;
        else if (v == "false") v = false;
        break;
      case FieldType::Array:
      case FieldType::Set:
        if (v.is_string()) v = json::array({v});
        if (v.is_array() && f.elements) {
          for (auto& e : v) e = coerceStrings({f.elements->named("x")}, json{{"x", e}})["x"];
        }
        break;
      case FieldType::Record:
        if (v.is_object()) v = coerceStrings(f.fields, v);
        break;
      default:
        break;
    }
  }
  return out;
}

json defaultsForNulls(const std::vector<Field>& fields, const json& input) {
  if (!input.is_object()) return input;
  json out = input;
  for (const auto& f : fields) {
    auto it = out.find(f.name);
    if (it == out.end()) continue;
    if (it->is_null() && f.defaultValue) *it = absentValue(f);
    else if (f.type == FieldType::Record && it->is_object()) *it = defaultsForNulls(f.fields, *it);
  }
  return out;
}

}  // namespace sluice::schema
