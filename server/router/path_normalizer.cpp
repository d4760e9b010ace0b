#include "router/path_normalizer.h"

#include "core/url_encoding.h"

#include <cctype>

namespace sluice::router {
namespace {

bool unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

}  // namespace

bool isNormalPath(std::string_view path) {
  for (size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '%') return false;
    if (c == '/' && i + 1 < path.size() && (path[i + 1] == '/' || path[i + 1] == '.')) return false;
  }
  return true;
}

bool normalizePath(std::string_view path, std::string& out) {
  std::string decoded;
  decoded.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') {
      decoded.push_back(path[i]);
      continue;
    }
    if (i + 2 >= path.size() || core::hexDigitValue(path[i + 1]) < 0 || core::hexDigitValue(path[i + 2]) < 0) return false;
    const auto c = static_cast<unsigned char>(core::hexDigitValue(path[i + 1]) * 16 + core::hexDigitValue(path[i + 2]));
    if (unreserved(c)) {
      decoded.push_back(static_cast<char>(c));
    } else {
      decoded.push_back('%');
      decoded.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(path[i + 1]))));
      decoded.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(path[i + 2]))));
    }
    i += 2;
  }
  // Remove dot segments and merge empty ones, keeping a trailing slash.
  out.clear();
  out.push_back('/');
  size_t i = 0;
  while (i < decoded.size()) {
    while (i < decoded.size() && decoded[i] == '/') ++i;
    const size_t start = i;
    while (i < decoded.size() && decoded[i] != '/') ++i;
    const std::string_view segment(decoded.data() + start, i - start);
    const bool last = i >= decoded.size();
    if (segment == ".") {
    } else if (segment == "..") {
      if (out.size() > 1) {
        out.pop_back();  // the slash after the segment
        out.erase(out.rfind('/') + 1);
      }
    } else if (!segment.empty()) {
      out.append(segment);
      if (!last) out.push_back('/');
    }
    (void)last;
  }
  return true;
}

}  // namespace sluice::router
