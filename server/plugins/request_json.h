#pragma once
// A request's headers and query string as JSON, the way Kong's log serializer and
// request-termination's echo show them: lower-case header names (a repeated header becomes an
// array), decoded query arguments (one without '=' is true).
#include "http/http_types.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace sluice::plugins {

nlohmann::json headersJson(const http::Headers& headers);
nlohmann::json queryJson(std::string_view query);

}  // namespace sluice::plugins
