// The request side of a client connection: heads by the request parser, bodies by the chunked and
// Content-Length decoders, pipelined requests one after another — as Http1ServerCodec reads them.
// Differential: the same bytes arriving whole, split at any offset, or a byte at a time must give
// the same requests, the same body data and the same verdicts; a difference aborts.
#include "http/http1_server_codec.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace sluice::http;

constexpr size_t kMaxRequests = 16;

// What a connection made of the bytes, as text: compared between ways of delivering them.
std::string readConnection(std::string_view data, const std::vector<size_t>& arrivals) {
  Http1ServerCodec codec(HttpLimits{.maxRequestLine = 512, .maxHeaderBytes = 2048, .maxHeaders = 24});
  RequestHead head;
  std::string log, body;
  size_t pos = 0, available = 0, requests = 0;
  bool inBody = false, finished = false;
  auto step = [&]() -> bool {  // false: nothing more can happen with these bytes
    const std::string_view in = data.substr(pos, available - pos);
    if (!inBody) {
      switch (codec.readHead(in, head)) {
        case Http1ServerCodec::Head::NeedMore: return false;
        case Http1ServerCodec::Head::Error:
          log += "error " + std::to_string(codec.errorStatus()) + "\n";
          finished = true;
          return false;
        case Http1ServerCodec::Head::Ready: break;
      }
      if (head.headBytes == 0 || head.headBytes > in.size()) std::abort();  // a head is what was given
      log += "head " + std::string(head.method) + " " + std::string(head.target) + " path=" + std::string(head.path) +
             " query=" + std::string(head.query) + " host=" + std::string(head.host) +
             " v=" + std::to_string(head.versionMinor) + " framing=" + std::to_string(static_cast<int>(head.framing)) +
             " length=" + std::to_string(head.contentLength) + " keepalive=" + std::to_string(head.keepAlive) +
             " headers=" + std::to_string(head.headers.size()) + " bytes=" + std::to_string(head.headBytes) + "\n";
      for (const auto& h : head.headers) {
        if (h.name.data() < in.data() || h.value.data() + h.value.size() > in.data() + head.headBytes) std::abort();
        log += " " + std::string(h.name) + ": " + std::string(h.value) + "\n";
      }
      pos += head.headBytes;
      inBody = true;
      body.clear();
      return true;
    }
    if (codec.bodyDone()) {
      log += "body " + std::to_string(codec.bodySeen()) + " [" + body + "]\n";
      if (codec.bodySeen() != body.size()) std::abort();
      inBody = false;
      codec.reset();
      finished = ++requests == kMaxRequests || !head.keepAlive;
      return !finished;
    }
    const size_t used = codec.readBody(in, [&](std::string_view d) { body.append(d); });
    if (used > in.size()) std::abort();
    pos += used;
    if (codec.bodyFailed()) {
      log += "body error after " + std::to_string(body.size()) + "\n";
      finished = true;
      return false;
    }
    return used > 0 || codec.bodyDone();
  };
  for (size_t arrival : arrivals) {
    available = std::min(arrival, data.size());
    while (!finished && step()) {
    }
    if (finished) break;
  }
  return log;
}

void expectSame(const std::string& whole, const std::string& other, const char* how, size_t at) {
  if (whole == other) return;
  std::fprintf(stderr, "arriving %s (%zu) differs:\n--- whole\n%s--- %s\n%s", how, at, whole.c_str(), how, other.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const std::string_view data(reinterpret_cast<const char*>(bytes), size);
  const std::string whole = readConnection(data, {size});
  // Split once: at every offset of a short input, at 64 spread offsets of a long one.
  const size_t step = size <= 512 ? 1 : size / 64;
  for (size_t cut = 1; cut < size; cut += step)
    expectSame(whole, readConnection(data, {cut, size}), "split", cut);
  std::vector<size_t> oneByOne;
  for (size_t i = 1; i <= size; ++i) oneByOne.push_back(i);
  expectSame(whole, readConnection(data, oneByOne), "a byte at a time", 0);
  return 0;
}
