#pragma once
// A field of an entity or plugin config, declared once. The same declaration drives validation,
// default filling, storage mapping, `GET /schemas/...` and the manager's forms. Fields are built from
// the presets in typedefs.h and refined with the `with...` modifiers, e.g.
//   typedefs::port("port").withDefault(80)
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sluice::schema {

using json = nlohmann::json;

enum class FieldType { String, Integer, Number, Boolean, Array, Set, Map, Record, Foreign };
enum class AutoValue { None, Uuid, RandomKey, Timestamp, TimestampMillis };
enum class OnDelete { Restrict, Cascade };

// A custom check on a non-null value of the right type: an error message, or nullopt when fine.
using ValueCheck = std::function<std::optional<std::string>(const json& value)>;

// An entity-level rule (or a record's). Kong's checks (at_least_one_of, mutually_exclusive_sets, conditional...)
// are all expressed as a function over the whole entity plus a description for /schemas.
struct EntityCheck {
  std::string name;  // "at_least_one_of", "custom", ...
  json args;         // exported as {name: args} in /schemas
  // Runs only when the fields it names have no errors. Returns messages for "@entity", or
  // per-field messages as {"field": "message"} (an "@entity" key there: messages for "@entity").
  std::function<std::optional<json>(const json& entity)> run;
  std::vector<std::string> fieldNames;
};

struct Field {
  std::string name;
  FieldType type = FieldType::String;
  bool required = false;
  std::optional<json> defaultValue;
  AutoValue autoValue = AutoValue::None;
  bool unique = false;
  bool uuid = false;
  bool timestamp = false;
  bool regexPattern = false;  // a value (or element) the server compiles as a regex
  bool asteriskAllowed = false;  // with regexPattern: a lone "*" is taken as it is (cors origins)
  bool pluginConfig = false;  // a record whose fields come from the plugin named by the entity
  std::vector<json> oneOf;
  std::optional<double> min, max;
  std::optional<double> gt;  // Kong's `gt`: the value must be greater
  std::optional<size_t> lenMin;
  std::vector<std::string> startsWith;  // any of these prefixes
  std::vector<ValueCheck> checks;
  std::string reference;  // Foreign: the referenced entity's name
  OnDelete onDelete = OnDelete::Restrict;
  std::shared_ptr<const Field> elements;      // Array, Set
  std::shared_ptr<const Field> keys, values;  // Map
  std::vector<Field> fields;                  // Record
  std::vector<EntityCheck> recordChecks;      // Record: Kong's entity_checks of a nested record
  std::string description;

  Field withDefault(json value) const;
  Field asRequired() const;
  Field asUnique() const;
  Field withOneOf(std::vector<json> values) const;
  Field withBetween(double low, double high) const;
  Field withGreaterThan(double limit) const;
  Field withLenMin(size_t n) const;
  Field withCheck(ValueCheck check) const;
  Field withRecordChecks(std::vector<EntityCheck> recordChecks) const;
  Field withDescription(std::string text) const;
  Field named(std::string newName) const;
  Field onDeleteCascade() const;

  const Field* field(const std::string& fieldName) const;  // Record subfield or null
};

// Constructors for the structural types.
Field stringField(std::string name);
Field integerField(std::string name);
Field numberField(std::string name);
Field booleanField(std::string name);
Field arrayField(std::string name, Field elements);
Field setField(std::string name, Field elements);
Field mapField(std::string name, Field keys, Field values);
Field recordField(std::string name, std::vector<Field> fields);
Field foreignField(std::string name, std::string reference);

const char* typeName(FieldType type);

}  // namespace sluice::schema
