#pragma once
// The `kong` storage of sessions: the node's sessions by id, in memory (a reactor never waits on
// the database), written behind to the store's `sessions` table and reloaded with each
// configuration build (sessions other nodes started, logouts elsewhere), keeping this node's
// changes the store may not show yet.
#include "observe/log_sink.h"
#include "plugins/plugin_rows.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace sluice::plugins {

struct SessionData {
  std::string consumerId, credentialId;
  int64_t expires = 0;  // Unix seconds
  int64_t issued = 0;   // when the cookie was last made (for cookie_idletime)
};

class SessionStore {
 public:
  explicit SessionStore(std::shared_ptr<PluginRowWriter> writer);
  void reload(const std::vector<nlohmann::json>& rows);
  std::optional<SessionData> find(const std::string& sessionId) const;
  // `lingerSeconds`: how long the session's row stays once it is removed (0: at once).
  void add(const std::string& sessionId, const SessionData& data);
  void remove(const std::string& sessionId, int64_t lingerSeconds = 0);

 private:
  struct Entry {
    std::string rowId;
    SessionData data;
    int64_t localAt = 0;    // when this node made it (0: from the store)
  };
  void write(std::vector<std::string>& jobs);

  std::shared_ptr<PluginRowWriter> writer_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> sessions_;
  std::unordered_map<std::string, int64_t> removedAt_;  // session ids this node ended, for a while
  observe::LogSink jobs_;  // last: its thread stops first
};

}  // namespace sluice::plugins
