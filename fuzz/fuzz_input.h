#pragma once
// Structured values taken from a fuzz input's bytes, front to back; once the bytes run out every
// value is its zero. (libFuzzer's FuzzedDataProvider is clang's; the replay build is also GCC's.)
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size) : data_(reinterpret_cast<const char*>(data), size) {}

  bool empty() const { return data_.empty(); }
  uint8_t byte() {
    if (data_.empty()) return 0;
    const auto b = static_cast<uint8_t>(data_.front());
    data_.remove_prefix(1);
    return b;
  }
  // A number in [0, bound).
  size_t below(size_t bound) { return bound == 0 ? 0 : byte() % bound; }
  bool flag() { return byte() & 1; }
  template <typename T>
  const T& pick(const std::vector<T>& choices) {
    return choices[below(choices.size())];
  }
  // A string of up to `max` bytes, its length first.
  std::string_view text(size_t max) {
    const size_t n = std::min<size_t>(below(max + 1), data_.size());
    const auto out = data_.substr(0, n);
    data_.remove_prefix(n);
    return out;
  }
  std::string_view rest() {
    const auto out = data_;
    data_ = {};
    return out;
  }

 private:
  std::string_view data_;
};

}  // namespace sluice::fuzz
