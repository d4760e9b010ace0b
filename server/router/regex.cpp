#include "router/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace sluice::router {
namespace {

// One match-data block per thread, large enough for any pattern's groups.
pcre2_match_data* threadMatchData() {
  struct Holder {
    pcre2_match_data* data = pcre2_match_data_create(64, nullptr);
    ~Holder() { pcre2_match_data_free(data); }
  };
  thread_local Holder holder;
  return holder.data;
}

}  // namespace

std::optional<Regex> Regex::compile(const std::string& pattern, std::string* error, bool anchored) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                       (anchored ? PCRE2_ANCHORED : 0) | PCRE2_UTF, &code, &offset, nullptr);
  if (!compiled) {
    if (error) {
      PCRE2_UCHAR buffer[256];
      pcre2_get_error_message(code, buffer, sizeof buffer);
      *error = std::string(reinterpret_cast<const char*>(buffer)) + " at offset " + std::to_string(offset);
    }
    return std::nullopt;
  }
  pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE);  // falls back to the interpreter if unavailable
  Regex r;
  r.pattern_ = pattern;
  r.code_ = std::shared_ptr<pcre2_code>(compiled, pcre2_code_free);
  return r;
}

bool Regex::matchPrefix(std::string_view subject, size_t* matchEnd, std::vector<std::string_view>* captures) const {
  pcre2_match_data* md = threadMatchData();
  const int rc = pcre2_match(code_.get(), reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0, md, nullptr);
  if (rc < 0) return false;
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  if (matchEnd) *matchEnd = ov[1];
  if (captures) {
    captures->clear();
    for (int i = 1; i < rc; ++i)
      captures->push_back(ov[2 * i] == PCRE2_UNSET ? std::string_view() : subject.substr(ov[2 * i], ov[2 * i + 1] - ov[2 * i]));
  }
  return true;
}

}  // namespace sluice::router
