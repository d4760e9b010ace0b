#include "net/slab_allocator.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>
#include <stdexcept>

// Under AddressSanitizer, free slots are poisoned: a use after free of a session is reported as
// it would be for heap memory.
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define SLUICE_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define SLUICE_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define SLUICE_POISON(p, n) ((void)(p), (void)(n))
#define SLUICE_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace sluice::net {

struct SlabAllocator::Chunk {
  SlabAllocator* owner;
  Chunk* prev;
  Chunk* next;
  void* freeList;    // released slots, linked through their first word
  uint32_t used;     // live objects
  uint32_t fresh;    // slots never handed out start here (their pages stay untouched until then)
  bool linked;       // in the owner's partial list
};

namespace {

constexpr size_t kHeader = (sizeof(void*) * 4 + 16 + 15) & ~size_t{15};

// A chunk aligned to its size, so that an object's chunk is its address with the low bits cleared.
void* mapAligned(size_t size) {
  void* raw = mmap(nullptr, 2 * size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + size - 1) & ~(size - 1);
  if (aligned > start) munmap(raw, aligned - start);
  if (aligned + size < start + 2 * size) munmap(reinterpret_cast<void*>(aligned + size), start + 2 * size - aligned - size);
  return reinterpret_cast<void*>(aligned);
}

void unmapChunk(void* c) {
  SLUICE_UNPOISON(c, SlabAllocator::kChunkSize);  // the next mapping at this address starts clean
  munmap(c, SlabAllocator::kChunkSize);
}

}  // namespace

SlabAllocator::SlabAllocator(size_t objectSize)
    : objectSize_((std::max(objectSize, sizeof(void*)) + 15) & ~size_t{15}),
      perChunk_((kChunkSize - kHeader) / objectSize_) {
  static_assert(sizeof(Chunk) <= kHeader);
  if (perChunk_ == 0) throw std::invalid_argument("slab object larger than a chunk");
}

SlabAllocator::~SlabAllocator() {
  while (partial_) {
    Chunk* c = partial_;
    unlink(c);
    if (c != spare_) unmapChunk(c);
  }
  if (spare_) unmapChunk(spare_);
  // Full chunks are only reachable through their objects; by contract there are none left.
}

void SlabAllocator::link(Chunk* c) {
  c->prev = nullptr;
  c->next = partial_;
  if (partial_) partial_->prev = c;
  partial_ = c;
  c->linked = true;
}

void SlabAllocator::unlink(Chunk* c) {
  if (c->prev) c->prev->next = c->next;
  else partial_ = c->next;
  if (c->next) c->next->prev = c->prev;
  c->prev = c->next = nullptr;
  c->linked = false;
}

void* SlabAllocator::allocate() {
  if (!partial_) {
    Chunk* c = spare_;
    spare_ = nullptr;
    if (!c) {
      c = static_cast<Chunk*>(mapAligned(kChunkSize));
      ++chunks_;
    }
    SLUICE_UNPOISON(c, kChunkSize);  // a reused spare: its freed slots were poisoned
    *c = Chunk{this, nullptr, nullptr, nullptr, 0, 0, false};
    link(c);
  }
  Chunk* c = partial_;
  void* p;
  if (c->freeList) {
    p = c->freeList;
    SLUICE_UNPOISON(p, objectSize_);
    c->freeList = *static_cast<void**>(p);
  } else {
    p = reinterpret_cast<char*>(c) + kHeader + c->fresh * objectSize_;
    ++c->fresh;
  }
  ++c->used;
  if (!c->freeList && c->fresh == perChunk_) unlink(c);  // full
  return p;
}

void SlabAllocator::release(void* p) {
  if (!p) return;
  auto* c = reinterpret_cast<Chunk*>(reinterpret_cast<uintptr_t>(p) & ~(kChunkSize - 1));
  c->owner->free(c, p);
}

void SlabAllocator::free(Chunk* c, void* p) {
  *static_cast<void**>(p) = c->freeList;
  c->freeList = p;
  SLUICE_POISON(p, objectSize_);
  --c->used;
  if (!c->linked) link(c);
  if (c->used > 0) return;
  // Empty: keep one for the next burst, unmap the rest.
  unlink(c);
  if (!spare_) {
    spare_ = c;
  } else {
    unmapChunk(c);
    --chunks_;
  }
}

}  // namespace sluice::net
