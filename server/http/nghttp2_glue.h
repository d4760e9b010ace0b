#pragma once
// What both HTTP/2 codecs (server and client side) ask of nghttp2 the same way. Private to the
// http layer: only the codecs include nghttp2.
#include <nghttp2/nghttp2.h>

#include <string>
#include <string_view>

namespace sluice::http {

// The frames nghttp2 has to send, appended to `out` up to about `max` bytes; false: the session failed.
inline bool sendFrames(nghttp2_session* session, std::string& out, size_t max) {
  while (out.size() < max) {
    const uint8_t* data = nullptr;
    const ssize_t n = nghttp2_session_mem_send(session, &data);
    if (n < 0) return false;
    if (n == 0) break;
    out.append(reinterpret_cast<const char*>(data), static_cast<size_t>(n));
  }
  return true;
}

// A header field for nghttp2 (which copies it when the frame is submitted).
inline nghttp2_nv nameValue(std::string_view name, std::string_view value) {
  return {reinterpret_cast<uint8_t*>(const_cast<char*>(name.data())), reinterpret_cast<uint8_t*>(const_cast<char*>(value.data())),
          name.size(), value.size(), NGHTTP2_NV_FLAG_NONE};
}

}  // namespace sluice::http
