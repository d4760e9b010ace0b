#include "loadgen/response_parser.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace sluice::loadgen {
namespace {

bool equalsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if ((s[i] | 0x20) != lower[i]) return false;
  return true;
}

bool containsToken(std::string_view value, std::string_view lowerToken) {
  for (size_t i = 0; i + lowerToken.size() <= value.size(); ++i)
    if (equalsLower(value.substr(i, lowerToken.size()), lowerToken)) return true;
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

const char* findHeadEnd(const char* data, size_t size) {
  const std::string_view view(data, size);
  const size_t at = view.find("\r\n\r\n");
  return at == std::string_view::npos ? nullptr : data + at;
}

}  // namespace

void ResponseParser::parseHead(const char* head, size_t size) {
  const std::string_view text(head, size);
  // "HTTP/1.1 200 OK"
  if (text.size() < 12 || text.substr(0, 7) != "HTTP/1." || text[8] != ' ') {
    state_ = State::Failed;
    return;
  }
  const bool http10 = text[7] == '0';
  int code = 0;
  for (size_t i = 9; i < 12; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      state_ = State::Failed;
      return;
    }
    code = code * 10 + (text[i] - '0');
  }
  status_ = code;
  keepAlive_ = !http10;
  bool chunked = false, hasLength = false;
  uint64_t length = 0;
  size_t line = text.find('\n');
  while (line != std::string_view::npos && line + 1 < text.size()) {
    const size_t start = line + 1;
    line = text.find('\n', start);
    const std::string_view header = text.substr(start, line == std::string_view::npos ? std::string_view::npos : line - start);
    const size_t colon = header.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = header.substr(0, colon), value = trim(header.substr(colon + 1));
    if (equalsLower(name, "content-length")) {
      length = 0;
      for (const char c : value) {
        if (c < '0' || c > '9') {
          state_ = State::Failed;
          return;
        }
        length = length * 10 + static_cast<uint64_t>(c - '0');
      }
      hasLength = true;
    } else if (equalsLower(name, "transfer-encoding")) {
      chunked = containsToken(value, "chunked");
    } else if (equalsLower(name, "connection")) {
      if (containsToken(value, "close")) keepAlive_ = false;
      else if (containsToken(value, "keep-alive")) keepAlive_ = true;
    }
  }
  if (code >= 100 && code < 200) {  // interim: the real answer follows
    state_ = State::Head;
    return;
  }
  if (headRequest_ || code == 204 || code == 304) state_ = State::Done;
  else if (chunked) {
    state_ = State::ChunkSize;
    remaining_ = 0;
    sizeSeen_ = inExtension_ = false;
  } else if (hasLength) {
    remaining_ = length;
    state_ = length ? State::Fixed : State::Done;
  } else {
    state_ = State::UntilClose;
    keepAlive_ = false;
  }
}

size_t ResponseParser::feed(const char* data, size_t size) {
  size_t used = 0;
  while (used < size && state_ != State::Done && state_ != State::Failed) {
    const char* p = data + used;
    const size_t left = size - used;
    switch (state_) {
      case State::Head: {
        if (head_.empty()) {
          if (const char* end = findHeadEnd(p, left)) {  // the usual case: the whole head in one read
            const size_t headSize = static_cast<size_t>(end - p);
            used += headSize + 4;
            parseHead(p, headSize);
            break;
          }
        }
        // A head split across reads: gather it.
        const size_t before = head_.size();
        head_.append(p, left);
        const size_t from = before >= 3 ? before - 3 : 0;
        const size_t at = head_.find("\r\n\r\n", from);
        if (at == std::string::npos) {
          if (head_.size() > 64 * 1024) state_ = State::Failed;  // no answer has a head this large
          return size;
        }
        used += at + 4 - before;
        const std::string head = std::move(head_);
        head_.clear();
        parseHead(head.data(), at);
        break;
      }
      case State::Fixed: {
        const size_t take = static_cast<size_t>(std::min<uint64_t>(remaining_, left));
        remaining_ -= take;
        used += take;
        if (remaining_ == 0) state_ = State::Done;
        break;
      }
      case State::UntilClose:
        return size;
      case State::ChunkSize: {
        const char c = *p;
        ++used;
        if (c == '\n') {
          if (!sizeSeen_) {
            state_ = State::Failed;
            break;
          }
          state_ = remaining_ ? State::ChunkData : State::Trailer;
          lineLength_ = 0;
        } else if (c == ';') {
          inExtension_ = true;
        } else if (!inExtension_ && c != '\r' && c != ' ' && c != '\t') {
          const int digit = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
          if (digit < 0 || remaining_ > (uint64_t{1} << 59)) {
            state_ = State::Failed;
            break;
          }
          remaining_ = remaining_ * 16 + static_cast<uint64_t>(digit);
          sizeSeen_ = true;
        }
        break;
      }
      case State::ChunkData: {
        const size_t take = static_cast<size_t>(std::min<uint64_t>(remaining_, left));
        remaining_ -= take;
        used += take;
        if (remaining_ == 0) state_ = State::ChunkDataEnd;
        break;
      }
      case State::ChunkDataEnd: {  // the CRLF after a chunk's data
        ++used;
        if (*p == '\n') {
          state_ = State::ChunkSize;
          remaining_ = 0;
          sizeSeen_ = inExtension_ = false;
        }
        break;
      }
      case State::Trailer: {  // trailer lines, then an empty one
        ++used;
        if (*p == '\n') {
          if (lineLength_ == 0) state_ = State::Done;
          lineLength_ = 0;
        } else if (*p != '\r') {
          ++lineLength_;
        }
        break;
      }
      case State::Done:
      case State::Failed:
        break;
    }
  }
  return used;
}

}  // namespace sluice::loadgen
