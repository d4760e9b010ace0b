#include "loadgen/response_parser.h"

namespace sluice::loadgen {

// No answer has a head larger than this: a target that sends one is broken.
constexpr size_t kMaxHead = 64 * 1024;

void ResponseParser::readHead(std::string_view head) {
  heads_.reset();
  if (heads_.parse(head, head_, headRequest_) != http::ParseResult::Done) {
    state_ = State::Failed;
    return;
  }
  status_ = head_.status;
  keepAlive_ = head_.keepAlive;
  if (status_ < 200) return;  // interim: the real answer follows
  body_.start(head_.framing, head_.contentLength);
  state_ = body_.done() ? State::Done : State::Body;
}

size_t ResponseParser::feed(const char* data, size_t size) {
  size_t used = 0;
  while (used < size && (state_ == State::Head || state_ == State::Body)) {
    const std::string_view in(data + used, size - used);
    if (state_ == State::Body) {
      const size_t taken = body_.feed(in);
      used += taken;
      if (body_.failed()) state_ = State::Failed;
      else if (body_.done()) state_ = State::Done;
      else if (taken < in.size()) state_ = State::Failed;  // (a decoder stops early only at its end)
      continue;
    }
    if (split_.empty()) {
      if (const size_t end = http::findHeadEnd(in, 0); end != std::string_view::npos) {
        used += end;  // the usual case: the whole head in one read
        readHead(in.substr(0, end));
        continue;
      }
    }
    // A head split across reads: gathered until its end arrives.
    const size_t before = split_.size();
    split_.append(in);
    const size_t end = http::findHeadEnd(split_, before);
    if (end == std::string_view::npos) {
      if (split_.size() > kMaxHead) state_ = State::Failed;
      return size;
    }
    used += end - before;
    readHead(std::string_view(split_).substr(0, end));
    split_.clear();  // (after: the head's views pointed into it)
  }
  return used;
}

}  // namespace sluice::loadgen
