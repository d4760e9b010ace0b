#include "admin/token_guard.h"

#include <Poco/Logger.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace sluice::admin {
namespace {

Poco::Logger& log() { return Poco::Logger::get("sluice.admin"); }

std::array<unsigned char, 32> sha256Of(const std::string& text) {
  std::array<unsigned char, 32> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return digest;
}

bool reads(const std::string& method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

}  // namespace

AdminToken AdminToken::clear(std::string name, const std::string& token, TokenRole role) {
  AdminToken t;
  t.name = std::move(name);
  t.sha256 = sha256Of(token);
  t.role = role;
  return t;
}

bool parseSha256Hex(const std::string& hex, std::array<unsigned char, 32>& out) {
  if (hex.size() != 64) return false;
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < 32; ++i) {
    const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

const AdminToken* TokenGuard::find(const std::string& bearer) const {
  const auto digest = sha256Of(bearer);
  const AdminToken* found = nullptr;
  for (const auto& t : tokens_)  // every candidate, in constant time
    if (CRYPTO_memcmp(t.sha256.data(), digest.data(), digest.size()) == 0) found = &t;
  return found;
}

bool TokenGuard::noteFailure(const std::string& address, std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (failures_.size() > 100000) std::erase_if(failures_, [now](const auto& f) { return now - f.second.since > kWindow; });
  Failures& f = failures_[address];
  if (now - f.since > kWindow) f = Failures{0, now, {}};
  if (++f.count < kMaxFailures) return false;
  f.lockedUntil = f.since + kWindow;
  return f.count == kMaxFailures;  // (locked now; later failures are refused before they count)
}

std::variant<const AdminToken*, AdminResponse> TokenGuard::check(const AdminRequest& request) {
  if (tokens_.empty()) return static_cast<const AdminToken*>(nullptr);
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    const auto it = failures_.find(request.clientAddress);
    if (it != failures_.end() && it->second.lockedUntil > now) {
      AdminResponse r = messageResponse(429, "Too many failed authentication attempts");
      const auto wait = std::chrono::duration_cast<std::chrono::seconds>(it->second.lockedUntil - now).count() + 1;
      r.headers.emplace_back("Retry-After", std::to_string(wait));
      return r;
    }
  }
  const std::string prefix = "Bearer ";
  const AdminToken* token = nullptr;
  if (request.authorization.size() > prefix.size() && request.authorization.compare(0, prefix.size(), prefix) == 0)
    token = find(request.authorization.substr(prefix.size()));
  if (!token && !request.authorization.empty()) {  // a wrong token: counted (a missing one guesses nothing)
    const bool locked = noteFailure(request.clientAddress, now);
    log().warning("Admin API: %s from %s with a wrong token", request.method, request.clientAddress);
    if (locked)
      log().warning("Admin API: %s refused for a minute after %d wrong tokens", request.clientAddress, kMaxFailures);
  }
  if (!token) {
    AdminResponse r = messageResponse(401, "Unauthorized");
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"sluice-admin\"");
    return r;
  }
  if (token->role == TokenRole::ReadOnly && !reads(request.method)) return messageResponse(403, "Forbidden: this token is read-only");
  return token;
}

}  // namespace sluice::admin
