#pragma once
// Edits to a message's headers, as the gateway collects them while a request passes (plugins set,
// append or remove headers of the upstream request and of the response) and the head writers
// apply them. The lists keep their elements' strings when cleared, so a warm connection edits
// headers without allocating.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::http {

struct HeaderEdit {
  std::string name, value;
  bool append = false;  // response headers: added beside the upstream's (Vary), not replacing them
};

// A list that keeps its elements' strings when cleared: refilled on the next request, they reuse
// their capacity, so plugins add headers without allocating once a connection is warm.
template <class T>
class ReusedList {
 public:
  T& grow() {
    if (size_ == items_.size()) items_.emplace_back();
    return items_[size_++];
  }
  void clear() { size_ = 0; }
  void pop_back() { --size_; }
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  T& back() { return items_[size_ - 1]; }
  T& at(size_t i) { return items_[i]; }
  const T* begin() const { return items_.data(); }
  const T* end() const { return items_.data() + size_; }

 private:
  std::vector<T> items_;
  size_t size_ = 0;
};

// The lengths of the names a list holds, as bits (length mod 64): a header whose length bit is
// clear cannot be among them, which answers most lookups without comparing a byte.
class NameLengths {
 public:
  void note(std::string_view name) { bits_ |= bit(name); }
  bool mayHold(std::string_view name) const { return bits_ & bit(name); }
  void reset() { bits_ = 0; }

 private:
  static uint64_t bit(std::string_view name) { return uint64_t{1} << (name.size() & 63); }
  uint64_t bits_ = 0;
};

class HeaderEdits : public ReusedList<HeaderEdit> {
 public:
  void clear() {
    ReusedList::clear();
    lengths.reset();
  }
  // Drops every edit of `name` (any case), keeping the order of the others.
  void erase(std::string_view name);
  // The last non-append edit of `name`, or null.
  const HeaderEdit* find(std::string_view name) const;
  void add(std::string_view name, std::string_view value, bool append = false) {
    HeaderEdit& e = grow();
    lengths.note(name);
    e.name.assign(name);
    e.value.assign(value);
    e.append = append;
  }
  NameLengths lengths;  // of every name added since the last clear (erase keeps them: a superset)
};

class NameList : public ReusedList<std::string> {
 public:
  void add(std::string_view name) {
    lengths.note(name);
    grow().assign(name);
  }
  void clear() {
    ReusedList::clear();
    lengths.reset();
  }
  NameLengths lengths;
};

// What a head writer applies to a message: headers set (replacing any of that name unless
// append) and names removed.
struct HeaderChanges {
  const HeaderEdits* set = nullptr;
  const NameList* removed = nullptr;
  bool any() const { return (set && !set->empty()) || (removed && !removed->empty()); }
  // True if a header of the message named `name` gives way: removed, or replaced by a set one.
  bool replaces(std::string_view name) const;
};

}  // namespace sluice::http
