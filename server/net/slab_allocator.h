#pragma once
// Fixed-size objects (client sessions) packed in 64 KiB chunks of their own. Long-lived objects
// kept apart from the short-lived heap churn of requests: after a burst, the heap's freed pages
// are whole and go back to the system, and a chunk whose objects are all gone is unmapped. One
// allocator per reactor, used by that reactor's thread only: no lock.
#include <cstddef>
#include <cstdint>

namespace sluice::net {

class SlabAllocator {
 public:
  explicit SlabAllocator(size_t objectSize);
  ~SlabAllocator();  // unmaps every chunk: the objects must be gone
  SlabAllocator(const SlabAllocator&) = delete;
  SlabAllocator& operator=(const SlabAllocator&) = delete;

  void* allocate();
  // Gives `p` back to the allocator it came from (found from the address alone).
  static void release(void* p);
  size_t chunks() const { return chunks_; }

  static constexpr size_t kChunkSize = 64 * 1024;

 private:
  struct Chunk;
  void link(Chunk* c);
  void unlink(Chunk* c);
  void free(Chunk* c, void* p);

  size_t objectSize_, perChunk_;
  Chunk* partial_ = nullptr;  // chunks with a free slot
  Chunk* spare_ = nullptr;    // one empty chunk kept, so a connection coming and going does not map and unmap
  size_t chunks_ = 0;
};

}  // namespace sluice::net
