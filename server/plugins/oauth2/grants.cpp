#include "plugins/oauth2/grants.h"

#include "core/clock.h"

#include <Poco/Logger.h>

#include <mutex>

namespace sluice::plugins {
namespace {

using nlohmann::json;

std::string text(const json& row, const char* field) {
  const auto it = row.find(field);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string foreignId(const json& row, const char* field) {
  const auto it = row.find(field);
  return it != row.end() && it->is_object() ? text(*it, "id") : std::string();
}

int64_t number(const json& row, const char* field) {
  const auto it = row.find(field);
  return it != row.end() && it->is_number() ? static_cast<int64_t>(it->get<double>()) : 0;
}

json nullable(const std::string& value) { return value.empty() ? json() : json(value); }
json foreign(const std::string& id) { return id.empty() ? json() : json{{"id", id}}; }

// Rows as the store answers them; `ttl` is what is left of it then, `created_at` is the origin.
void grantOf(const json& row, int64_t now, OAuth2Grant& g) {
  g.id = text(row, "id");
  g.credentialId = foreignId(row, "credential");
  g.serviceId = foreignId(row, "service");
  g.authenticatedUserid = text(row, "authenticated_userid");
  g.scope = text(row, "scope");
  g.createdAt = number(row, "created_at");
  if (const int64_t left = number(row, "ttl"); left > 0) g.ttl = now + left - g.createdAt + 1;
}

OAuth2Token tokenOf(const json& row, int64_t now) {
  OAuth2Token t;
  grantOf(row, now, t);
  t.accessToken = text(row, "access_token");
  t.refreshToken = text(row, "refresh_token");
  t.expiresIn = number(row, "expires_in");
  return t;
}

OAuth2Code codeOf(const json& row, int64_t now) {
  OAuth2Code c;
  grantOf(row, now, c);
  c.code = text(row, "code");
  c.challenge = text(row, "challenge");
  c.challengeMethod = text(row, "challenge_method");
  return c;
}

json grantRow(const OAuth2Grant& g) {
  return {{"id", g.id},
          {"created_at", g.createdAt},
          {"service", foreign(g.serviceId)},
          {"credential", foreign(g.credentialId)},
          {"authenticated_userid", nullable(g.authenticatedUserid)},
          {"scope", nullable(g.scope)},
          {"ttl", g.ttl > 0 ? json(g.ttl) : json()}};
}

json rowOf(const OAuth2Token& t) {
  json row = grantRow(t);
  row.update({{"token_type", "bearer"}, {"expires_in", t.expiresIn}, {"access_token", t.accessToken}, {"refresh_token", nullable(t.refreshToken)}});
  return row;
}

json rowOf(const OAuth2Code& c) {
  json row = grantRow(c);
  row.update({{"code", c.code}, {"challenge", nullable(c.challenge)}, {"challenge_method", nullable(c.challengeMethod)}});
  return row;
}

constexpr const char* kTokens = "oauth2_tokens";
constexpr const char* kCodes = "oauth2_authorization_codes";

}  // namespace

OAuth2Grants::OAuth2Grants(std::shared_ptr<PluginRowWriter> writer)
    : writer_(std::move(writer)), jobs_([this](std::vector<std::string>& jobs) { write(jobs); }, 100000, 256, 20) {}

void OAuth2Grants::reload(const std::vector<json>& tokens, const std::vector<json>& codes) {
  const int64_t now = core::unixSeconds();
  decltype(tokens_) freshTokens;
  std::unordered_map<std::string, std::string> freshRefresh;
  std::unordered_map<std::string, OAuth2Code> freshCodes;
  std::unique_lock lock(mutex_);
  forget(now);
  const auto removedHere = [this](const std::string& id) {
    const auto it = local_.find(id);
    return it != local_.end() && it->second.change == Change::Removed;
  };
  for (const json& row : tokens) {
    OAuth2Token t = tokenOf(row, now);
    if (t.accessToken.empty() || removedHere(t.id)) continue;
    if (!t.refreshToken.empty()) freshRefresh[t.refreshToken] = t.accessToken;
    freshTokens[t.accessToken] = std::move(t);
  }
  for (const json& row : codes) {
    OAuth2Code c = codeOf(row, now);
    if (!c.code.empty() && !removedHere(c.id)) freshCodes[c.code] = std::move(c);
  }
  // What this node made that the store may not show yet.
  const auto addedHere = [this](const std::string& id) {
    const auto it = local_.find(id);
    return it != local_.end() && it->second.change == Change::Added;
  };
  for (auto& [access, t] : tokens_)
    if (addedHere(t.id) && !freshTokens.count(access)) {
      if (!t.refreshToken.empty()) freshRefresh[t.refreshToken] = access;
      freshTokens[access] = t;
    }
  for (auto& [code, c] : codes_)
    if (addedHere(c.id) && !freshCodes.count(code)) freshCodes[code] = c;
  tokens_.swap(freshTokens);
  refresh_.swap(freshRefresh);
  codes_.swap(freshCodes);
  lock.unlock();
  sweep(now);
}

int64_t OAuth2Grants::nowSeconds() { return core::unixSeconds(); }

std::optional<OAuth2Token> OAuth2Grants::byRefreshToken(std::string_view refreshToken) const {
  std::shared_lock lock(mutex_);
  const auto access = refresh_.find(std::string(refreshToken));
  if (access == refresh_.end()) return std::nullopt;
  const auto it = tokens_.find(access->second);
  if (it == tokens_.end() || it->second.gone(core::unixSeconds())) return std::nullopt;
  return it->second;
}

std::optional<OAuth2Code> OAuth2Grants::byCode(std::string_view code) const {
  std::shared_lock lock(mutex_);
  const auto it = codes_.find(std::string(code));
  if (it == codes_.end() || it->second.gone(core::unixSeconds())) return std::nullopt;
  return it->second;
}

std::optional<OAuth2Code> OAuth2Grants::takeCode(std::string_view code) {
  std::unique_lock lock(mutex_);
  const auto it = codes_.find(std::string(code));
  if (it == codes_.end()) return std::nullopt;
  OAuth2Code taken = std::move(it->second);
  codes_.erase(it);
  lock.unlock();
  if (taken.gone(core::unixSeconds())) return std::nullopt;
  {
    std::unique_lock relock(mutex_);
    local_[taken.id] = {Change::Removed};
  }
  queue({{"op", "remove"}, {"entity", kCodes}, {"id", taken.id}});
  return taken;
}

void OAuth2Grants::add(const OAuth2Token& token) {
  {
    std::unique_lock lock(mutex_);
    tokens_[token.accessToken] = token;
    if (!token.refreshToken.empty()) refresh_[token.refreshToken] = token.accessToken;
    local_[token.id] = {Change::Added};
  }
  queue({{"op", "insert"}, {"entity", kTokens}, {"row", rowOf(token)}});
  sweep(token.createdAt);
}

void OAuth2Grants::add(const OAuth2Code& code) {
  {
    std::unique_lock lock(mutex_);
    codes_[code.code] = code;
    local_[code.id] = {Change::Added};
  }
  queue({{"op", "insert"}, {"entity", kCodes}, {"row", rowOf(code)}});
}

void OAuth2Grants::remove(const OAuth2Token& token) {
  {
    std::unique_lock lock(mutex_);
    tokens_.erase(token.accessToken);
    if (!token.refreshToken.empty()) refresh_.erase(token.refreshToken);
    local_[token.id] = {Change::Removed};
  }
  queue({{"op", "remove"}, {"entity", kTokens}, {"id", token.id}});
}

void OAuth2Grants::queue(const json& job) {
  if (writer_) jobs_.push(job.dump());
}

void OAuth2Grants::write(std::vector<std::string>& jobs) {
  for (const std::string& text : jobs) {
    const json job = json::parse(text, nullptr, false);
    if (job.value("op", "") == "sweep") {
      for (const char* entity : {kTokens, kCodes})
        if (const core::Status swept = writer_->removeExpired(entity, core::unixSeconds()); !swept)
          Poco::Logger::get("sluice.plugins").warning("oauth2: could not delete expired %s: %s", std::string(entity), swept.error().message);
      continue;
    }
    const std::string entity = job.value("entity", "");
    const bool insert = job.value("op", "") == "insert";
    const std::string id = insert ? job["row"].value("id", "") : job.value("id", "");
    const core::Status done = insert ? writer_->insert(entity, job["row"]) : writer_->remove(entity, id);
    if (!done && done.error().code != core::ErrorCode::NotFound) {  // (a row deleted meanwhile is fine)
      ++failed_;
      Poco::Logger::get("sluice.plugins").error("oauth2: could not write %s %s: %s", entity, id, done.error().message);
      continue;  // kept as a change of this node's until it expires
    }
    std::unique_lock lock(mutex_);
    if (const auto it = local_.find(id); it != local_.end()) it->second.writtenAt = core::unixSeconds();
  }
}

void OAuth2Grants::forget(int64_t now) {
  for (auto it = tokens_.begin(); it != tokens_.end();) {
    if (!it->second.gone(now)) {
      ++it;
      continue;
    }
    if (!it->second.refreshToken.empty()) refresh_.erase(it->second.refreshToken);
    it = tokens_.erase(it);
  }
  for (auto it = codes_.begin(); it != codes_.end();) it = it->second.gone(now) ? codes_.erase(it) : std::next(it);
  // A change the store has had for a while shows in what it answers (or never will: removed).
  for (auto it = local_.begin(); it != local_.end();)
    it = it->second.writtenAt > 0 && now - it->second.writtenAt > 30 ? local_.erase(it) : std::next(it);
}

void OAuth2Grants::sweep(int64_t now) {
  int64_t last = lastSweep_.load();
  if (!writer_ || now - last < 60 || !lastSweep_.compare_exchange_strong(last, now)) return;
  queue({{"op", "sweep"}});
}

}  // namespace sluice::plugins
