// The response side of an upstream connection: heads by the response parser (the framing rules of
// RFC 9112 6.3), bodies by the body decoder, responses one after another until the connection's end
// — as the proxy reads its upstreams. The first byte says whether the request was a HEAD.
// Differential: the same bytes arriving whole, split at any offset, or a byte at a time must give
// the same responses, body data and verdicts; a difference aborts.
#include "http/body_decoder.h"
#include "http/response_parser.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace sluice::http;

constexpr size_t kMaxResponses = 16;

std::string readConnection(std::string_view data, bool headRequest, const std::vector<size_t>& arrivals) {
  ResponseParser parser(2048, 24);
  ResponseHead head;
  BodyDecoder decoder;
  std::string log, body;
  size_t pos = 0, available = 0, responses = 0;
  bool inBody = false, finished = false;
  auto step = [&]() -> bool {
    const std::string_view in = data.substr(pos, available - pos);
    if (!inBody) {
      switch (parser.parse(in, head, headRequest)) {
        case ParseResult::NeedMore: return false;
        case ParseResult::Error:
          log += "error\n";
          finished = true;
          return false;
        case ParseResult::Done: break;
      }
      if (head.headBytes == 0 || head.headBytes > in.size()) std::abort();
      log += "head " + std::to_string(head.status) + " v=" + std::to_string(head.versionMinor) + " reason=" +
             std::string(head.reason) + " framing=" + std::to_string(static_cast<int>(head.framing)) +
             " length=" + std::to_string(head.contentLength) + " keepalive=" + std::to_string(head.keepAlive) +
             " headers=" + std::to_string(head.headers.size()) + " bytes=" + std::to_string(head.headBytes) + "\n";
      for (const auto& h : head.headers) log += " " + std::string(h.name) + ": " + std::string(h.value) + "\n";
      parser.reset();
      pos += head.headBytes;
      decoder.start(head.framing, head.contentLength);
      inBody = true;
      body.clear();
      return true;
    }
    if (decoder.done()) {
      log += "body " + std::to_string(decoder.decoded()) + " [" + body + "]\n";
      inBody = false;
      finished = ++responses == kMaxResponses || !head.keepAlive;
      return !finished;
    }
    const size_t probed = decoder.bodyBytesIn(in);
    const size_t used = decoder.feed(in, [&](std::string_view d) { body.append(d); });
    if (used > in.size() || used != probed) std::abort();  // the probe tells what feeding takes
    pos += used;
    if (decoder.failed()) {
      log += "body error after " + std::to_string(body.size()) + "\n";
      finished = true;
      return false;
    }
    return used > 0 || decoder.done();
  };
  for (size_t arrival : arrivals) {
    available = std::min(arrival, data.size());
    while (!finished && step()) {
    }
    if (finished) break;
  }
  if (!finished && inBody && decoder.framing() == BodyFraming::UntilClose)
    log += "body until close " + std::to_string(decoder.decoded()) + " [" + body + "]\n";
  return log;
}

void expectSame(const std::string& whole, const std::string& other, const char* how, size_t at) {
  if (whole == other) return;
  std::fprintf(stderr, "arriving %s (%zu) differs:\n--- whole\n%s--- %s\n%s", how, at, whole.c_str(), how, other.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size == 0) return 0;
  const bool headRequest = bytes[0] & 1;
  const std::string_view data(reinterpret_cast<const char*>(bytes) + 1, size - 1);
  const std::string whole = readConnection(data, headRequest, {data.size()});
  const size_t step = data.size() <= 512 ? 1 : data.size() / 64;
  for (size_t cut = 1; cut < data.size(); cut += step)
    expectSame(whole, readConnection(data, headRequest, {cut, data.size()}), "split", cut);
  std::vector<size_t> oneByOne;
  for (size_t i = 1; i <= data.size(); ++i) oneByOne.push_back(i);
  expectSame(whole, readConnection(data, headRequest, oneByOne), "a byte at a time", 0);
  return 0;
}
