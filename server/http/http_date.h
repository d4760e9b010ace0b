#pragma once
// HTTP dates (RFC 9110 5.6.7): the preferred IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and the
// two obsolete forms a recipient must accept, RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and
// asctime ("Sun Nov  6 08:49:37 1994"), as nginx's ngx_parse_http_time reads them.
#include <cstdint>
#include <optional>
#include <string_view>

namespace sluice::http {

// Seconds since the Unix epoch; nullopt when `text` is none of the three forms.
std::optional<int64_t> parseHttpDate(std::string_view text);

}  // namespace sluice::http
