#pragma once
// What oauth2 has given out: access tokens (with their refresh tokens) and authorization codes,
// for the whole node and across snapshots. The data plane issues them and looks them up here, in
// memory (a reactor never waits on the database); a background thread writes each change to the
// store (oauth2_tokens, oauth2_authorization_codes), so that other nodes and restarts see them.
// Each snapshot build reloads what the store holds (tokens made through the Admin API, or by other
// nodes; deleted ones gone), keeping the changes of this node not yet written.
#include "observe/log_sink.h"
#include "plugins/plugin_rows.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace sluice::plugins {

// What a token and a code share: who it was given to, for what, and how long its row lives.
struct OAuth2Grant {
  std::string id, credentialId, serviceId, authenticatedUserid, scope;
  int64_t createdAt = 0;  // Unix seconds
  int64_t ttl = 0;        // seconds the row lives (0: for ever)
  bool gone(int64_t now) const { return ttl > 0 && now - createdAt >= ttl; }
};

struct OAuth2Token : OAuth2Grant {
  std::string accessToken, refreshToken;  // (the refresh token lives as long as the row)
  int64_t expiresIn = 0;                  // seconds the access token is good for (0: for ever)
  bool accessExpired(int64_t now) const { return expiresIn > 0 && now - createdAt > expiresIn; }
};

struct OAuth2Code : OAuth2Grant {
  std::string code, challenge, challengeMethod;
  OAuth2Code() { ttl = 300; }  // Kong's: a code is good for five minutes
};

class OAuth2Grants {
 public:
  explicit OAuth2Grants(std::shared_ptr<PluginRowWriter> writer);

  // The rows the store holds now (snapshot builder).
  void reload(const std::vector<nlohmann::json>& tokens, const std::vector<nlohmann::json>& codes);

  // Calls `use` with the token under the read lock (no copy: this is every request's look-up);
  // false when there is none (or it is gone).
  template <class Use>
  bool withAccessToken(std::string_view accessToken, Use&& use) const {
    std::shared_lock lock(mutex_);
    const auto it = tokens_.find(accessToken);
    if (it == tokens_.end() || it->second.gone(nowSeconds())) return false;
    use(it->second);
    return true;
  }
  std::optional<OAuth2Token> byRefreshToken(std::string_view refreshToken) const;
  std::optional<OAuth2Code> byCode(std::string_view code) const;
  // The code, removed: a code is exchanged once (nullopt: gone meanwhile).
  std::optional<OAuth2Code> takeCode(std::string_view code);

  void add(const OAuth2Token& token);
  void add(const OAuth2Code& code);
  void remove(const OAuth2Token& token);

  uint64_t unwritten() const { return jobs_.dropped() + failed_.load(); }

 private:
  enum class Change { Added, Removed };
  struct Local {
    Change change;
    int64_t writtenAt = 0;  // 0 until the store has it
  };
  void queue(const nlohmann::json& job);
  void write(std::vector<std::string>& jobs);
  void forget(int64_t now);  // (under the lock) what expired, and local changes the store has long had
  void sweep(int64_t now);   // every minute: expired rows out of the store

  std::shared_ptr<PluginRowWriter> writer_;
  mutable std::shared_mutex mutex_;
  struct TextHash {  // looked up by a view of the request's token
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  static int64_t nowSeconds();
  std::unordered_map<std::string, OAuth2Token, TextHash, std::equal_to<>> tokens_;  // by access token
  std::unordered_map<std::string, std::string> refresh_;  // refresh token -> access token
  std::unordered_map<std::string, OAuth2Code> codes_;     // by code
  std::unordered_map<std::string, Local> local_;          // by row id
  std::atomic<int64_t> lastSweep_{0};
  std::atomic<uint64_t> failed_{0};
  observe::LogSink jobs_;  // last: its thread stops first
};

}  // namespace sluice::plugins
