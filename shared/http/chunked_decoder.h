#pragma once
// Tracks the boundaries of a chunked body (RFC 9112 7.1) as bytes stream through, validating it:
// hex sizes without overflow, extensions and trailers within limits, CRLF after each chunk. It can
// also hand out the data bytes, for peers that need the body de-chunked (HTTP/1.0 clients).
// Strict where parsers disagree, since the bytes it accepts go on as they are: every line ends in
// CRLF (a bare LF is an error, not a line end), whitespace after the size only before an extension,
// no control characters in extensions, and trailer lines are fields (a token, a colon, a value
// without control characters; no obs-fold).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sluice::http {

class ChunkedDecoder {
 public:
  enum class State { Size, SizeSpace, Extension, SizeLf, Data, DataCr, DataLf, Trailer, TrailerName, TrailerValue, TrailerLf, Done, Error };

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

namespace chunked_detail {
// RFC 9110 tchar.
inline bool isTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (c != '\0' && std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos);
}
inline bool isControl(char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f; }
}  // namespace chunked_detail

template <typename OnData>
size_t ChunkedDecoder::feed(std::string_view in, OnData&& onData) {
  using chunked_detail::isControl;
  using chunked_detail::isTokenChar;
  size_t i = 0;
  const auto fail = [this] { state_ = State::Error; };
  while (i < in.size() && state_ != State::Done && state_ != State::Error) {
    const char c = in[i];
    switch (state_) {
      case State::Size: {
        const int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (v >= 0) {
          if (++digits_ > 15) { fail(); break; }
          remaining_ = remaining_ * 16 + static_cast<uint64_t>(v);
        } else if (digits_ == 0) {
          fail();
          break;
        } else if (c == ';') {
          state_ = State::Extension;
        } else if (c == '\r') {
          state_ = State::SizeLf;
        } else if (c == ' ' || c == '\t') {
          state_ = State::SizeSpace;
        } else {
          fail();  // a bare LF included
          break;
        }
        ++i;
        break;
      }
      case State::SizeSpace:  // BWS, then an extension must follow
        if (c == ';') state_ = State::Extension;
        else if (c != ' ' && c != '\t') { fail(); break; }
        ++i;
        break;
      case State::Extension:
        if (++lineBytes_ > kMaxLine) { fail(); break; }
        if (c == '\r') state_ = State::SizeLf;
        else if (isControl(c)) { fail(); break; }  // a bare LF, NUL, ...
        ++i;
        break;
      case State::SizeLf:
        if (c != '\n') { fail(); break; }
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
        if (c != '\r') { fail(); break; }
        state_ = State::DataLf;
        ++i;
        break;
      case State::DataLf:
        if (c != '\n') { fail(); break; }
        state_ = State::Size;
        digits_ = 0;
        ++i;
        break;
      case State::Trailer:  // the start of a trailer line: its end (CRLF) ends the body, else a field name
        if (c == '\r') { trailerLineEmpty_ = true; state_ = State::TrailerLf; }
        else if (isTokenChar(c)) { trailerLineEmpty_ = false; state_ = State::TrailerName; }
        else { fail(); break; }  // obs-fold, a bare LF, whitespace, ...
        lineBytes_ = 1;
        ++i;
        break;
      case State::TrailerName:
        if (++lineBytes_ > kMaxLine) { fail(); break; }
        if (c == ':') state_ = State::TrailerValue;
        else if (!isTokenChar(c)) { fail(); break; }
        ++i;
        break;
      case State::TrailerValue:
        if (++lineBytes_ > kMaxLine) { fail(); break; }
        if (c == '\r') state_ = State::TrailerLf;
        else if (isControl(c)) { fail(); break; }
        ++i;
        break;
      case State::TrailerLf:
        if (c != '\n') { fail(); break; }
        state_ = trailerLineEmpty_ ? State::Done : State::Trailer;
        ++i;
        break;
      default:
        break;
    }
  }
  return i;
}

}  // namespace sluice::http
