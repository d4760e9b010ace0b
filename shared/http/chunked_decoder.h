#pragma once
// Tracks the boundaries of a chunked body (RFC 9112 7.1) as bytes stream through, validating it:
// hex sizes without overflow, extensions and trailers within limits, CRLF after each chunk. It can
// also hand out the data bytes, for peers that need the body de-chunked (HTTP/1.0 clients).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sluice::http {

class ChunkedDecoder {
 public:
  enum class State { Size, Extension, SizeLf, Data, DataCr, DataLf, Trailer, TrailerLf, Done, Error };

  // Consumes bytes of `in` up to the end of the body; returns how many it consumed. Data bytes are
  // reported through `onData(view)` when given.
  template <typename OnData>
  size_t feed(std::string_view in, OnData&& onData);
  size_t feed(std::string_view in) {
    return feed(in, [](std::string_view) {});
  }

  bool done() const { return state_ == State::Done; }
  bool failed() const { return state_ == State::Error; }
  void reset() {
    state_ = State::Size;
    remaining_ = 0;
    digits_ = lineBytes_ = 0;
    trailerLineEmpty_ = true;
  }

 private:
  static constexpr size_t kMaxLine = 4096;
  State state_ = State::Size;
  uint64_t remaining_ = 0;
  int digits_ = 0;
  size_t lineBytes_ = 0;
  bool trailerLineEmpty_ = true;
};

template <typename OnData>
size_t ChunkedDecoder::feed(std::string_view in, OnData&& onData) {
  size_t i = 0;
  while (i < in.size() && state_ != State::Done && state_ != State::Error) {
    const char c = in[i];
    switch (state_) {
      case State::Size: {
        int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (v >= 0) {
          if (++digits_ > 15) { state_ = State::Error; break; }
          remaining_ = remaining_ * 16 + static_cast<uint64_t>(v);
        } else if (digits_ == 0) {
          state_ = State::Error;
          break;
        } else if (c == ';') {
          state_ = State::Extension;
        } else if (c == '\r') {
          state_ = State::SizeLf;
        } else if (c == '\n') {
          state_ = remaining_ ? State::Data : State::Trailer;
        } else if (c != ' ' && c != '\t') {
          state_ = State::Error;
          break;
        }
        ++i;
        break;
      }
      case State::Extension:
        if (++lineBytes_ > kMaxLine || c == '\0') { state_ = State::Error; break; }
        if (c == '\r') state_ = State::SizeLf;
        else if (c == '\n') state_ = remaining_ ? State::Data : State::Trailer;
        ++i;
        break;
      case State::SizeLf:
        if (c != '\n') { state_ = State::Error; break; }
        state_ = remaining_ ? State::Data : State::Trailer;
        lineBytes_ = 0;
        ++i;
        break;
      case State::Data: {
        const size_t n = static_cast<size_t>(std::min<uint64_t>(remaining_, in.size() - i));
        onData(in.substr(i, n));
        remaining_ -= n;
        i += n;
        if (remaining_ == 0) state_ = State::DataCr;
        break;
      }
      case State::DataCr:
        if (c == '\r') state_ = State::DataLf;
        else if (c == '\n') { state_ = State::Size; digits_ = 0; }
        else { state_ = State::Error; break; }
        ++i;
        break;
      case State::DataLf:
        if (c != '\n') { state_ = State::Error; break; }
        state_ = State::Size;
        digits_ = 0;
        ++i;
        break;
      case State::Trailer:
        if (c == '\r') { state_ = State::TrailerLf; ++i; break; }
        if (c == '\n') {
          if (trailerLineEmpty_) state_ = State::Done;
          trailerLineEmpty_ = true;
          lineBytes_ = 0;
          ++i;
          break;
        }
        if (++lineBytes_ > kMaxLine) { state_ = State::Error; break; }
        trailerLineEmpty_ = false;
        ++i;
        break;
      case State::TrailerLf:
        if (c != '\n') { state_ = State::Error; break; }
        if (trailerLineEmpty_) state_ = State::Done;
        else { state_ = State::Trailer; trailerLineEmpty_ = true; lineBytes_ = 0; }
        ++i;
        break;
      default:
        break;
    }
  }
  return i;
}

}  // namespace sluice::http
