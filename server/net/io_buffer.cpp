#include "net/io_buffer.h"

#include <cstring>
#include <utility>

namespace sluice::net {

void IoBuffer::compact() {
  if (begin_ == 0) return;
  std::memmove(data_, data_ + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
}

bool IoBuffer::append(std::string_view bytes) {
  if (writable() < bytes.size()) compact();
  if (writable() < bytes.size()) return false;
  std::memcpy(writePos(), bytes.data(), bytes.size());
  end_ += bytes.size();
  return true;
}

void IoBuffer::swap(IoBuffer& o) noexcept {
  std::swap(data_, o.data_);
  std::swap(capacity_, o.capacity_);
  std::swap(begin_, o.begin_);
  std::swap(end_, o.end_);
}

BufferPool::~BufferPool() {
  for (char* p : free_) delete[] p;
}

void BufferPool::acquire(IoBuffer& b) {
  if (b.data_) return;
  if (!free_.empty()) {
    b.data_ = free_.back();
    free_.pop_back();
  } else {
    b.data_ = new char[size_];
  }
  b.capacity_ = size_;
  b.begin_ = b.end_ = 0;
}

void BufferPool::release(IoBuffer& b) {
  if (!b.data_ || b.readable() > 0) return;
  if (b.capacity_ != size_) return;  // another pool's buffer: its owner gives it back
  if (free_.size() < keepFree_) free_.push_back(b.data_);
  else delete[] b.data_;
  b.data_ = nullptr;
  b.capacity_ = b.begin_ = b.end_ = 0;
}

}  // namespace sluice::net
