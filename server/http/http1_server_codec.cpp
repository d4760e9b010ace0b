#include "http/http1_server_codec.h"

namespace sluice::http {

Http1ServerCodec::Head Http1ServerCodec::readHead(std::string_view in, RequestHead& head) {
  switch (parser_.parse(in, head)) {
    case ParseResult::NeedMore: return Head::NeedMore;
    case ParseResult::Error: return Head::Error;
    case ParseResult::Done: break;
  }
  parser_.reset();
  body_.start(head.framing, head.contentLength);
  return Head::Ready;
}

bool Http1ServerCodec::readHeadAgain(std::string_view copy, RequestHead& head) {
  parser_.reset();
  const bool ok = parser_.parse(copy, head) == ParseResult::Done;
  parser_.reset();
  return ok;
}

bool Http1ServerCodec::writeResponseHead(net::IoBuffer& out, const ResponseHead& response, PassedResponse& passed) {
  dechunk_ = response.framing == BodyFraming::Chunked && passed.clientMinor == 0 && !passed.wholeBody;
  passed.dechunk = dechunk_;
  if (response.framing == BodyFraming::UntilClose || dechunk_) passed.keepAlive = false;
  return writePassedResponseHead(out, response, passed);
}

std::string_view Http1ServerCodec::responseBody(BodyDecoder& upstreamBody, net::IoBuffer& in, net::IoBuffer& out) {
  if (upstreamBody.done() || in.readable() == 0) return {};
  if (!dechunk_) return in.view().substr(0, upstreamBody.bodyBytesIn(in.view()));
  // Decoded data is never longer than its input: feed only what `out` has room for.
  out.compact();
  const size_t used = upstreamBody.feed(in.view().substr(0, out.writable()), [&out](std::string_view d) { (void)out.append(d); });
  in.consume(used);
  return {};
}

}  // namespace sluice::http
