#include "plugins/session/session_store.h"

#include "core/clock.h"
#include "core/uuid.h"

#include <Poco/Logger.h>

#include <mutex>

namespace sluice::plugins {
namespace {

using nlohmann::json;

constexpr int64_t kRememberLocal = 60;  // seconds a change of this node's outweighs what the store says

}  // namespace

SessionStore::SessionStore(std::shared_ptr<PluginRowWriter> writer)
    : writer_(std::move(writer)), jobs_([this](std::vector<std::string>& jobs) { write(jobs); }, 100000, 256, 20) {}

void SessionStore::reload(const std::vector<json>& rows) {
  const int64_t now = core::unixSeconds();
  std::unordered_map<std::string, Entry> fresh;
  for (const json& row : rows) {
    const std::string id = row.value("session_id", "");
    if (id.empty() || removedAt_.count(id)) continue;
    const json data = json::parse(row.value("data", "{}"), nullptr, false);
    Entry e;
    e.rowId = row.value("id", "");
    e.data.consumerId = data.is_object() ? data.value("consumer", "") : "";
    e.data.credentialId = data.is_object() ? data.value("credential", "") : "";
    e.data.issued = data.is_object() ? data.value("issued", int64_t{0}) : 0;
    e.data.expires = row.value("expires", int64_t{0});
    if (e.data.expires > now) fresh.emplace(id, std::move(e));
  }
  std::unique_lock lock(mutex_);
  for (auto& [id, e] : sessions_)
    if (e.localAt > 0 && now - e.localAt < kRememberLocal && e.data.expires > now) fresh.emplace(id, e);
  sessions_.swap(fresh);
  for (auto it = removedAt_.begin(); it != removedAt_.end();) it = now - it->second > kRememberLocal ? removedAt_.erase(it) : std::next(it);
}

std::optional<SessionData> SessionStore::find(const std::string& sessionId) const {
  std::shared_lock lock(mutex_);
  const auto it = sessions_.find(sessionId);
  if (it == sessions_.end() || it->second.data.expires <= core::unixSeconds()) return std::nullopt;
  return it->second.data;
}

void SessionStore::add(const std::string& sessionId, const SessionData& data) {
  Entry e{core::newUuid(), data, core::unixSeconds()};
  const json row{{"id", e.rowId},
                 {"session_id", sessionId},
                 {"expires", data.expires},
                 {"data", json{{"consumer", data.consumerId}, {"credential", data.credentialId}, {"issued", data.issued}}.dump()},
                 {"created_at", e.localAt},
                 {"ttl", std::max<int64_t>(1, data.expires - e.localAt)}};
  {
    std::unique_lock lock(mutex_);
    sessions_[sessionId] = std::move(e);
  }
  if (writer_) jobs_.push(json{{"op", "insert"}, {"row", row}}.dump());
}

void SessionStore::remove(const std::string& sessionId, int64_t lingerSeconds) {
  std::string rowId;
  {
    std::unique_lock lock(mutex_);
    const auto it = sessions_.find(sessionId);
    if (it == sessions_.end()) return;
    if (lingerSeconds > 0) {  // renewed: the old id keeps working a little while
      it->second.data.expires = std::min(it->second.data.expires, core::unixSeconds() + lingerSeconds);
      return;
    }
    rowId = it->second.rowId;
    sessions_.erase(it);
    removedAt_[sessionId] = core::unixSeconds();
  }
  if (writer_ && !rowId.empty()) jobs_.push(json{{"op", "remove"}, {"id", rowId}}.dump());
}

void SessionStore::write(std::vector<std::string>& jobs) {
  for (const std::string& text : jobs) {
    const json job = json::parse(text, nullptr, false);
    const bool insert = job.value("op", "") == "insert";
    const core::Status done = insert ? writer_->insert("sessions", job["row"]) : writer_->remove("sessions", job.value("id", ""));
    if (!done && done.error().code != core::ErrorCode::NotFound)
      Poco::Logger::get("sluice.plugins").error("session: could not write a session: %s", done.error().message);
  }
  static thread_local int64_t lastSweep = 0;  // (the sink's one thread)
  if (const int64_t now = core::unixSeconds(); now - lastSweep >= 60) {
    lastSweep = now;
    (void)writer_->removeExpired("sessions", now);
  }
}

}  // namespace sluice::plugins
