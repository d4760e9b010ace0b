#include "store/sql_mapping.h"

namespace sluice::store {
using schema::FieldType;
using schema::json;

std::string columnName(const schema::Field& field) {
  return field.type == FieldType::Foreign ? field.name + "_id" : field.name;
}

std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

std::string columnList(const schema::EntitySchema& schema) {
  std::string out;
  for (const auto& f : schema.fields) out += (out.empty() ? "" : ", ") + quoted(columnName(f));
  return out;
}

SqlValue toSqlValue(const schema::Field& field, const json& value) {
  if (value.is_null()) return nullptr;
  switch (field.type) {
    case FieldType::String: return value.get<std::string>();
    case FieldType::Integer: return value.get<int64_t>();
    case FieldType::Number: return value.get<double>();
    case FieldType::Boolean: return value.get<bool>();
    case FieldType::Foreign: return value.at("id").get<std::string>();
    default: return value.dump();
  }
}

json fromSqlText(const schema::Field& field, const std::optional<std::string>& text) {
  if (!text) return nullptr;
  switch (field.type) {
    case FieldType::String: return *text;
    case FieldType::Integer: return std::stoll(*text);
    case FieldType::Number: {
      json n = json::parse(*text, nullptr, false);
      return n.is_number() ? n : json(std::stod(*text));
    }
    case FieldType::Boolean: return *text == "1" || *text == "t" || *text == "true";
    case FieldType::Foreign: return json{{"id", *text}};
    default: return json::parse(*text, nullptr, false);
  }
}

json rowToEntity(const schema::EntitySchema& schema, const SqlRow& row) {
  json entity = json::object();
  for (size_t i = 0; i < schema.fields.size() && i < row.size(); ++i)
    entity[schema.fields[i].name] = fromSqlText(schema.fields[i], row[i]);
  return entity;
}

}  // namespace sluice::store
