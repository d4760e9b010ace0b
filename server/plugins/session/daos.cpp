#include "plugins/session/daos.h"

#include "plugins/credential_schema.h"

namespace sluice::plugins {
namespace td = schema::typedefs;

const schema::EntitySchema& sessions() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "sessions";
    s.adminPath = "sessions";
    s.endpointKey = "session_id";
    s.cacheKey = {"session_id"};
    s.fields = {td::id(),
                schema::stringField("session_id").asRequired().asUnique(),
                schema::integerField("expires").withDescription("When the session ends (Unix seconds)."),
                schema::stringField("data"),
                td::createdAt(),
                schema::integerField("ttl").withBetween(0, 100000000)};
    s.ttl = true;
    s.afterRead = applyRowTtl;
    return s;
  }();
  return kSchema;
}

const PluginDaos& sessionDaos() {
  static const PluginDaos kDaos{{&sessions()},
                                {{"session/000_base", R"sql(
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, session_id TEXT UNIQUE, expires BIGINT, data TEXT, created_at BIGINT, ttl BIGINT);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires);
)sql",
                                  "", ""}},
                                {"sessions"}};
  return kDaos;
}

}  // namespace sluice::plugins
