#include "plugins/encodings.h"

#include "plugins/authentication.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace sluice::plugins {

std::string base64urlEncode(const unsigned char* data, size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  out.resize(static_cast<size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size))));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return out;
}

bool base64urlDecode(std::string_view in, std::string& out) {
  std::string text(in);
  for (char& c : text) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (text.size() % 4) text.push_back('=');
  return base64Decode(text, out);
}

std::string escapeUriComponent(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~')
      out.push_back(static_cast<char>(c));
    else
      out.append({'%', kHex[c >> 4], kHex[c & 15]});
  }
  return out;
}

std::string randomHex(size_t bytes) {
  unsigned char raw[32];
  bytes = std::min(bytes, sizeof raw);
  RAND_bytes(raw, static_cast<int>(bytes));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < bytes; ++i) out.append({kHex[raw[i] >> 4], kHex[raw[i] & 15]});
  return out;
}

}  // namespace sluice::plugins
