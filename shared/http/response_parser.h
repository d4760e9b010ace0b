#pragma once
// A strict response-head parser with the body framing rules of RFC 9112 6.3 (HEAD, 1xx, 204 and
// 304 have no body; chunked; Content-Length; otherwise until close), into views of the bytes. The
// proxy reads its upstreams' heads with it, the load generator its targets' (loadgen/).
#include "http/http_types.h"

namespace sluice::http {

struct ResponseHead {
  int status = 0;
  int versionMinor = 1;
  std::string_view reason;
  Headers headers;
  BodyFraming framing = BodyFraming::UntilClose;
  uint64_t contentLength = 0;
  bool keepAlive = true;
  std::string_view connection;
  size_t headBytes = 0;
};

class ResponseParser {
 public:
  explicit ResponseParser(size_t maxHeadBytes = 65536, size_t maxHeaders = 200)
      : maxHeadBytes_(maxHeadBytes), maxHeaders_(maxHeaders) {}
  // `requestWasHead`: the response to a HEAD request has no body whatever it says.
  ParseResult parse(std::string_view data, ResponseHead& head, bool requestWasHead);
  void reset() { scanned_ = 0; }

 private:
  size_t maxHeadBytes_, maxHeaders_;
  size_t scanned_ = 0;
};

}  // namespace sluice::http
