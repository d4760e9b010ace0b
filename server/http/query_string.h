#pragma once
// application/x-www-form-urlencoded query strings, as plugins read and edit them: values are
// percent-decoded ('+' is a space), names compared exactly (as Kong's ngx.req.get_uri_args).
#include <string>
#include <string_view>

namespace sluice::http {

// Calls onPair(name, value) for each "name=value" (raw, undecoded); a name without '=' has an
// empty value whose data() is null.
template <class OnPair>
void forEachQueryPair(std::string_view query, OnPair&& onPair) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    onPair(pair.substr(0, eq), eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
  }
}

// Percent-decodes `in` into `out`; false on a malformed triplet.
bool urlDecode(std::string_view in, std::string& out, bool plusIsSpace = true);
// How many times the (decoded) name `name` appears; the first decoded value goes to `value`.
int findQueryArg(std::string_view query, std::string_view name, std::string& value);
// `query` without the pairs named `name`.
void removeQueryArg(std::string_view query, std::string_view name, std::string& out);

}  // namespace sluice::http
