#pragma once
// An incremental, strict RFC 9112 request-head parser. Feed it the connection's buffer as bytes
// arrive; it scans only the new bytes for the end of the head, then parses the head in one pass
// into views (no copies). It rejects what request smuggling and desync attacks rely on:
// Content-Length with Transfer-Encoding, duplicate or malformed Content-Length, any coding but a
// final "chunked", obs-fold, control characters, whitespace before a colon, a missing or repeated
// Host in HTTP/1.1.
#include "http/http_limits.h"
#include "http/http_types.h"

namespace sluice::http {

struct RequestHead {
  std::string_view method;
  std::string_view target;     // as sent
  std::string_view path;       // target without the query (origin-form), "*" for OPTIONS *
  std::string_view query;      // without the '?'
  std::string_view host;       // Host header, or the authority of an absolute-form target
  int versionMinor = 1;        // HTTP/1.0 or HTTP/1.1
  int versionMajor = 1;        // 2: a stream of an HTTP/2 connection (versionMinor 1 toward the upstream)
  Headers headers;
  BodyFraming framing = BodyFraming::None;
  uint64_t contentLength = 0;
  bool keepAlive = true;
  bool expectContinue = false;
  bool upgrade = false;        // Connection: upgrade + Upgrade (WebSocket)
  std::string_view connection; // the client's Connection header (names more hop-by-hop headers)
  size_t headBytes = 0;        // request line + headers + final CRLF
};

// "HTTP/1.0", "HTTP/1.1" or "HTTP/2.0" (nginx's $server_protocol, which Kong reads).
inline std::string_view protocolName(const RequestHead& head) {
  return head.versionMajor == 2 ? "HTTP/2.0" : head.versionMinor == 0 ? "HTTP/1.0" : "HTTP/1.1";
}

class RequestParser {
 public:
  explicit RequestParser(HttpLimits limits = {}) : limits_(limits) {}

  // `data` is everything buffered for this request so far (it may grow between calls, and its
  // start must not move). On Error, status() is 400, 414, 431, 501 or 505.
  ParseResult parse(std::string_view data, RequestHead& head);
  void reset() { scanned_ = 0; }
  int status() const { return status_; }
  const char* reason() const { return reason_; }

 private:
  ParseResult fail(int status, const char* reason) {
    status_ = status;
    reason_ = reason;
    return ParseResult::Error;
  }
  ParseResult parseHead(std::string_view head, RequestHead& out);

  HttpLimits limits_;
  size_t scanned_ = 0;
  int status_ = 0;
  const char* reason_ = "";
};


}  // namespace sluice::http
