#include "http/header_edits.h"

#include "http/http_types.h"

namespace sluice::http {

void HeaderEdits::erase(std::string_view name) {
  size_t kept = 0;
  for (size_t i = 0; i < size(); ++i) {
    HeaderEdit& e = at(i);
    if (http::equalsIgnoreCase(e.name, name)) continue;
    if (kept != i) std::swap(at(kept), e);
    ++kept;
  }
  while (size() > kept) pop_back();
}

const HeaderEdit* HeaderEdits::find(std::string_view name) const {
  const HeaderEdit* found = nullptr;
  for (const auto& e : *this)
    if (!e.append && http::equalsIgnoreCase(e.name, name)) found = &e;
  return found;
}

bool HeaderChanges::replaces(std::string_view name) const {
  if (removed && removed->lengths.mayHold(name))
    for (const auto& r : *removed)
      if (equalsIgnoreCase(r, name)) return true;
  if (set && set->lengths.mayHold(name))
    for (const auto& e : *set)
      if (!e.append && equalsIgnoreCase(e.name, name)) return true;
  return false;
}

}  // namespace sluice::http
