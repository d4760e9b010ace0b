#pragma once
// The server side of HTTP/2 on a client connection, over nghttp2 (frames, HPACK, flow control,
// stream states and the protocol's own checks are nghttp2's): bytes in become streams' request
// heads and body data, responses become frames out. What nghttp2 leaves to its user is here: the
// limits of sluice.conf and the defences against floods that keep a connection busy for nothing
// (rapid reset, CONTINUATION, SETTINGS and PING floods, HPACK bombs) — the connection goes away
// with GOAWAY ENHANCE_YOUR_CALM and its client with it.
#include "http/http_limits.h"
#include "http/http_types.h"

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct nghttp2_session;

namespace sluice::http {

// RFC 9113 7's error codes that the gateway sends.
enum Http2Error : uint32_t { kNoError = 0, kProtocolError = 1, kInternalError = 2, kRefusedStream = 7, kCancel = 8, kEnhanceYourCalm = 11 };

struct Http2Limits {
  uint32_t maxConcurrentStreams = 128;    // SETTINGS_MAX_CONCURRENT_STREAMS
  uint32_t maxHeaderListSize = 32768;     // SETTINGS_MAX_HEADER_LIST_SIZE; a larger head gets 431
  uint32_t streamWindow = 65535;          // SETTINGS_INITIAL_WINDOW_SIZE: request body bytes in flight per stream
  uint32_t connectionWindow = 1u << 20;   // the same for the whole connection
  uint32_t maxRequests = 1000;            // streams per connection, then GOAWAY (nginx's http2_max_requests)
  uint32_t maxControlFramesPerSecond = 1000;  // SETTINGS and PING frames; past it: a flood
  size_t maxHeaders = 100;                    // header fields of one request; more: 431
};

// A request's head as HPACK delivered it: the pseudo-headers and the fields, owned (nghttp2's
// bytes live only during its callback).
struct Http2Request {
  std::string method, scheme, authority, path;
  std::vector<std::pair<std::string, std::string>> fields;
  size_t listSize = 0;       // name + value + 32 per field (RFC 9113 6.5.2)
  bool tooLarge = false;     // past the header list size or field count: 431
  bool endStream = false;    // no body follows the head
  void clear();
};

class Http2ServerCodec {
 public:
  // What happens on the connection, for the session to act on. Calls come from within receive()
  // and send() (never re-entered).
  class Events {
   public:
    virtual ~Events() = default;
    // A client opens a stream: where its head goes (nullptr refuses it with REFUSED_STREAM).
    virtual Http2Request* onStreamOpen(int32_t stream) = 0;
    virtual void onRequestHead(int32_t stream) = 0;  // complete (request->endStream: no body)
    virtual void onRequestData(int32_t stream, std::string_view data) = 0;  // give the window back with consumed()
    virtual void onRequestEnd(int32_t stream) = 0;
    // The stream is gone (answered, reset by either side, or the connection's end).
    virtual void onStreamClose(int32_t stream, uint32_t errorCode) = 0;
    // Response body for `stream`: up to `max` bytes into `to`. Returns the count, or -1 when none
    // is there yet (the stream waits for resumeBody); `last` set with the final bytes, and then
    // `trailers` pointed at the trailer fields to send after them (gRPC's grpc-status), if any.
    virtual ssize_t readResponseBody(int32_t stream, uint8_t* to, size_t max, bool& last,
                                     const std::vector<std::pair<std::string, std::string>>*& trailers) = 0;
  };

  Http2ServerCodec(Events& events, const Http2Limits& limits);
  ~Http2ServerCodec();
  Http2ServerCodec(const Http2ServerCodec&) = delete;
  Http2ServerCodec& operator=(const Http2ServerCodec&) = delete;

  // The client's bytes. False: the connection must end (a protocol error or a flood; a GOAWAY is
  // queued for send()).
  bool receive(std::string_view bytes);
  // Frames to send, appended to `out` up to about `max` bytes. False: the session failed.
  bool send(std::string& out, size_t max);
  // Whether the connection has more to do: frames to send, or a client it may still read from.
  bool wantsWrite() const;
  bool wantsRead() const;

  // A response: `fields` are lower-case (name, value) pairs without hop-by-hop headers;
  // withBody: readResponseBody supplies the body. False: the stream is already gone.
  bool submitResponse(int32_t stream, int status, const std::vector<std::pair<std::string_view, std::string_view>>& fields,
                      bool withBody);
  void resumeBody(int32_t stream);  // readResponseBody has bytes again
  void reset(int32_t stream, uint32_t errorCode);  // RST_STREAM
  // `bytes` of a stream's request body left the gateway: the client may send as much again.
  void consumed(int32_t stream, size_t bytes);
  // GOAWAY NO_ERROR: no new streams; those open finish.
  void goAway();
  // GOAWAY with `errorCode`, and the connection ends once it is sent (open streams with it).
  void terminate(uint32_t errorCode);
  uint32_t streamsOpened() const { return streamsOpened_; }
  const char* failure() const { return failure_; }  // why receive() returned false

 private:
  friend struct Http2Callbacks;
  // Frames of a kind counted per second.
  struct FrameRate {
    uint64_t windowStartMs = 0;
    uint32_t count = 0;
    bool tooMany(uint32_t perSecond);  // counts one more
  };
  void fail(const char* why, uint32_t errorCode);

  Events& events_;
  Http2Limits limits_;
  nghttp2_session* session_ = nullptr;
  uint32_t streamsOpened_ = 0;
  FrameRate controlFrames_, resets_;
  const char* failure_ = "";
  bool failed_ = false;
};

}  // namespace sluice::http
