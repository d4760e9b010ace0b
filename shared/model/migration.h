#pragma once
// One versioned step of the database schema: hand-written SQL (the same text serves SQLite and
// PostgreSQL; a step may carry a PostgreSQL-only or SQLite-only addendum where the dialects
// differ). The core entities' steps live with the store; a plugin's with the plugin (Kong's
// kong/plugins/<name>/migrations), named "<plugin>/<step>".
#include <string>

namespace sluice::model {

struct Migration {
  std::string name;
  std::string sql;
  std::string postgresOnly;
  std::string sqliteOnly;
};

}  // namespace sluice::model
