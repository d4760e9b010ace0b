#pragma once
#include "store/database.h"

#include <string>

struct pg_conn;

namespace sluice::store {

struct PostgresSettings {
  std::string host = "127.0.0.1";
  int port = 5432;
  std::string user = "sluice";
  std::string password;
  std::string database = "sluice";
  bool ssl = false;
  int connectTimeoutSeconds = 5;
  // Where the change feed's session connection goes (empty / 0: host and port). LISTEN is session
  // state: it needs PostgreSQL itself (or a session pool) when the queries go through PgBouncer in
  // transaction mode.
  std::string notifyHost;
  int notifyPort = 0;
};

// PostgreSQL through libpq. A lost connection is reported as DatabaseUnavailable and re-established
// on the next call, so the Admin API recovers by itself when the server is back.
class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(PostgresSettings settings);
  ~PostgresDatabase() override;

  std::string_view kind() const override { return "postgres"; }
  core::Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params) override;
  core::Status execScript(const std::string& sql) override;
  std::string placeholder(int index) const override;
  core::Result<std::vector<std::string>> columns(const std::string& table) override;
  bool tableExists(const std::string& table) override;
  std::unique_ptr<ChangeFeed> changeFeed() override;

  core::Status connect();
  pg_conn* connection() { return conn_; }

 private:
  PostgresSettings settings_;
  pg_conn* conn_ = nullptr;
};

}  // namespace sluice::store
