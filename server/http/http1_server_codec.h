#pragma once
// The server side of HTTP/1.x on a client connection: bytes in become request heads and body data,
// and responses become bytes out — the gateway's own, interim ones, and an upstream's passed on in
// the framing the client can take. A session talks to this codec, not to HTTP/1.1 framing; an
// HTTP/2 codec offers the same seam over nghttp2.
#include "http/body_decoder.h"
#include "http/gateway_response.h"
#include "http/request_parser.h"
#include "http/response_head_writer.h"
#include "http/response_parser.h"
#include "net/io_buffer.h"

#include <cstdint>
#include <string_view>

namespace sluice::http {

class Http1ServerCodec {
 public:
  explicit Http1ServerCodec(HttpLimits limits = {}) : parser_(limits) {}

  // --- requests
  enum class Head { NeedMore, Ready, Error };
  // Ready: the first head.headBytes of `in` are a request head (and its body's framing is known);
  // Error: errorStatus() says how to refuse it (400, 414, 431, 501, 505).
  Head readHead(std::string_view in, RequestHead& head);
  int errorStatus() const { return parser_.status(); }
  // The same head, from a copy of its bytes that outlives the connection's buffer.
  bool readHeadAgain(std::string_view copy, RequestHead& head);

  // The request body's bytes at the front of `in`, as they are (chunks keep their framing: they go
  // upstream so); `onData` gets the data they carry. Returns how many are body.
  template <typename OnData>
  size_t readBody(std::string_view in, OnData&& onData) {
    return body_.feed(in, onData);
  }
  size_t readBody(std::string_view in) { return body_.feed(in); }
  bool bodyDone() const { return body_.done(); }
  bool bodyFailed() const { return body_.failed(); }
  uint64_t bodySeen() const { return body_.decoded(); }

  // --- responses
  // "100 Continue", for a client that waits for it before sending its body.
  bool writeContinue(net::IoBuffer& out) { return out.append("HTTP/1.1 100 Continue\r\n\r\n"); }
  bool writeGatewayResponse(net::IoBuffer& out, const GatewayResponse& response, bool headRequest,
                            std::string_view serverToken, std::string_view requestId) {
    return http::writeGatewayResponse(out, response, headRequest, serverToken, requestId);
  }
  // Starts passing an upstream's response on: picks the framing toward the client (a chunked body
  // goes de-chunked to an HTTP/1.0 client, until the connection closes) and writes the head.
  // `passed.keepAlive` turns false when the body's end will be the connection's end.
  bool writeResponseHead(net::IoBuffer& out, const ResponseHead& response, PassedResponse& passed);
  // The response body at the front of `in` (the upstream's bytes, framed as `upstreamBody`
  // decodes them): what to send as it is, or nothing when it goes de-chunked — then its data is
  // appended to `out` (as much as fits) and its bytes consumed from `in`.
  std::string_view responseBody(BodyDecoder& upstreamBody, net::IoBuffer& in, net::IoBuffer& out);
  // `sent` bytes of what responseBody() returned reached the client.
  void responseBodySent(BodyDecoder& upstreamBody, std::string_view sent) {
    if (!dechunk_ && !sent.empty()) upstreamBody.feed(sent);
  }

  void reset() { parser_.reset(); }

 private:
  RequestParser parser_;
  BodyDecoder body_;
  bool dechunk_ = false;
};

}  // namespace sluice::http
