#pragma once
// Reads one HTTP/1.x response at a time as its bytes arrive, without copying them: the status,
// whether the connection stays open, and where the body ends (Content-Length, chunked, or the
// connection's close). Interim 1xx answers are skipped. The load generator's hot path: no
// allocation unless a response head is split across reads.
#include <cstddef>
#include <cstdint>
#include <string>

namespace sluice::loadgen {

class ResponseParser {
 public:
  // Ready for the next response; `headRequest` answers carry no body whatever their headers say.
  void reset(bool headRequest) {
    state_ = State::Head;
    head_.clear();
    headRequest_ = headRequest;
    status_ = 0;
    keepAlive_ = true;
    remaining_ = 0;
  }
  // Consumes what belongs to the current response; returns how many bytes it took (the rest, if
  // any, is the start of another response).
  size_t feed(const char* data, size_t size);
  // The connection closed: completes a body that runs until the close.
  void closed() {
    if (state_ == State::UntilClose) state_ = State::Done;
  }

  bool done() const { return state_ == State::Done; }
  bool failed() const { return state_ == State::Failed; }
  bool started() const { return state_ != State::Head || !head_.empty(); }
  int status() const { return status_; }
  bool keepAlive() const { return keepAlive_; }

 private:
  enum class State { Head, Fixed, UntilClose, ChunkSize, ChunkData, ChunkDataEnd, Trailer, Done, Failed };
  // Parses a complete head (status line and headers, without the final blank line).
  void parseHead(const char* head, size_t size);

  State state_ = State::Head;
  std::string head_;  // a head that spans reads
  bool headRequest_ = false;
  int status_ = 0;
  bool keepAlive_ = true;
  uint64_t remaining_ = 0;
  bool sizeSeen_ = false, inExtension_ = false;
  size_t lineLength_ = 0;
};

}  // namespace sluice::loadgen
