#pragma once
// Reads one HTTP/1.x response at a time as its bytes arrive: the status, whether the connection
// stays open, and where the body ends. The head is read by the same parser the gateway reads its
// upstreams with (http/response_parser.h), the body by the same decoder (http/body_decoder.h);
// this only streams: interim 1xx answers are skipped, and a head split across reads is gathered
// (the one case that copies). The load generator's hot path: no allocation once a connection is warm.
#include "http/body_decoder.h"
#include "http/response_parser.h"

#include <cstddef>
#include <string>

namespace sluice::loadgen {

class ResponseParser {
 public:
  // Ready for the next response; `headRequest` answers carry no body whatever their headers say.
  void reset(bool headRequest) {
    state_ = State::Head;
    split_.clear();
    headRequest_ = headRequest;
    status_ = 0;
    keepAlive_ = true;
  }
  // Consumes what belongs to the current response; returns how many bytes it took (the rest, if
  // any, is the start of another response).
  size_t feed(const char* data, size_t size);
  // The connection closed: completes a body that runs until the close.
  void closed() {
    if (state_ == State::Body && body_.framing() == http::BodyFraming::UntilClose) state_ = State::Done;
  }

  bool done() const { return state_ == State::Done; }
  bool failed() const { return state_ == State::Failed; }
  bool started() const { return state_ != State::Head || !split_.empty(); }
  int status() const { return status_; }
  bool keepAlive() const { return keepAlive_; }

 private:
  enum class State { Head, Body, Done, Failed };
  // A whole head (up to and with its blank line): the status, and what follows it.
  void readHead(std::string_view head);

  State state_ = State::Head;
  std::string split_;  // a head that spans reads
  http::ResponseParser heads_;
  http::ResponseHead head_;  // (its header list keeps its capacity from response to response)
  http::BodyDecoder body_;
  bool headRequest_ = false;
  int status_ = 0;
  bool keepAlive_ = true;
};

}  // namespace sluice::loadgen
