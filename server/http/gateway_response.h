#pragma once
// Responses the gateway makes itself (errors, redirects), with Kong's exact messages and JSON shape.
// (reasonPhrase is in http_types.h.)
#include "net/io_buffer.h"

#include <optional>
#include <string>
#include <string_view>

namespace sluice::http {

// Kong's message for a status the gateway generates ("no Route matched with those values" for 404
// from the router is passed explicitly).
std::string_view defaultMessage(int status);

struct GatewayResponse {
  int status = 500;
  std::string_view message;        // empty: defaultMessage(status)
  std::string_view extraHeaders;   // "Name: value\r\n" lines
  bool close = false;
  bool bodyless = false;           // redirects: empty body
  bool rawBody = false;            // send `body` as it is (with contentType) instead of a JSON message
  std::string_view body = {};
  std::string_view contentType = {};
  // A body the caller sends after the head (from memory): only its length goes in the head.
  std::optional<size_t> bodyLength = {};
};

// The body the response carries (a JSON message unless raw or bodyless; `json` holds it) and its
// content type.
std::string_view gatewayResponseBody(const GatewayResponse& response, std::string& json, std::string_view& contentType);

// Serialises the response into `out`; false if it does not fit.
bool writeGatewayResponse(net::IoBuffer& out, const GatewayResponse& response, bool headRequest,
                          std::string_view serverToken, std::string_view requestId);

}  // namespace sluice::http
