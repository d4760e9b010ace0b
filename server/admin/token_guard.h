#pragma once
// Who may use the Admin API: bearer tokens from sluice.conf (admin_tokens in clear, or
// admin_token_hashes as their SHA-256, so that the file need not hold them), each with a name for
// the audit log and a role (admin, or read-only: GET, HEAD and OPTIONS). Every token is kept as its
// SHA-256 and compared in constant time. An address that keeps presenting wrong tokens is slowed
// down: after `kMaxFailures` failures within a minute it is refused (429, Retry-After) until that
// minute is over, without trying its tokens; each failure and each lock-out is logged.
#include "admin/admin_types.h"

#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace sluice::admin {

enum class TokenRole { Admin, ReadOnly };

struct AdminToken {
  std::string name;                      // for the audit log ("token-1" when none was given)
  std::array<unsigned char, 32> sha256{};  // of the token
  TokenRole role = TokenRole::Admin;
  // A token given in clear.
  static AdminToken clear(std::string name, const std::string& token, TokenRole role);
};

class TokenGuard {
 public:
  static constexpr int kMaxFailures = 10;
  static constexpr std::chrono::seconds kWindow{60};

  explicit TokenGuard(std::vector<AdminToken> tokens) : tokens_(std::move(tokens)) {}
  bool enabled() const { return !tokens_.empty(); }
  // The token the request carries, or the answer that refuses it (401, 403 for a read-only token's
  // write, 429 for an address locked out). With no tokens configured every request passes (null).
  std::variant<const AdminToken*, AdminResponse> check(const AdminRequest& request);

 private:
  struct Failures {
    int count = 0;
    std::chrono::steady_clock::time_point since, lockedUntil;
  };
  const AdminToken* find(const std::string& bearer) const;
  // A failure from `address`; true when it locks the address out.
  bool noteFailure(const std::string& address, std::chrono::steady_clock::time_point now);

  std::vector<AdminToken> tokens_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;
};

// "sha256 hex" (64 hexadecimal digits) into bytes; false when it is not.
bool parseSha256Hex(const std::string& hex, std::array<unsigned char, 32>& out);

}  // namespace sluice::admin
