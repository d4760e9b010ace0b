#pragma once
// How a schema maps to SQL: a column per field (foreign keys as "<field>_id", structured values as
// JSON text), values converted by the field's type. The only place that knows the convention.
#include "schema/entity_schema.h"
#include "store/database.h"

namespace sluice::store {

std::string columnName(const schema::Field& field);
std::string quoted(const std::string& identifier);
std::string columnList(const schema::EntitySchema& schema);  // quoted, in field order

SqlValue toSqlValue(const schema::Field& field, const schema::json& value);
schema::json fromSqlText(const schema::Field& field, const std::optional<std::string>& text);
// A row selected with columnList() back to an entity.
schema::json rowToEntity(const schema::EntitySchema& schema, const SqlRow& row);

}  // namespace sluice::store
