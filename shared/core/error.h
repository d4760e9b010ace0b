#pragma once
// Control-plane errors, numbered as Kong numbers them (kong/db/errors.lua) so that clients which
// read `code` or `name` see the same values. One table (error.cpp) maps each code to its name and
// HTTP status; nothing else decides a status.
#include <nlohmann/json.hpp>
#include <string>

namespace sluice::core {

enum class ErrorCode {
  InvalidPrimaryKey = 1,
  SchemaViolation = 2,
  PrimaryKeyViolation = 3,
  ForeignKeyViolation = 4,
  UniqueViolation = 5,
  NotFound = 6,
  InvalidOffset = 7,
  DatabaseError = 8,
  InvalidSize = 9,
  InvalidOptions = 11,
  OperationUnsupported = 12,
  ForeignKeysUnresolved = 13,
  DeclarativeConfig = 14,
  // Sluice's own, past Kong's range.
  DatabaseUnavailable = 100,
  BadRequest = 101,
  Unauthorized = 102,
  Forbidden = 103,
  MethodNotAllowed = 104,
  PayloadTooLarge = 105,
  UnsupportedMediaType = 106,
  Conflict = 107,  // a request that a later change to the same entity makes impossible (revert)
};

struct Error {
  ErrorCode code = ErrorCode::DatabaseError;
  std::string message;
  nlohmann::json fields;  // null, or Kong's per-field detail

  static Error schemaViolation(nlohmann::json fields);
  static Error notFound();
  static Error database(std::string detail);
  static Error unavailable(std::string detail);
  static Error badRequest(std::string message);
};

// Kong's error name ("schema violation") for codes Kong has; empty for Sluice's own.
std::string errorName(ErrorCode code);
int httpStatus(ErrorCode code);
// The Admin API body for an error, in Kong 2.8's shape.
nlohmann::json errorBody(const Error& error);

}  // namespace sluice::core
