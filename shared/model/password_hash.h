#pragma once
// Salted PBKDF2-SHA256 password hashes for basic-auth credentials, stored as
//   $pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>
// Plain-text passwords never reach the store.
#include <string>

namespace sluice::model {

std::string hashPassword(const std::string& password);
bool isPasswordHash(const std::string& text);
bool verifyPassword(const std::string& password, const std::string& hash);

}  // namespace sluice::model
