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

// Kong 2.8's hashed oauth2 client secrets (kong/plugins/oauth2/secret.lua), in its PHC string:
//   $pbkdf2-sha512$i=10000,l=32$<salt base64>$<hash base64>   (base64 without padding)
// verifyPassword() checks them as well.
std::string hashKongSecret(const std::string& secret);
bool isKongSecretHash(const std::string& text);

}  // namespace sluice::model
