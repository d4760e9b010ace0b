#pragma once
// What every worker thread of one run shares, read-only once the run starts: the plan, each
// request template as the bytes it sends, the resolved address, the TLS context, the clock's
// origin, and where finished seconds go.
#include "loadgen/load_plan.h"
#include "loadgen/load_result.h"
#include "loadgen/rate_schedule.h"

#include <sys/socket.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

typedef struct ssl_ctx_st SSL_CTX;

namespace sluice::loadgen {

// Seconds as the workers finish them: a second is complete once every worker has added its share.
class SecondBoard {
 public:
  explicit SecondBoard(int workers) : workers_(workers) {}
  void add(SecondFigures figures);
  // Calls f(second) for each second every worker has added, in order, once each.
  template <class F>
  void drainComplete(F&& f, bool all = false) {
    std::lock_guard lock(mutex_);
    while (delivered_ < seconds_.size() && (all || contributions_[delivered_] >= workers_)) f(seconds_[delivered_++]);
  }

 private:
  std::mutex mutex_;
  int workers_;
  std::vector<SecondFigures> seconds_;
  std::vector<int> contributions_;
  size_t delivered_ = 0;
};

struct RunContext {
  explicit RunContext(const LoadPlan& p) : plan(p), schedule(p) {}
  const LoadPlan& plan;
  RateSchedule schedule;
  std::vector<std::string> wire;  // each template's request, ready to write
  std::vector<bool> headRequest;
  std::vector<uint32_t> weights;
  sockaddr_storage address{};
  socklen_t addressLength = 0;
  SSL_CTX* tls = nullptr;
  std::string serverName;  // SNI: empty for an address
  uint64_t startNs = 0, issueEndNs = 0;
  std::atomic<bool> cancelled{false};
  SecondBoard* board = nullptr;
};

uint64_t monotonicNs();

}  // namespace sluice::loadgen
