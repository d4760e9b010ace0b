#pragma once
// A compiled PCRE2 pattern (JIT where available), for route paths and plugins. Compiled once per
// snapshot; matching allocates nothing: each reactor thread owns its match data.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pcre2_real_code_8;

namespace sluice::router {

class Regex {
 public:
  // nullopt and `error` set when the pattern does not compile. Anchored patterns match at the
  // start of the subject only (routes); unanchored ones anywhere in it (User-Agent rules).
  static std::optional<Regex> compile(const std::string& pattern, std::string* error = nullptr, bool anchored = true);
  static std::optional<Regex> compileSearch(const std::string& pattern, std::string* error = nullptr) {
    return compile(pattern, error, false);
  }
  // Whether the pattern matches (at the start, or anywhere when unanchored).
  bool matches(std::string_view subject) const { return matchPrefix(subject); }

  // Matches at the start of `subject` (Kong's router anchors regex paths at the start).
  // On success `matchEnd` is the end of the match and `captures` (when given) the groups.
  bool matchPrefix(std::string_view subject, size_t* matchEnd = nullptr,
                   std::vector<std::string_view>* captures = nullptr) const;

  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::shared_ptr<pcre2_real_code_8> code_;
};

}  // namespace sluice::router
