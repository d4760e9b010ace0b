#include "model/password_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cctype>
#include <stdexcept>
#include <vector>

namespace sluice::model {
namespace {

constexpr const char* kPrefix = "$pbkdf2-sha256$";
constexpr const char* kKongPrefix = "$kong-sha1$";
constexpr int kIterations = 20000;
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

std::string toHex(const unsigned char* data, size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kHex[data[i] >> 4]);
    out.push_back(kHex[data[i] & 0x0f]);
  }
  return out;
}

std::vector<unsigned char> fromHex(const std::string& hex) {
  std::vector<unsigned char> out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

std::vector<unsigned char> derive(const std::string& password, const std::vector<unsigned char>& salt, int iterations) {
  std::vector<unsigned char> out(kHashBytes);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                        iterations, EVP_sha256(), static_cast<int>(out.size()), out.data()) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return out;
}

}  // namespace

std::string hashPassword(const std::string& password) {
  std::vector<unsigned char> salt(kSaltBytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) throw std::runtime_error("no randomness for a salt");
  const auto hash = derive(password, salt, kIterations);
  return std::string(kPrefix) + std::to_string(kIterations) + "$" + toHex(salt.data(), salt.size()) + "$" +
         toHex(hash.data(), hash.size());
}

bool isPasswordHash(const std::string& text) { return text.rfind(kPrefix, 0) == 0 || text.rfind(kKongPrefix, 0) == 0; }

std::string kongSha1Hash(const std::string& consumerId, const std::string& hexDigest) {
  std::string lower = hexDigest;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::string(kKongPrefix) + consumerId + "$" + lower;
}

namespace {

bool verifyKongSha1(const std::string& password, const std::string& stored) {
  const std::string rest = stored.substr(std::string(kKongPrefix).size());
  const auto dollar = rest.find('$');
  if (dollar == std::string::npos) return false;
  const std::string salted = password + rest.substr(0, dollar);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(salted.data(), salted.size(), digest, &length, EVP_sha1(), nullptr) != 1) return false;
  const std::string actual = toHex(digest, length), expected = rest.substr(dollar + 1);
  return expected.size() == actual.size() && CRYPTO_memcmp(expected.data(), actual.data(), actual.size()) == 0;
}

}  // namespace

bool verifyPassword(const std::string& password, const std::string& stored) {
  if (stored.rfind(kKongPrefix, 0) == 0) return verifyKongSha1(password, stored);
  if (!isPasswordHash(stored)) return false;
  const std::string rest = stored.substr(std::string(kPrefix).size());
  const auto d1 = rest.find('$'), d2 = rest.find('$', d1 + 1);
  if (d1 == std::string::npos || d2 == std::string::npos) return false;
  try {
    const int iterations = std::stoi(rest.substr(0, d1));
    const auto salt = fromHex(rest.substr(d1 + 1, d2 - d1 - 1));
    const auto expected = fromHex(rest.substr(d2 + 1));
    const auto actual = derive(password, salt, iterations);
    return expected.size() == actual.size() && CRYPTO_memcmp(expected.data(), actual.data(), actual.size()) == 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace sluice::model
