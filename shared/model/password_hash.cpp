#include "model/password_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
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

namespace {

constexpr const char* kPhcPrefix = "$pbkdf2-sha512$";

std::string base64NoPadding(const unsigned char* data, size_t n) {
  std::string out(4 * ((n + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(n));
  out.resize(static_cast<size_t>(written));
  while (!out.empty() && out.back() == '=') out.pop_back();
  return out;
}

bool base64Decode(std::string text, std::vector<unsigned char>& out) {
  while (text.size() % 4) text.push_back('=');
  out.assign(3 * text.size() / 4 + 1, 0);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return false;
  size_t length = static_cast<size_t>(n);
  for (size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --length;  // EVP_DecodeBlock counts padding as bytes
  out.resize(length);
  return true;
}

std::vector<unsigned char> deriveSha512(const std::string& secret, const std::vector<unsigned char>& salt, int iterations, size_t length) {
  std::vector<unsigned char> out(length);
  if (PKCS5_PBKDF2_HMAC(secret.data(), static_cast<int>(secret.size()), salt.data(), static_cast<int>(salt.size()), iterations,
                        EVP_sha512(), static_cast<int>(out.size()), out.data()) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return out;
}

// "$pbkdf2-sha512$i=10000,l=32$salt$hash"
bool verifyKongSecret(const std::string& secret, const std::string& stored) {
  const std::string rest = stored.substr(std::string(kPhcPrefix).size());
  const auto d1 = rest.find('$'), d2 = rest.find('$', d1 + 1);
  if (d1 == std::string::npos || d2 == std::string::npos) return false;
  int iterations = 0;
  size_t length = 0;
  std::string params = rest.substr(0, d1);
  for (size_t start = 0; start <= params.size();) {
    const size_t comma = std::min(params.find(',', start), params.size());
    const std::string kv = params.substr(start, comma - start);
    try {
      if (kv.rfind("i=", 0) == 0) iterations = std::stoi(kv.substr(2));
      if (kv.rfind("l=", 0) == 0) length = static_cast<size_t>(std::stoul(kv.substr(2)));
    } catch (const std::exception&) {
      return false;
    }
    start = comma + 1;
  }
  std::vector<unsigned char> salt, expected;
  if (iterations <= 0 || length == 0 || length > 128 || !base64Decode(rest.substr(d1 + 1, d2 - d1 - 1), salt) ||
      !base64Decode(rest.substr(d2 + 1), expected) || expected.size() != length)
    return false;
  const auto actual = deriveSha512(secret, salt, iterations, length);
  return CRYPTO_memcmp(expected.data(), actual.data(), actual.size()) == 0;
}

}  // namespace

std::string hashKongSecret(const std::string& secret) {
  std::vector<unsigned char> salt(kSaltBytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) throw std::runtime_error("no randomness for a salt");
  const auto hash = deriveSha512(secret, salt, 10000, 32);
  return std::string(kPhcPrefix) + "i=10000,l=32$" + base64NoPadding(salt.data(), salt.size()) + "$" +
         base64NoPadding(hash.data(), hash.size());
}

bool isKongSecretHash(const std::string& text) { return text.rfind(kPhcPrefix, 0) == 0; }

bool verifyPassword(const std::string& password, const std::string& stored) {
  if (stored.rfind(kKongPrefix, 0) == 0) return verifyKongSha1(password, stored);
  if (isKongSecretHash(stored)) return verifyKongSecret(password, stored);
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
