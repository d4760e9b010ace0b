#include "loadgen/load_engine.h"

#include "loadgen/load_worker.h"
#include "loadgen/threshold.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <openssl/ssl.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <thread>

namespace sluice::loadgen {
namespace {

bool sameNameIgnoringCase(const std::string& a, const char* b) { return strcasecmp(a.c_str(), b) == 0; }

bool isAddress(const std::string& host) {
  in6_addr v6;
  in_addr v4;
  return inet_pton(AF_INET, host.c_str(), &v4) == 1 || inet_pton(AF_INET6, host.c_str(), &v6) == 1;
}

struct TlsContext {
  SSL_CTX* ctx = nullptr;
  ~TlsContext() {
    if (ctx) SSL_CTX_free(ctx);
  }
};

}  // namespace

std::string modeOf(const LoadPlan& plan) {
  if (plan.rateStages) return "ramping-rate";
  if (plan.rate > 0) return "constant-rate";
  if (!plan.stages.empty()) return "ramping-connections";
  return "closed-loop";
}

std::string requestBytes(const Target& target, const RequestTemplate& r) {
  std::string out = r.method + " " + r.path + " HTTP/1.1\r\n";
  bool host = false, length = false;
  for (const auto& [name, value] : r.headers) {
    host = host || sameNameIgnoringCase(name, "host");
    length = length || sameNameIgnoringCase(name, "content-length");
  }
  if (!host) out += "Host: " + target.hostHeader + "\r\n";
  for (const auto& [name, value] : r.headers) out += name + ": " + value + "\r\n";
  const bool carriesBody = r.method == "POST" || r.method == "PUT" || r.method == "PATCH";
  if (!length && (!r.body.empty() || carriesBody)) out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  out += "\r\n";
  out += r.body;
  return out;
}

core::Result<LoadResult> LoadEngine::run() {
  if (const auto problems = validate(plan_); !problems.empty()) {
    std::string message;
    for (const std::string& p : problems) message += (message.empty() ? "" : "; ") + p;
    return core::Error::badRequest(message);
  }
  RunContext run(plan_);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(plan_.target.port);
  if (const int e = getaddrinfo(plan_.target.host.c_str(), port.c_str(), &hints, &found); e != 0 || !found)
    return core::Error::badRequest("cannot resolve " + plan_.target.host + ": " + gai_strerror(e));
  std::memcpy(&run.address, found->ai_addr, found->ai_addrlen);
  run.addressLength = found->ai_addrlen;
  freeaddrinfo(found);

  TlsContext tls;
  if (plan_.target.tls) {
    tls.ctx = SSL_CTX_new(TLS_client_method());
    if (!tls.ctx) return core::Error::badRequest("TLS is not available");
    SSL_CTX_set_min_proto_version(tls.ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(tls.ctx, SSL_VERIFY_NONE, nullptr);  // as wrk: load, not trust, is measured
    SSL_CTX_set_session_cache_mode(tls.ctx, SSL_SESS_CACHE_CLIENT);
    static const unsigned char alpn[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    SSL_CTX_set_alpn_protos(tls.ctx, alpn, sizeof alpn);
    run.tls = tls.ctx;
    if (!isAddress(plan_.target.host)) run.serverName = plan_.target.host;
  }
  for (const RequestTemplate& r : plan_.requests) {
    run.wire.push_back(requestBytes(plan_.target, r));
    run.headRequest.push_back(r.method == "HEAD");
    run.weights.push_back(r.weight);
  }

  const int threads = plan_.threads;
  std::vector<std::unique_ptr<LoadWorker>> workers;
  const int connections = plan_.peakConnections();
  for (int w = 0; w < threads; ++w) {
    std::vector<int> mine;
    for (int g = w; g < connections; g += threads) mine.push_back(g);
    uint64_t budget = 0;
    if (plan_.maxRequests)
      budget = plan_.maxRequests / static_cast<uint64_t>(threads) + (static_cast<uint64_t>(w) < plan_.maxRequests % static_cast<uint64_t>(threads) ? 1 : 0);
    if (plan_.maxRequests && budget == 0) continue;
    workers.push_back(std::make_unique<LoadWorker>(run, w, threads, std::move(mine), budget));
  }
  // A second is complete once every worker that runs has added to it (a request count smaller
  // than the threads leaves some without work).
  SecondBoard board(static_cast<int>(workers.size()));
  run.board = &board;
  run.startNs = monotonicNs();
  run.issueEndNs = run.startNs + static_cast<uint64_t>(plan_.issueSeconds() * 1e9);
  std::atomic<int> running{static_cast<int>(workers.size())};
  std::vector<std::thread> pool;
  for (auto& w : workers)
    pool.emplace_back([&running, worker = w.get()] {
      worker->run();
      running.fetch_sub(1);
    });
  const auto deliver = [&](const SecondFigures& s) {
    if (onSecond_) onSecond_(s);
  };
  std::vector<TimelinePoint> timeline;
  const auto collect = [&](const SecondFigures& s) {
    timeline.push_back(TimelinePoint::of(s));
    deliver(s);
  };
  while (running.load() > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (cancelRequested_) run.cancelled = true;
    board.drainComplete(collect);
  }
  for (auto& t : pool) t.join();
  board.drainComplete(collect, true);
  const uint64_t endNs = monotonicNs();

  LoadResult result;
  result.url = std::string(plan_.target.tls ? "https://" : "http://") + plan_.target.hostHeader +
               (plan_.requests.empty() ? std::string("/") : plan_.requests.front().path);
  result.mode = modeOf(plan_);
  result.threads = threads;
  result.connections = connections;
  result.rate = plan_.rate;
  result.cancelled = run.cancelled;
  const double elapsed = static_cast<double>(endNs - run.startNs) / 1e9;
  result.durationSeconds = std::min(elapsed, plan_.issueSeconds());
  std::array<uint64_t, 600> statuses{};
  std::vector<uint64_t> perTemplate(plan_.requests.size(), 0);
  for (const auto& w : workers) {
    const WorkerTotals& t = w->totals();
    result.requests += t.requests;
    result.responses += t.responses;
    result.dropped += t.dropped;
    result.late += t.late;
    if (t.wallNs > 0) result.busiestThreadCpu = std::max(result.busiestThreadCpu, static_cast<double>(t.cpuNs) / static_cast<double>(t.wallNs));
    result.bytesRead += t.bytesRead;
    result.bytesWritten += t.bytesWritten;
    result.reconnects += t.reconnects;
    result.transportErrors.add(t.errors);
    result.latency.add(t.latency);
    result.uncorrected.add(t.uncorrected);
    for (size_t i = 0; i < statuses.size(); ++i) statuses[i] += t.statuses[i];
    for (size_t i = 0; i < perTemplate.size(); ++i) perTemplate[i] += t.perTemplate[i];
  }
  for (size_t i = 0; i < statuses.size(); ++i)
    if (statuses[i]) result.statuses[static_cast<int>(i)] = statuses[i];
  for (size_t i = 0; i < perTemplate.size(); ++i) {
    const RequestTemplate& r = plan_.requests[i];
    result.perTemplate.emplace_back(r.name.empty() ? r.method + " " + r.path : r.name, perTemplate[i]);
  }
  result.timeline = std::move(timeline);
  for (const std::string& text : plan_.thresholds) {
    std::string error;
    const auto t = parseThreshold(text, error);
    if (!t) continue;  // validated above
    const double value = t->valueOf(result);
    result.thresholds.push_back({text, value, t->holds(value)});
    result.passed = result.passed && result.thresholds.back().ok;
  }
  return result;
}

}  // namespace sluice::loadgen
