#pragma once
// Salted PBKDF2-SHA256 password hashes for basic-auth credentials, stored as
//   $pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>
// Plain-text passwords never reach the store. Credentials migrated from Kong keep Kong 2.8's hash,
// SHA-1 of the password followed by the consumer's id, stored as
//   $kong-sha1$<consumer id>$<hash hex>
#include <string>

namespace sluice::model {

std::string hashPassword(const std::string& password);
bool isPasswordHash(const std::string& text);
bool verifyPassword(const std::string& password, const std::string& hash);
// A Kong 2.8 basic-auth hash (40 hex digits) as this store keeps it.
std::string kongSha1Hash(const std::string& consumerId, const std::string& hexDigest);

}  // namespace sluice::model
