#pragma once
// The client side of HTTP/2 toward an upstream (gRPC services: h2c, or h2 over TLS), over nghttp2:
// requests become streams multiplexed on one connection, responses come back as a head, DATA and
// trailers. The connection that owns the socket (proxy/upstream_h2_connection.h) feeds it bytes
// and writes what it has to send.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct nghttp2_session;

namespace sluice::http {

using Http2Fields = std::vector<std::pair<std::string, std::string>>;

// A response as it arrives on a stream: status, head fields, trailers.
struct Http2Response {
  int status = 0;
  Http2Fields fields, trailers;
  bool inTrailers = false;  // the HEADERS being decoded are the trailers
};

class Http2ClientCodec {
 public:
  class Events {
   public:
    virtual ~Events() = default;
    virtual void onResponseHead(int32_t stream, bool endStream) = 0;  // interim (1xx) heads are not reported
    virtual void onResponseData(int32_t stream, std::string_view data) = 0;  // window back with consumed()
    virtual void onResponseEnd(int32_t stream) = 0;  // (trailers, if any, are in the response)
    virtual void onStreamClose(int32_t stream, uint32_t errorCode) = 0;
    // The request body for `stream`: as the server codec's readResponseBody.
    virtual ssize_t readRequestBody(int32_t stream, uint8_t* to, size_t max, bool& last) = 0;
  };

  Http2ClientCodec(Events& events, uint32_t streamWindow, uint32_t connectionWindow);
  ~Http2ClientCodec();
  Http2ClientCodec(const Http2ClientCodec&) = delete;
  Http2ClientCodec& operator=(const Http2ClientCodec&) = delete;

  bool receive(std::string_view bytes);  // false: the connection is unusable
  bool send(std::string& out, size_t max);
  bool wantsWrite() const;
  bool wantsRead() const;

  // A request on a new stream whose response goes to `response`; `fields` are lower-case pairs
  // (the pseudo-headers first). Returns the stream id, or -1 when the connection takes no more.
  int32_t submitRequest(const std::vector<std::pair<std::string_view, std::string_view>>& fields, bool withBody,
                        Http2Response* response);
  void resumeBody(int32_t stream);
  void reset(int32_t stream, uint32_t errorCode);
  void consumed(int32_t stream, size_t bytes);
  // Streams the server lets this connection have open at once, and how many are.
  uint32_t streamRoom() const;
  bool goingAway() const;  // the server said GOAWAY: no new streams here

 private:
  friend struct Http2ClientCallbacks;
  Events& events_;
  nghttp2_session* session_ = nullptr;
  uint32_t open_ = 0;  // streams of this connection not closed yet
  bool failed_ = false;
};

}  // namespace sluice::http
