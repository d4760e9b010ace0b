#pragma once
// Connection buffers: taken from a per-reactor free list when a connection has something to do and
// given back when it goes idle, so idle keep-alive connections hold no buffer at all.
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace sluice::net {

class BufferPool;

class IoBuffer {
 public:
  IoBuffer() = default;
  IoBuffer(const IoBuffer&) = delete;
  IoBuffer& operator=(const IoBuffer&) = delete;

  bool allocated() const { return data_ != nullptr; }
  char* readPos() { return data_ + begin_; }
  const char* readPos() const { return data_ + begin_; }
  size_t readable() const { return end_ - begin_; }
  std::string_view view() const { return {data_ + begin_, end_ - begin_}; }
  char* writePos() { return data_ + end_; }
  size_t writable() const { return capacity_ - end_; }
  size_t capacity() const { return capacity_; }
  void produced(size_t n) { end_ += n; }
  void consume(size_t n) {
    begin_ += n;
    if (begin_ == end_) begin_ = end_ = 0;
  }
  // Moves unread bytes to the front to make room at the end.
  void compact();
  void clear() { begin_ = end_ = 0; }
  // False if it does not fit. Inline: head writers append a header in pieces, many per request.
  bool append(std::string_view bytes) {
    if (bytes.size() <= writable()) {
      if (!bytes.empty()) std::memcpy(data_ + end_, bytes.data(), bytes.size());  // (an empty view may hold a null pointer)
      end_ += bytes.size();
      return true;
    }
    return appendAfterCompacting(bytes);
  }
  void swap(IoBuffer& other) noexcept;

 private:
  friend class BufferPool;
  bool appendAfterCompacting(std::string_view bytes);
  char* data_ = nullptr;
  size_t capacity_ = 0, begin_ = 0, end_ = 0;
};

class BufferPool {
 public:
  // Freed buffers stay on the free list (a busy second reuses them without a page fault) until
  // trim() finds them unused for a whole period.
  explicit BufferPool(size_t bufferSize) : size_(bufferSize) {}
  ~BufferPool();
  void acquire(IoBuffer& buffer);  // no-op when it already has one
  void release(IoBuffer& buffer);  // only when empty: keeps unread bytes
  size_t bufferSize() const { return size_; }
  // Unmaps the free buffers that stayed unused since the last call (called once a second, so a
  // burst's peak goes back to the system); returns the bytes given back.
  size_t trim();

 private:
  size_t size_;
  std::vector<char*> free_;
  size_t lowWater_ = 0;  // the fewest free buffers since the last trim
};

}  // namespace sluice::net
