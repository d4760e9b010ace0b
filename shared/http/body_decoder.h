#pragma once
// The body of an HTTP/1.x message as its bytes arrive, whatever its framing: a Content-Length,
// chunked (validated; its data handed out for a peer that wants it de-chunked), until the
// connection closes, or none. feed() says how many bytes of the input are body and reports the
// data they carry; the same bytes fed in any pieces give the same data and the same end.
#include "http/chunked_decoder.h"
#include "http/http_types.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace sluice::http {

class BodyDecoder {
 public:
  void start(BodyFraming framing, uint64_t contentLength) {
    framing_ = framing;
    remaining_ = framing == BodyFraming::ContentLength ? contentLength : 0;
    decoded_ = 0;
    chunks_.reset();
  }

  // Consumes the body's bytes at the front of `in` (up to its end); returns how many. `onData`
  // gets the data they carry (the chunks' data, without their framing).
  template <typename OnData>
  size_t feed(std::string_view in, OnData&& onData) {
    switch (framing_) {
      case BodyFraming::None: return 0;
      case BodyFraming::ContentLength: {
        const auto n = static_cast<size_t>(std::min<uint64_t>(remaining_, in.size()));
        if (n > 0) onData(in.substr(0, n));
        remaining_ -= n;
        decoded_ += n;
        return n;
      }
      case BodyFraming::Chunked:
        return chunks_.feed(in, [&](std::string_view data) {
          decoded_ += data.size();
          onData(data);
        });
      case BodyFraming::UntilClose:
        if (!in.empty()) onData(in);
        decoded_ += in.size();
        return in.size();
    }
    return 0;
  }
  size_t feed(std::string_view in) {
    return feed(in, [](std::string_view) {});
  }
  // How many bytes at the front of `in` are body, without consuming them: what may be forwarded
  // as it is (then fed once sent).
  size_t bodyBytesIn(std::string_view in) const {
    BodyDecoder probe = *this;
    return probe.feed(in);
  }

  BodyFraming framing() const { return framing_; }
  // All of it arrived. A body framed by the connection's end is never done here: the end says so.
  bool done() const {
    switch (framing_) {
      case BodyFraming::None: return true;
      case BodyFraming::ContentLength: return remaining_ == 0;
      case BodyFraming::Chunked: return chunks_.done();
      case BodyFraming::UntilClose: return false;
    }
    return true;
  }
  bool failed() const { return framing_ == BodyFraming::Chunked && chunks_.failed(); }
  uint64_t decoded() const { return decoded_; }  // data bytes so far

 private:
  BodyFraming framing_ = BodyFraming::None;
  uint64_t remaining_ = 0;
  uint64_t decoded_ = 0;
  ChunkedDecoder chunks_;
};

}  // namespace sluice::http
