#pragma once
// HMAC-SHA1/256/384/512 under one credential's secret. The key's inner and outer pads are hashed
// once per algorithm (on first use, by whichever thread comes first) and their hash states copied
// for each request: a signature then costs the hash of the signing string and of one digest — no
// key schedule, no OpenSSL EVP dispatch or context copies (which allocate), no lock.
#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace sluice::plugins {

class HmacSigner {
 public:
  static constexpr size_t kMaxMacSize = 64;
  explicit HmacSigner(std::string secret);
  ~HmacSigner();
  HmacSigner(const HmacSigner&) = delete;
  HmacSigner& operator=(const HmacSigner&) = delete;

  // The MAC of `text` ("hmac-sha1", "hmac-sha256", "hmac-sha384" or "hmac-sha512") into `mac`
  // (kMaxMacSize bytes of room); 0 for another algorithm.
  size_t sign(std::string_view algorithm, std::string_view text, unsigned char* mac) const;

 private:
  struct Pads;
  const Pads& padsFor(int algorithm) const;

  std::string secret_;
  mutable std::array<std::once_flag, 4> once_;
  mutable std::array<std::unique_ptr<Pads>, 4> pads_;
};

}  // namespace sluice::plugins
