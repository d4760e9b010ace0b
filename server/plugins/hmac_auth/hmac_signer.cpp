// OpenSSL 3 marks the low-level digest functions deprecated in favour of EVP, whose per-call
// dispatch and context copies are what this file avoids; they remain part of its API.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "plugins/hmac_auth/hmac_signer.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cstring>

namespace sluice::plugins {
namespace {

struct Sha1 {
  using Ctx = SHA_CTX;
  static constexpr size_t kBlock = 64, kSize = SHA_DIGEST_LENGTH;
  static void init(Ctx* c) { SHA1_Init(c); }
  static void update(Ctx* c, const void* d, size_t n) { SHA1_Update(c, d, n); }
  static void final(unsigned char* out, Ctx* c) { SHA1_Final(out, c); }
};
struct Sha256 {
  using Ctx = SHA256_CTX;
  static constexpr size_t kBlock = 64, kSize = SHA256_DIGEST_LENGTH;
  static void init(Ctx* c) { SHA256_Init(c); }
  static void update(Ctx* c, const void* d, size_t n) { SHA256_Update(c, d, n); }
  static void final(unsigned char* out, Ctx* c) { SHA256_Final(out, c); }
};
struct Sha384 {
  using Ctx = SHA512_CTX;
  static constexpr size_t kBlock = 128, kSize = SHA384_DIGEST_LENGTH;
  static void init(Ctx* c) { SHA384_Init(c); }
  static void update(Ctx* c, const void* d, size_t n) { SHA384_Update(c, d, n); }
  static void final(unsigned char* out, Ctx* c) { SHA384_Final(out, c); }
};
struct Sha512 {
  using Ctx = SHA512_CTX;
  static constexpr size_t kBlock = 128, kSize = SHA512_DIGEST_LENGTH;
  static void init(Ctx* c) { SHA512_Init(c); }
  static void update(Ctx* c, const void* d, size_t n) { SHA512_Update(c, d, n); }
  static void final(unsigned char* out, Ctx* c) { SHA512_Final(out, c); }
};

// RFC 2104: a key longer than a block is hashed first; the key, zero-padded to a block, XOR 0x36
// starts the inner hash and XOR 0x5c the outer one.
template <class H>
void hashPads(std::string_view secret, typename H::Ctx& inner, typename H::Ctx& outer) {
  unsigned char key[H::kBlock] = {};
  if (secret.size() > H::kBlock) {
    typename H::Ctx c;
    H::init(&c);
    H::update(&c, secret.data(), secret.size());
    H::final(key, &c);
    OPENSSL_cleanse(&c, sizeof c);
  } else if (!secret.empty()) {
    std::memcpy(key, secret.data(), secret.size());
  }
  unsigned char pad[H::kBlock];
  for (size_t i = 0; i < H::kBlock; ++i) pad[i] = key[i] ^ 0x36;
  H::init(&inner);
  H::update(&inner, pad, H::kBlock);
  for (size_t i = 0; i < H::kBlock; ++i) pad[i] = key[i] ^ 0x5c;
  H::init(&outer);
  H::update(&outer, pad, H::kBlock);
  OPENSSL_cleanse(key, sizeof key);
  OPENSSL_cleanse(pad, sizeof pad);
}

template <class H>
size_t mac(const typename H::Ctx& inner, const typename H::Ctx& outer, std::string_view text, unsigned char* out) {
  typename H::Ctx c = inner;
  H::update(&c, text.data(), text.size());
  unsigned char digest[H::kSize];
  H::final(digest, &c);
  c = outer;
  H::update(&c, digest, sizeof digest);
  H::final(out, &c);
  return H::kSize;
}

int algorithmIndex(std::string_view algorithm) {
  if (algorithm == "hmac-sha1") return 0;
  if (algorithm == "hmac-sha256") return 1;
  if (algorithm == "hmac-sha384") return 2;
  if (algorithm == "hmac-sha512") return 3;
  return -1;
}

}  // namespace

struct HmacSigner::Pads {
  union State {
    SHA_CTX sha1;
    SHA256_CTX sha256;
    SHA512_CTX sha512;
  };
  State inner{}, outer{};
  ~Pads() { OPENSSL_cleanse(this, sizeof *this); }
};

HmacSigner::HmacSigner(std::string secret) : secret_(std::move(secret)) {}
HmacSigner::~HmacSigner() = default;

const HmacSigner::Pads& HmacSigner::padsFor(int algorithm) const {
  const auto index = static_cast<size_t>(algorithm);
  std::call_once(once_[index], [&] {
    auto p = std::make_unique<Pads>();
    switch (algorithm) {
      case 0: hashPads<Sha1>(secret_, p->inner.sha1, p->outer.sha1); break;
      case 1: hashPads<Sha256>(secret_, p->inner.sha256, p->outer.sha256); break;
      case 2: hashPads<Sha384>(secret_, p->inner.sha512, p->outer.sha512); break;
      default: hashPads<Sha512>(secret_, p->inner.sha512, p->outer.sha512); break;
    }
    pads_[index] = std::move(p);
  });
  return *pads_[index];
}

size_t HmacSigner::sign(std::string_view algorithm, std::string_view text, unsigned char* out) const {
  const int index = algorithmIndex(algorithm);
  if (index < 0) return 0;
  const Pads& p = padsFor(index);
  switch (index) {
    case 0: return mac<Sha1>(p.inner.sha1, p.outer.sha1, text, out);
    case 1: return mac<Sha256>(p.inner.sha256, p.outer.sha256, text, out);
    case 2: return mac<Sha384>(p.inner.sha512, p.outer.sha512, text, out);
    default: return mac<Sha512>(p.inner.sha512, p.outer.sha512, text, out);
  }
}

}  // namespace sluice::plugins
