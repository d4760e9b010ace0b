#include "schema/field.h"

namespace sluice::schema {

Field Field::withDefault(json value) const {
  Field f = *this;
  f.defaultValue = std::move(value);
  return f;
}

Field Field::asRequired() const {
  Field f = *this;
  f.required = true;
  return f;
}

Field Field::asUnique() const {
  Field f = *this;
  f.unique = true;
  return f;
}

Field Field::withOneOf(std::vector<json> values) const {
  Field f = *this;
  f.oneOf = std::move(values);
  return f;
}

Field Field::withBetween(double low, double high) const {
  Field f = *this;
  f.min = low;
  f.max = high;
  return f;
}

Field Field::withGreaterThan(double limit) const {
  Field f = *this;
  f.gt = limit;
  return f;
}

Field Field::withLenMin(size_t n) const {
  Field f = *this;
  f.lenMin = n;
  return f;
}

Field Field::withCheck(ValueCheck check) const {
  Field f = *this;
  f.checks.push_back(std::move(check));
  return f;
}

Field Field::withRecordChecks(std::vector<EntityCheck> recordChecks) const {
  Field f = *this;
  f.recordChecks = std::move(recordChecks);
  return f;
}

Field Field::withDescription(std::string text) const {
  Field f = *this;
  f.description = std::move(text);
  return f;
}

Field Field::named(std::string newName) const {
  Field f = *this;
  f.name = std::move(newName);
  return f;
}

Field Field::onDeleteCascade() const {
  Field f = *this;
  f.onDelete = OnDelete::Cascade;
  return f;
}

const Field* Field::field(const std::string& fieldName) const {
  for (const auto& f : fields)
    if (f.name == fieldName) return &f;
  return nullptr;
}

namespace {
Field make(std::string name, FieldType type) {
  Field f;
  f.name = std::move(name);
  f.type = type;
  return f;
}
}  // namespace

Field stringField(std::string name) { return make(std::move(name), FieldType::String); }
Field integerField(std::string name) { return make(std::move(name), FieldType::Integer); }
Field numberField(std::string name) { return make(std::move(name), FieldType::Number); }
Field booleanField(std::string name) { return make(std::move(name), FieldType::Boolean); }

Field arrayField(std::string name, Field elements) {
  Field f = make(std::move(name), FieldType::Array);
  f.elements = std::make_shared<const Field>(std::move(elements));
  return f;
}

Field setField(std::string name, Field elements) {
  Field f = make(std::move(name), FieldType::Set);
  f.elements = std::make_shared<const Field>(std::move(elements));
  return f;
}

Field mapField(std::string name, Field keys, Field values) {
  Field f = make(std::move(name), FieldType::Map);
  f.keys = std::make_shared<const Field>(std::move(keys));
  f.values = std::make_shared<const Field>(std::move(values));
  return f;
}

Field recordField(std::string name, std::vector<Field> fields) {
  Field f = make(std::move(name), FieldType::Record);
  f.fields = std::move(fields);
  return f;
}

Field foreignField(std::string name, std::string reference) {
  Field f = make(std::move(name), FieldType::Foreign);
  f.reference = std::move(reference);
  return f;
}

const char* typeName(FieldType type) {
  switch (type) {
    case FieldType::String: return "string";
    case FieldType::Integer: return "integer";
    case FieldType::Number: return "number";
    case FieldType::Boolean: return "boolean";
    case FieldType::Array: return "array";
    case FieldType::Set: return "set";
    case FieldType::Map: return "map";
    case FieldType::Record: return "record";
    case FieldType::Foreign: return "foreign";
  }
  return "string";
}

}  // namespace sluice::schema
