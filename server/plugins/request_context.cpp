#include "plugins/request_context.h"

namespace sluice::plugins {

RequestLatencies latencies(const RequestContext& ctx) {
  const auto span = [](uint64_t from, uint64_t to) -> int64_t { return from && to > from ? static_cast<int64_t>(to - from) : 0; };
  RequestLatencies l;
  l.kongUs = span(ctx.startedUs, ctx.sentUpstreamUs ? ctx.sentUpstreamUs : ctx.finishedUs);
  if (ctx.sentUpstreamUs) l.upstreamUs = span(ctx.sentUpstreamUs, ctx.firstByteUs);
  l.requestUs = span(ctx.startedUs, ctx.finishedUs);
  return l;
}

}  // namespace sluice::plugins
