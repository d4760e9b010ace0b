#include "http/http2_server_codec.h"

#include "core/clock.h"
#include "http/nghttp2_glue.h"

#include <memory>

namespace sluice::http {

void Http2Request::clear() {
  method.clear(), scheme.clear(), authority.clear(), path.clear();
  fields.clear();
  listSize = 0;
  tooLarge = endStream = false;
}

// nghttp2's callbacks, turned into the codec's events.
struct Http2Callbacks {
  static Http2ServerCodec& codec(void* self) { return *static_cast<Http2ServerCodec*>(self); }
  static Http2Request* request(nghttp2_session* session, int32_t stream) {
    return static_cast<Http2Request*>(nghttp2_session_get_stream_user_data(session, stream));
  }

  static int beginHeaders(nghttp2_session* session, const nghttp2_frame* frame, void* self) {
    if (frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST) return 0;
    Http2ServerCodec& c = codec(self);
    const int32_t id = frame->hd.stream_id;
    ++c.streamsOpened_;
    if (c.streamsOpened_ == c.limits_.maxRequests)  // this one is the last
      nghttp2_submit_goaway(session, NGHTTP2_FLAG_NONE, id, NGHTTP2_NO_ERROR, nullptr, 0);
    // (Streams the client opened before it read the GOAWAY are refused: it may retry them elsewhere.)
    const bool pastLast = c.limits_.maxRequests && c.streamsOpened_ > c.limits_.maxRequests;
    Http2Request* r = pastLast ? nullptr : c.events_.onStreamOpen(id);
    if (!r) return nghttp2_submit_rst_stream(session, NGHTTP2_FLAG_NONE, id, NGHTTP2_REFUSED_STREAM), 0;
    r->clear();
    nghttp2_session_set_stream_user_data(session, id, r);
    return 0;
  }

  static int header(nghttp2_session* session, const nghttp2_frame* frame, const uint8_t* name, size_t nameLength,
                    const uint8_t* value, size_t valueLength, uint8_t, void* self) {
    Http2Request* r = request(session, frame->hd.stream_id);
    if (!r || frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST) return 0;  // (trailers: dropped)
    Http2ServerCodec& c = codec(self);
    r->listSize += nameLength + valueLength + 32;
    // A head decoding to far more than the client was told it may send: an HPACK bomb (a small
    // header block of references to one large table entry), not a mistake.
    if (r->listSize > 4 * static_cast<size_t>(c.limits_.maxHeaderListSize) + 65536) {
      c.fail("a header block decoding past four times the header list size (HPACK bomb)", NGHTTP2_ENHANCE_YOUR_CALM);
      return NGHTTP2_ERR_CALLBACK_FAILURE;
    }
    const std::string_view n(reinterpret_cast<const char*>(name), nameLength);
    const std::string_view v(reinterpret_cast<const char*>(value), valueLength);
    if (!n.empty() && n[0] == ':') {
      if (n == ":method") r->method.assign(v);
      else if (n == ":path") r->path.assign(v);
      else if (n == ":authority") r->authority.assign(v);
      else if (n == ":scheme") r->scheme.assign(v);
      return 0;  // (nghttp2 refuses any other pseudo-header)
    }
    if (r->listSize > c.limits_.maxHeaderListSize || r->fields.size() >= c.limits_.maxHeaders) {
      r->tooLarge = true;
      return 0;
    }
    r->fields.emplace_back(n, v);
    return 0;
  }

  static int frameReceived(nghttp2_session* session, const nghttp2_frame* frame, void* self) {
    Http2ServerCodec& c = codec(self);
    const int32_t id = frame->hd.stream_id;
    const bool endStream = frame->hd.flags & NGHTTP2_FLAG_END_STREAM;
    switch (frame->hd.type) {
      case NGHTTP2_HEADERS:
        if (!request(session, id)) return 0;
        if (frame->headers.cat == NGHTTP2_HCAT_REQUEST) {
          request(session, id)->endStream = endStream;
          c.events_.onRequestHead(id);
        } else if (endStream) {
          c.events_.onRequestEnd(id);  // after trailers
        }
        return 0;
      case NGHTTP2_DATA:
        if (endStream && request(session, id)) c.events_.onRequestEnd(id);
        return 0;
      case NGHTTP2_RST_STREAM:
        // Rapid reset (CVE-2023-44487): streams opened and cancelled at once cost the gateway work
        // and the client nothing; more than twice the concurrent streams in a second is an attack.
        if (c.resets_.tooMany(2 * c.limits_.maxConcurrentStreams)) {
          c.fail("a rapid reset of streams", NGHTTP2_ENHANCE_YOUR_CALM);
          return NGHTTP2_ERR_CALLBACK_FAILURE;
        }
        return 0;
      case NGHTTP2_SETTINGS:
      case NGHTTP2_PING:
        if (!(frame->hd.flags & NGHTTP2_FLAG_ACK) && c.controlFrames_.tooMany(c.limits_.maxControlFramesPerSecond)) {
          c.fail(frame->hd.type == NGHTTP2_PING ? "a PING flood" : "a SETTINGS flood", NGHTTP2_ENHANCE_YOUR_CALM);
          return NGHTTP2_ERR_CALLBACK_FAILURE;
        }
        return 0;
      default: return 0;
    }
  }

  static int dataChunk(nghttp2_session* session, uint8_t, int32_t stream, const uint8_t* data, size_t length, void* self) {
    if (!request(session, stream)) {
      nghttp2_session_consume(session, stream, length);  // nobody takes it: the window goes back at once
      return 0;
    }
    codec(self).events_.onRequestData(stream, std::string_view(reinterpret_cast<const char*>(data), length));
    return 0;
  }

  static int streamClosed(nghttp2_session* session, int32_t stream, uint32_t errorCode, void* self) {
    if (!request(session, stream)) return 0;
    nghttp2_session_set_stream_user_data(session, stream, nullptr);
    codec(self).events_.onStreamClose(stream, errorCode);
    return 0;
  }

  static ssize_t readBody(nghttp2_session* session, int32_t stream, uint8_t* to, size_t length, uint32_t* flags,
                          nghttp2_data_source*, void* self) {
    bool last = false;
    const std::vector<std::pair<std::string, std::string>>* trailers = nullptr;
    const ssize_t n = codec(self).events_.readResponseBody(stream, to, length, last, trailers);
    if (n < 0) return NGHTTP2_ERR_DEFERRED;
    if (!last) return n;
    *flags |= NGHTTP2_DATA_FLAG_EOF;
    if (trailers && !trailers->empty()) {
      // The trailers end the stream instead of this DATA frame (submitted from here, as nghttp2 allows).
      thread_local std::vector<nghttp2_nv> nv;
      nv.clear();
      for (const auto& [name, value] : *trailers)
        nv.push_back(nameValue(name, value));
      if (nghttp2_submit_trailer(session, stream, nv.data(), nv.size()) == 0) *flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
    }
    return n;
  }
};

Http2ServerCodec::Http2ServerCodec(Events& events, const Http2Limits& limits) : events_(events), limits_(limits) {
  nghttp2_session_callbacks* callbacks = nullptr;
  nghttp2_session_callbacks_new(&callbacks);
  nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, Http2Callbacks::beginHeaders);
  nghttp2_session_callbacks_set_on_header_callback(callbacks, Http2Callbacks::header);
  nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, Http2Callbacks::frameReceived);
  nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, Http2Callbacks::dataChunk);
  nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, Http2Callbacks::streamClosed);
  nghttp2_option* options = nullptr;
  nghttp2_option_new(&options);
  nghttp2_option_set_no_auto_window_update(options, 1);  // a request body's window opens as its bytes go upstream
  nghttp2_option_set_max_outbound_ack(options, 1000);    // SETTINGS/PING acks a client does not read: a flood
  nghttp2_option_set_max_settings(options, 32);          // entries in one SETTINGS frame
  nghttp2_option_set_stream_reset_rate_limit(options, 1000, 33);  // (nghttp2's own; the stricter check is ours)
  nghttp2_option_set_max_continuations(options, 8);      // CONTINUATION floods (CVE-2024-27316)
  nghttp2_session_server_new2(&session_, callbacks, this, options);
  nghttp2_option_del(options);
  nghttp2_session_callbacks_del(callbacks);
  const nghttp2_settings_entry settings[] = {
      {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, limits_.maxConcurrentStreams},
      {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, limits_.streamWindow},
      {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, limits_.maxHeaderListSize},
      {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
  };
  nghttp2_submit_settings(session_, NGHTTP2_FLAG_NONE, settings, sizeof settings / sizeof settings[0]);
  if (limits_.connectionWindow > NGHTTP2_INITIAL_CONNECTION_WINDOW_SIZE)
    nghttp2_session_set_local_window_size(session_, NGHTTP2_FLAG_NONE, 0, static_cast<int32_t>(limits_.connectionWindow));
}

Http2ServerCodec::~Http2ServerCodec() { nghttp2_session_del(session_); }

bool Http2ServerCodec::receive(std::string_view bytes) {
  if (failed_) return false;
  const ssize_t n = nghttp2_session_mem_recv(session_, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  if (n >= 0) return true;
  switch (n) {
    case NGHTTP2_ERR_CALLBACK_FAILURE: break;  // (fail() said why)
    case NGHTTP2_ERR_FLOODED: fail("a flood of frames that ask for answers the client does not read", NGHTTP2_ENHANCE_YOUR_CALM); break;
    case NGHTTP2_ERR_TOO_MANY_CONTINUATIONS: fail("a CONTINUATION flood", NGHTTP2_ENHANCE_YOUR_CALM); break;
    case NGHTTP2_ERR_BAD_CLIENT_MAGIC: fail("no HTTP/2 connection preface", NGHTTP2_PROTOCOL_ERROR); break;
    default: fail(nghttp2_strerror(static_cast<int>(n)), NGHTTP2_PROTOCOL_ERROR);
  }
  return false;
}

void Http2ServerCodec::fail(const char* why, uint32_t errorCode) {
  if (failed_) return;
  failed_ = true;
  failure_ = why;
  nghttp2_session_terminate_session(session_, errorCode);
}

bool Http2ServerCodec::FrameRate::tooMany(uint32_t perSecond) {
  const uint64_t nowMs = core::monotonicMicros() / 1000;
  if (nowMs - windowStartMs >= 1000) windowStartMs = nowMs, count = 0;
  return ++count > perSecond;
}

bool Http2ServerCodec::send(std::string& out, size_t max) { return sendFrames(session_, out, max); }

bool Http2ServerCodec::wantsWrite() const { return nghttp2_session_want_write(session_) != 0; }
bool Http2ServerCodec::wantsRead() const { return !failed_ && nghttp2_session_want_read(session_) != 0; }

bool Http2ServerCodec::submitResponse(int32_t stream, int status,
                                      const std::vector<std::pair<std::string_view, std::string_view>>& fields, bool withBody) {
  thread_local std::vector<nghttp2_nv> nv;
  char statusText[4] = {static_cast<char>('0' + status / 100 % 10), static_cast<char>('0' + status / 10 % 10),
                        static_cast<char>('0' + status % 10), 0};
  nv.clear();
  nv.push_back(nameValue(":status", std::string_view(statusText, 3)));
  for (const auto& [n, v] : fields) nv.push_back(nameValue(n, v));
  nghttp2_data_provider provider{};
  provider.read_callback = Http2Callbacks::readBody;
  return nghttp2_submit_response(session_, stream, nv.data(), nv.size(), withBody ? &provider : nullptr) == 0;
}

void Http2ServerCodec::resumeBody(int32_t stream) { nghttp2_session_resume_data(session_, stream); }

void Http2ServerCodec::reset(int32_t stream, uint32_t errorCode) {
  nghttp2_submit_rst_stream(session_, NGHTTP2_FLAG_NONE, stream, errorCode);
}

void Http2ServerCodec::consumed(int32_t stream, size_t bytes) {
  if (bytes > 0) nghttp2_session_consume(session_, stream, bytes);
}

void Http2ServerCodec::goAway() {
  nghttp2_submit_goaway(session_, NGHTTP2_FLAG_NONE, nghttp2_session_get_last_proc_stream_id(session_), NGHTTP2_NO_ERROR, nullptr, 0);
}

void Http2ServerCodec::terminate(uint32_t errorCode) { nghttp2_session_terminate_session(session_, errorCode); }

}  // namespace sluice::http
