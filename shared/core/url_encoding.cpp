#include "core/url_encoding.h"

#include <cctype>

namespace sluice::core {

std::string percentEncode(std::string_view in, bool spaceAsPlus) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size());
  for (const unsigned char c : in) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out.push_back(static_cast<char>(c));
    else if (c == ' ' && spaceAsPlus) out.push_back('+');
    else out.append({'%', kHex[c >> 4], kHex[c & 15]});
  }
  return out;
}

std::string percentDecode(std::string_view in, bool plusIsSpace) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size() && hexDigitValue(in[i + 1]) >= 0 && hexDigitValue(in[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hexDigitValue(in[i + 1]) * 16 + hexDigitValue(in[i + 2])));
      i += 2;
    } else {
      out.push_back(plusIsSpace && in[i] == '+' ? ' ' : in[i]);
    }
  }
  return out;
}

}  // namespace sluice::core
