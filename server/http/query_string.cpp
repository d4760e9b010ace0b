#include "http/query_string.h"

#include "core/url_encoding.h"

#include <cctype>

namespace sluice::http {
namespace {

bool nameIs(std::string_view raw, std::string_view name, std::string& scratch) {
  if (raw.find_first_of("%+") == std::string_view::npos) return raw == name;
  return urlDecode(raw, scratch) && scratch == name;
}

}  // namespace

bool urlDecode(std::string_view in, std::string& out, bool plusIsSpace) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = core::hexDigitValue(in[i + 1]), lo = core::hexDigitValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c == '+' && plusIsSpace ? ' ' : c);
    }
  }
  return true;
}

int findQueryArg(std::string_view query, std::string_view name, std::string& value) {
  int count = 0;
  std::string scratch;
  forEachQueryPair(query, [&](std::string_view n, std::string_view v) {
    if (!nameIs(n, name, scratch)) return;
    if (count++ == 0 && !urlDecode(v, value)) value.assign(v);
  });
  return count;
}

void removeQueryArg(std::string_view query, std::string_view name, std::string& out) {
  out.clear();
  std::string scratch;
  forEachQueryPair(query, [&](std::string_view n, std::string_view v) {
    if (nameIs(n, name, scratch)) return;
    if (!out.empty()) out.push_back('&');
    out.append(n);
    if (v.data() != nullptr) {  // the pair had an '=' (see forEachQueryPair)
      out.push_back('=');
      out.append(v);
    }
  });
}

}  // namespace sluice::http
