// The load generator's response reader (loadgen/response_parser.h): responses one after another on
// a connection, interim 1xx skipped, heads gathered across reads. The first byte says whether the
// requests were HEADs. Differential: whole, split at any offset, a byte at a time give the same
// statuses, ends and verdicts; a difference aborts.
#include "loadgen/response_parser.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr size_t kMaxResponses = 16;

std::string readConnection(std::string_view data, bool headRequest, const std::vector<size_t>& arrivals) {
  sluice::loadgen::ResponseParser parser;
  parser.reset(headRequest);
  std::string log;
  size_t pos = 0, responses = 0;
  bool finished = false;
  for (size_t arrival : arrivals) {
    const size_t available = std::min(arrival, data.size());
    while (!finished && pos < available) {
      const size_t used = parser.feed(data.data() + pos, available - pos);
      if (used > available - pos) std::abort();
      pos += used;
      if (parser.failed()) {
        log += "failed\n";
        finished = true;
      } else if (parser.done()) {
        log += "response " + std::to_string(parser.status()) + " keepalive=" + std::to_string(parser.keepAlive()) + "\n";
        finished = ++responses == kMaxResponses || !parser.keepAlive();
        parser.reset(headRequest);
      } else if (used == 0) {
        std::abort();  // an unfinished response takes what it is given
      }
    }
    if (finished) break;
  }
  if (!finished) {
    parser.closed();
    log += parser.done() ? "response at close " + std::to_string(parser.status()) + "\n"
                         : parser.started() ? "cut short\n" : "idle\n";
  }
  return log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size == 0) return 0;
  const bool headRequest = bytes[0] & 1;
  const std::string_view data(reinterpret_cast<const char*>(bytes) + 1, size - 1);
  const std::string whole = readConnection(data, headRequest, {data.size()});
  auto expectSame = [&](const std::string& other, const char* how, size_t at) {
    if (whole == other) return;
    std::fprintf(stderr, "arriving %s (%zu) differs:\n--- whole\n%s--- %s\n%s", how, at, whole.c_str(), how, other.c_str());
    std::abort();
  };
  const size_t step = data.size() <= 512 ? 1 : data.size() / 64;
  for (size_t cut = 1; cut < data.size(); cut += step)
    expectSame(readConnection(data, headRequest, {cut, data.size()}), "split", cut);
  std::vector<size_t> oneByOne;
  for (size_t i = 1; i <= data.size(); ++i) oneByOne.push_back(i);
  expectSame(readConnection(data, headRequest, oneByOne), "a byte at a time", 0);
  return 0;
}
