#include "net/io_buffer.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

namespace sluice::net {

void IoBuffer::compact() {
  if (begin_ == 0) return;
  std::memmove(data_, data_ + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
}

bool IoBuffer::appendAfterCompacting(std::string_view bytes) {
  compact();
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

namespace {

// Buffers are mapped pages, not heap: those trimmed from the free list return to the system at
// once, so a burst of connections does not leave its peak in the resident size (a heap keeps it).
char* mapBuffer(size_t size) {
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  return static_cast<char*>(p);
}

void unmapBuffer(char* p, size_t size) { munmap(p, size); }

}  // namespace

BufferPool::~BufferPool() {
  for (char* p : free_) unmapBuffer(p, size_);
}

void BufferPool::acquire(IoBuffer& b) {
  if (b.data_) return;
  if (!free_.empty()) {
    b.data_ = free_.back();
    free_.pop_back();
    if (free_.size() < lowWater_) lowWater_ = free_.size();
  } else {
    b.data_ = mapBuffer(size_);
  }
  b.capacity_ = size_;
  b.begin_ = b.end_ = 0;
}

void BufferPool::release(IoBuffer& b) {
  if (!b.data_ || b.readable() > 0) return;
  if (b.capacity_ != size_) return;  // another pool's buffer: its owner gives it back
  free_.push_back(b.data_);
  b.data_ = nullptr;
  b.capacity_ = b.begin_ = b.end_ = 0;
}

size_t BufferPool::trim() {
  const size_t unused = std::min(lowWater_, free_.size());
  for (size_t i = 0; i < unused; ++i) {
    unmapBuffer(free_.back(), size_);
    free_.pop_back();
  }
  lowWater_ = free_.size();
  return unused * size_;
}

}  // namespace sluice::net
