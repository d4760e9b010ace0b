#pragma once
// What the snapshot builder compiled from each entity, kept between builds: an entity whose
// mirror revision has not changed is not compiled again (one write at 10,000 routes recompiles
// one route, not all of them).
#include <cstdint>
#include <string>
#include <unordered_map>

namespace sluice::snapshot {

template <typename T>
class CompiledCache {
 public:
  // The value compiled from revision `revision` of entity `id`, compiling it if needed.
  template <typename Compile>
  T& get(const std::string& id, uint64_t revision, Compile&& compile) {
    auto [it, inserted] = slots_.try_emplace(id);
    Slot& slot = it->second;
    if (inserted || slot.revision != revision) {
      slot.value = compile();
      slot.revision = revision;
    }
    slot.generation = generation_;
    return slot.value;
  }
  // Forgets the entities not asked for since the previous sweep (deleted ones).
  void sweep() {
    std::erase_if(slots_, [this](const auto& kv) { return kv.second.generation != generation_; });
    ++generation_;
  }
  size_t size() const { return slots_.size(); }

 private:
  struct Slot {
    uint64_t revision = 0;
    uint64_t generation = 0;
    T value;
  };
  std::unordered_map<std::string, Slot> slots_;
  uint64_t generation_ = 1;
};

}  // namespace sluice::snapshot
