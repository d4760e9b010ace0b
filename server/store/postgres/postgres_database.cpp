#include "store/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <poll.h>

#include <memory>

namespace sluice::store {
namespace {

std::string quoteConninfo(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};

}  // namespace

PostgresDatabase::PostgresDatabase(PostgresSettings settings) : settings_(std::move(settings)) {}

PostgresDatabase::~PostgresDatabase() {
  if (conn_) PQfinish(conn_);
}

core::Status PostgresDatabase::connect() {
  if (conn_ && PQstatus(conn_) == CONNECTION_OK) return core::Ok{};
  if (conn_) PQfinish(conn_);
  const std::string info = "host=" + quoteConninfo(settings_.host) + " port=" + std::to_string(settings_.port) +
                           " user=" + quoteConninfo(settings_.user) + " password=" + quoteConninfo(settings_.password) +
                           " dbname=" + quoteConninfo(settings_.database) +
                           " sslmode=" + (settings_.ssl ? "require" : "prefer") +
                           " connect_timeout=" + std::to_string(settings_.connectTimeoutSeconds) +
                           " application_name=sluice";
  conn_ = PQconnectdb(info.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    PQfinish(conn_);
    conn_ = nullptr;
    return core::Error::unavailable("PostgreSQL at " + settings_.host + ":" + std::to_string(settings_.port) +
                                    " is unreachable: " + message);
  }
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  return core::Ok{};
}

core::Result<SqlRows> PostgresDatabase::query(const std::string& sql, const std::vector<SqlValue>& params) {
  if (auto s = connect(); !s) return s.error();
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) return;
          else if constexpr (std::is_same_v<T, bool>) texts[i] = v ? "true" : "false";
          else if constexpr (std::is_same_v<T, std::string>) texts[i] = v;
          else texts[i] = std::to_string(v);
          values[i] = texts[i].c_str();
        },
        params[i]);
    if (std::holds_alternative<double>(params[i])) {
      char buf[64];
      snprintf(buf, sizeof buf, "%.17g", std::get<double>(params[i]));
      texts[i] = buf;
      values[i] = texts[i].c_str();
    }
  }
  std::unique_ptr<PGresult, ResultDeleter> res(
      PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr, nullptr, 0));
  const auto status = PQresultStatus(res.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string message = PQresultErrorMessage(res.get());
    while (!message.empty() && message.back() == '\n') message.pop_back();
    const char* state = PQresultErrorField(res.get(), PG_DIAG_SQLSTATE);
    const std::string sqlstate = state ? state : "";
    if (PQstatus(conn_) != CONNECTION_OK || sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0) {
      PQfinish(conn_);
      conn_ = nullptr;
      return core::Error::unavailable("PostgreSQL connection lost: " + message);
    }
    if (sqlstate == "23505") return core::Error{core::ErrorCode::UniqueViolation, message, nullptr};
    if (sqlstate == "23503") return core::Error{core::ErrorCode::ForeignKeyViolation, message, nullptr};
    return core::Error::database("PostgreSQL: " + message);
  }
  SqlRows rows;
  const int n = PQntuples(res.get()), columns = PQnfields(res.get());
  rows.reserve(n);
  for (int r = 0; r < n; ++r) {
    SqlRow row(columns);
    for (int c = 0; c < columns; ++c)
      if (!PQgetisnull(res.get(), r, c)) row[c] = std::string(PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

core::Status PostgresDatabase::execScript(const std::string& sql) {
  if (auto s = connect(); !s) return s.error();
  std::unique_ptr<PGresult, ResultDeleter> res(PQexec(conn_, sql.c_str()));
  const auto status = PQresultStatus(res.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return core::Error::database(std::string("PostgreSQL: ") + PQresultErrorMessage(res.get()));
  return core::Ok{};
}

namespace {

// A connection of its own that LISTENs on sluice_config.
class PostgresChangeFeed final : public ChangeFeed {
 public:
  explicit PostgresChangeFeed(PostgresSettings settings) : db_(std::move(settings)) {}

  bool wait(int timeoutMs, std::vector<ChangedRow>& rows) override {
    if (!listening_) {
      listening_ = db_.execScript("LISTEN sluice_config").ok();
      if (!listening_) {
        poll(nullptr, 0, timeoutMs);  // the database is away: try again later
        return false;
      }
      return true;  // (re)connected: changes may have been missed meanwhile
    }
    pg_conn* conn = db_.connection();
    pollfd fd{PQsocket(conn), POLLIN, 0};
    if (poll(&fd, 1, timeoutMs) <= 0) return false;
    if (PQconsumeInput(conn) == 0) {
      listening_ = false;  // connection lost
      return true;
    }
    bool changed = false;
    while (PGnotify* n = PQnotifies(conn)) {
      // "table:id" from a row trigger; a bare "table" from a statement (TRUNCATE, older nodes).
      const std::string_view payload = n->extra ? n->extra : "";
      const auto colon = payload.find(':');
      if (colon == std::string_view::npos) rows.push_back({std::string(payload), {}});
      else rows.push_back({std::string(payload.substr(0, colon)), std::string(payload.substr(colon + 1))});
      // An empty table name would read as "missed changes": name it as unknown instead.
      if (rows.back().table.empty()) rows.back().table = "?";
      changed = true;
      PQfreemem(n);
    }
    return changed;
  }

 private:
  PostgresDatabase db_;
  bool listening_ = false;
};

}  // namespace

std::unique_ptr<ChangeFeed> PostgresDatabase::changeFeed() {
  PostgresSettings session = settings_;
  if (!session.notifyHost.empty()) session.host = session.notifyHost;
  if (session.notifyPort > 0) session.port = session.notifyPort;
  return std::make_unique<PostgresChangeFeed>(session);
}

std::string PostgresDatabase::placeholder(int index) const {
  std::string marker = std::to_string(index);
  marker.insert(marker.begin(), '$');  // (not "$" + ...: GCC 12 warns falsely on that with -Wrestrict)
  return marker;
}

core::Result<std::vector<std::string>> PostgresDatabase::columns(const std::string& table) {
  auto rows = query("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND "
                    "table_name = $1",
                    {table});
  if (!rows) return rows.error();
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r[0].value_or(""));
  return out;
}

bool PostgresDatabase::tableExists(const std::string& table) {
  auto rows = query("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1",
                    {table});
  return rows && !rows->empty();
}

}  // namespace sluice::store
