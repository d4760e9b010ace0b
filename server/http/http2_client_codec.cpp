#include "http/http2_client_codec.h"

#include "http/nghttp2_glue.h"

namespace sluice::http {

// nghttp2's callbacks, turned into the codec's events.
struct Http2ClientCallbacks {
  static Http2ClientCodec& codec(void* self) { return *static_cast<Http2ClientCodec*>(self); }
  static Http2Response* response(nghttp2_session* session, int32_t stream) {
    return static_cast<Http2Response*>(nghttp2_session_get_stream_user_data(session, stream));
  }

  static int beginHeaders(nghttp2_session* session, const nghttp2_frame* frame, void*) {
    if (frame->hd.type != NGHTTP2_HEADERS) return 0;
    if (Http2Response* r = response(session, frame->hd.stream_id)) {
      r->inTrailers = frame->headers.cat == NGHTTP2_HCAT_HEADERS && r->status >= 200;
      if (!r->inTrailers) r->fields.clear();
    }
    return 0;
  }

  static int header(nghttp2_session* session, const nghttp2_frame* frame, const uint8_t* name, size_t nameLength,
                    const uint8_t* value, size_t valueLength, uint8_t, void*) {
    Http2Response* r = response(session, frame->hd.stream_id);
    if (!r || frame->hd.type != NGHTTP2_HEADERS) return 0;
    const std::string_view n(reinterpret_cast<const char*>(name), nameLength);
    const std::string_view v(reinterpret_cast<const char*>(value), valueLength);
    if (n == ":status") {
      r->status = 0;
      for (const char c : v) r->status = r->status * 10 + (c - '0');  // (nghttp2 checked: three digits)
      return 0;
    }
    (r->inTrailers ? r->trailers : r->fields).emplace_back(n, v);
    return 0;
  }

  static int frameReceived(nghttp2_session* session, const nghttp2_frame* frame, void* self) {
    Http2ClientCodec& c = codec(self);
    const int32_t id = frame->hd.stream_id;
    Http2Response* r = id ? response(session, id) : nullptr;
    if (!r) return 0;
    const bool endStream = frame->hd.flags & NGHTTP2_FLAG_END_STREAM;
    if (frame->hd.type == NGHTTP2_HEADERS) {
      if (!r->inTrailers) {
        if (r->status < 200) return 0;  // an interim head
        c.events_.onResponseHead(id, endStream);
      }
      if (endStream) c.events_.onResponseEnd(id);
    } else if (frame->hd.type == NGHTTP2_DATA && endStream) {
      c.events_.onResponseEnd(id);
    }
    return 0;
  }

  static int dataChunk(nghttp2_session* session, uint8_t, int32_t stream, const uint8_t* data, size_t length, void* self) {
    if (!response(session, stream)) {
      nghttp2_session_consume(session, stream, length);
      return 0;
    }
    codec(self).events_.onResponseData(stream, std::string_view(reinterpret_cast<const char*>(data), length));
    return 0;
  }

  static int streamClosed(nghttp2_session* session, int32_t stream, uint32_t errorCode, void* self) {
    if (!response(session, stream)) return 0;
    nghttp2_session_set_stream_user_data(session, stream, nullptr);
    --codec(self).open_;
    codec(self).events_.onStreamClose(stream, errorCode);
    return 0;
  }

  static ssize_t readBody(nghttp2_session*, int32_t stream, uint8_t* to, size_t length, uint32_t* flags,
                          nghttp2_data_source*, void* self) {
    bool last = false;
    const ssize_t n = codec(self).events_.readRequestBody(stream, to, length, last);
    if (n < 0) return NGHTTP2_ERR_DEFERRED;
    if (last) *flags |= NGHTTP2_DATA_FLAG_EOF;
    return n;
  }
};

Http2ClientCodec::Http2ClientCodec(Events& events, uint32_t streamWindow, uint32_t connectionWindow) : events_(events) {
  nghttp2_session_callbacks* callbacks = nullptr;
  nghttp2_session_callbacks_new(&callbacks);
  nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, Http2ClientCallbacks::beginHeaders);
  nghttp2_session_callbacks_set_on_header_callback(callbacks, Http2ClientCallbacks::header);
  nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, Http2ClientCallbacks::frameReceived);
  nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, Http2ClientCallbacks::dataChunk);
  nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, Http2ClientCallbacks::streamClosed);
  nghttp2_option* options = nullptr;
  nghttp2_option_new(&options);
  nghttp2_option_set_no_auto_window_update(options, 1);  // a response's window opens as the client takes its bytes
  nghttp2_session_client_new2(&session_, callbacks, this, options);
  nghttp2_option_del(options);
  nghttp2_session_callbacks_del(callbacks);
  const nghttp2_settings_entry settings[] = {
      {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
      {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, streamWindow},
  };
  nghttp2_submit_settings(session_, NGHTTP2_FLAG_NONE, settings, sizeof settings / sizeof settings[0]);
  if (connectionWindow > NGHTTP2_INITIAL_CONNECTION_WINDOW_SIZE)
    nghttp2_session_set_local_window_size(session_, NGHTTP2_FLAG_NONE, 0, static_cast<int32_t>(connectionWindow));
}

Http2ClientCodec::~Http2ClientCodec() { nghttp2_session_del(session_); }

bool Http2ClientCodec::receive(std::string_view bytes) {
  if (failed_) return false;
  const ssize_t n = nghttp2_session_mem_recv(session_, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  failed_ = n < 0;
  return !failed_;
}

bool Http2ClientCodec::send(std::string& out, size_t max) { return sendFrames(session_, out, max); }

bool Http2ClientCodec::wantsWrite() const { return nghttp2_session_want_write(session_) != 0; }
bool Http2ClientCodec::wantsRead() const { return !failed_ && nghttp2_session_want_read(session_) != 0; }

int32_t Http2ClientCodec::submitRequest(const std::vector<std::pair<std::string_view, std::string_view>>& fields, bool withBody,
                                        Http2Response* response) {
  if (failed_ || goingAway()) return -1;
  thread_local std::vector<nghttp2_nv> nv;
  nv.clear();
  for (const auto& [n, v] : fields)
    nv.push_back(nameValue(n, v));
  nghttp2_data_provider provider{};
  provider.read_callback = Http2ClientCallbacks::readBody;
  const int32_t id = nghttp2_submit_request(session_, nullptr, nv.data(), nv.size(), withBody ? &provider : nullptr, response);
  if (id < 0) return -1;
  ++open_;
  return id;
}

void Http2ClientCodec::resumeBody(int32_t stream) { nghttp2_session_resume_data(session_, stream); }
void Http2ClientCodec::reset(int32_t stream, uint32_t errorCode) {
  nghttp2_submit_rst_stream(session_, NGHTTP2_FLAG_NONE, stream, errorCode);
}
void Http2ClientCodec::consumed(int32_t stream, size_t bytes) {
  if (bytes > 0) nghttp2_session_consume(session_, stream, bytes);
}

uint32_t Http2ClientCodec::streamRoom() const {
  const uint32_t max = nghttp2_session_get_remote_settings(session_, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS);
  return open_ >= max ? 0 : max - open_;
}

bool Http2ClientCodec::goingAway() const {
  // (nghttp2 refuses new streams once either side said GOAWAY.)
  return nghttp2_session_check_request_allowed(session_) == 0;
}

}  // namespace sluice::http
