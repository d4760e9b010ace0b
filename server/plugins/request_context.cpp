#include "plugins/request_context.h"

namespace sluice::plugins {

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

RequestLatencies latencies(const RequestContext& ctx) {
  const auto span = [](uint64_t from, uint64_t to) -> int64_t { return from && to > from ? static_cast<int64_t>(to - from) : 0; };
  RequestLatencies l;
  l.kongUs = span(ctx.startedUs, ctx.sentUpstreamUs ? ctx.sentUpstreamUs : ctx.finishedUs);
  if (ctx.sentUpstreamUs) l.upstreamUs = span(ctx.sentUpstreamUs, ctx.firstByteUs);
  l.requestUs = span(ctx.startedUs, ctx.finishedUs);
  return l;
}

}  // namespace sluice::plugins
