#include "proxy/response_start.h"

#include "proxy/proxy_worker.h"

#include <Poco/Logger.h>

namespace sluice::proxy {

bool acceptResponseHead(ProxyWorker& worker, UpstreamLeg& leg, Exchange& x) {
  leg.reportOutcome(x, snapshot::Outcome::Success, x.response.status);
  x.ctx.status = x.response.status;
  x.ctx.firstByteUs = worker.nowMicros();
  if (!x.chain || x.resolved.empty()) return false;
  x.ctx.response = &x.response;
  plugins::runHeaderFilter(*x.chain, x.ctx, x.resolved, x.timings);
  return x.ctx.local.status != 0;
}

ResponseBody chooseResponseBody(ProxyWorker& worker, Exchange& x, std::string_view headBytes) {
  const http::ResponseHead& r = x.response;
  if (!x.ctx.bufferResponse || x.switchingProtocols() || x.isHead || r.framing == http::BodyFraming::None) return ResponseBody::Pass;
  if (r.framing == http::BodyFraming::ContentLength && r.contentLength > worker.settings().bodyBufferSize) return ResponseBody::Pass;
  x.responseHeadCopy.assign(headBytes);
  x.responseParser.reset();
  if (x.responseParser.parse(x.responseHeadCopy, x.response, x.isHead) != http::ParseResult::Done) return ResponseBody::Invalid;
  x.responseBody.clear();
  x.responseBodyDecoder.start(x.response.framing, x.response.contentLength);
  return ResponseBody::Collect;
}

Collected collectResponseBody(ProxyWorker& worker, Exchange& x, net::IoBuffer& in) {
  http::BodyDecoder& decoder = x.responseBodyDecoder;
  in.consume(decoder.feed(in.view(), [&x](std::string_view d) { x.responseBody.append(d); }));
  if (decoder.failed()) return Collected::Invalid;
  const uint64_t limit = worker.settings().bodyBufferSize;
  if (x.responseBody.size() > limit) {
    Poco::Logger::get("sluice.proxy")
        .error("a response body larger than body_buffer_size (%Lu bytes) cannot be edited by the plugins of route %s",
               static_cast<unsigned long long>(limit), x.route ? x.route->id : std::string());
    return Collected::TooLarge;
  }
  return decoder.done() ? Collected::Whole : Collected::More;
}

}  // namespace sluice::proxy
