#include "core/digest.h"

#include <openssl/evp.h>

namespace sluice::core {

std::string md5Hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_md5(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) out.append({kHex[digest[i] >> 4], kHex[digest[i] & 15]});
  return out;
}

}  // namespace sluice::core
