#pragma once
// One thread of a load test: its share of the connections on its own epoll instance. Closed loop:
// a connection writes its next request the moment the previous answer is complete (no epoll
// round-trip in between). Open loop: requests are due at the schedule's times; each goes out on an
// idle connection, and its latency counts from when it was due, so a stalled server shows in the
// percentiles instead of silently slowing the generator down (coordinated omission).
#include "loadgen/response_parser.h"
#include "loadgen/run_context.h"

#include <array>
#include <functional>
#include <queue>
#include <random>
#include <vector>

typedef struct ssl_st SSL;
typedef struct ssl_session_st SSL_SESSION;
struct epoll_event;

namespace sluice::loadgen {

struct WorkerTotals {
  uint64_t requests = 0, responses = 0, issued = 0, dropped = 0;
  // The generator's own limits: open-loop requests written more than kLateNs after they were due
  // although a connection was free (the thread was too busy to send them on time), and the
  // thread's CPU time over its run's wall time.
  uint64_t late = 0;
  uint64_t cpuNs = 0, wallNs = 0;
  uint64_t bytesRead = 0, bytesWritten = 0, reconnects = 0;
  ErrorCounts errors;
  std::array<uint64_t, 600> statuses{};
  std::vector<uint64_t> perTemplate;
  metrics::LatencyHistogram latency, uncorrected;
};

class LoadWorker {
 public:
  static constexpr uint64_t kLateNs = 10'000'000;  // 10 ms behind the schedule (scheduler noise stays below)
  // `connectionIndices`: the run-wide numbers of this worker's connections (stages activate them
  // in that order); `budget`: how many requests this worker may issue (0: no bound).
  LoadWorker(RunContext& run, int index, int threads, std::vector<int> connectionIndices, uint64_t budget);
  ~LoadWorker();
  LoadWorker(const LoadWorker&) = delete;
  LoadWorker& operator=(const LoadWorker&) = delete;

  void run();
  const WorkerTotals& totals() const { return totals_; }

 private:
  enum class State : uint8_t { Off, Connecting, Handshake, Idle, Sending, Receiving, Backoff };
  struct Connection {
    int fd = -1;
    SSL* ssl = nullptr;
    State state = State::Off;
    bool active = true;    // wanted by the connection stages
    bool thinking = false; // closed loop: waiting out its think time (in thinking_)
    bool pending = false;  // a request is assigned and waits for the connection
    bool reused = false;   // has finished an exchange
    bool listed = false;   // open loop: in available_
    int globalIndex = 0;
    uint32_t generation = 0;
    uint32_t templateIndex = 0;
    size_t written = 0;
    uint64_t dueNs = 0, sentNs = 0, deadlineNs = 0;
    ResponseParser parser;
  };
  enum class Failure { Connect, Timeout, Reset, Tls, Protocol };

  bool issuing(uint64_t now) const;
  void assign(uint32_t c, uint64_t dueNs, uint64_t now);
  void nextFor(uint32_t c, uint64_t now);
  void dispatchDue(uint64_t now);
  void connect(uint32_t c, uint64_t now);
  void onConnected(uint32_t c, uint64_t now);
  void handshake(uint32_t c, uint64_t now);
  void ready(uint32_t c, uint64_t now);
  void send(uint32_t c, uint64_t now);
  void receive(uint32_t c);
  void complete(uint32_t c, uint64_t now);
  void makeAvailable(uint32_t c);
  void flushSends(uint64_t now);
  void handleEvents(const ::epoll_event* events, int n);
  void fail(uint32_t c, Failure kind, uint64_t now);
  void close(uint32_t c);
  void watch(uint32_t c);
  void checkDeadlines(uint64_t now);
  void applyStages(uint64_t now);
  void publishSeconds(uint64_t now, bool final);
  bool inFlight() const;
  uint32_t pickTemplate();

  RunContext& run_;
  int index_, threads_;
  uint64_t budget_;
  int epoll_ = -1;
  std::vector<Connection> connections_;
  std::vector<uint32_t> available_;  // open loop: connections free to take a due request
  // Closed loop with think time: (when, connection), soonest first; and the pause's generator.
  std::priority_queue<std::pair<uint64_t, uint32_t>, std::vector<std::pair<uint64_t, uint32_t>>, std::greater<>> thinking_;
  std::minstd_rand thinkRandom_;
  uint64_t thinkNs();
  void endThinking(uint64_t now);
  std::vector<uint32_t> sendQueue_;  // requests assigned during this event batch, written after it
  std::vector<int64_t> wrrCurrent_;
  int64_t wrrTotal_ = 0;
  bool openLoop_ = false, connectionStages_ = false;
  uint64_t nextIndex_ = 0;  // open loop: the number of this worker's next due request (run-wide)
  double nextDue_ = 0;      // and when it is due, in seconds since the start
  int open_ = 0;
  SSL_SESSION* session_ = nullptr;  // resumed by the next TLS connection
  std::vector<char> buffer_;
  WorkerTotals totals_;
  SecondFigures second_;
  uint64_t secondEndNs_ = 0;
};

}  // namespace sluice::loadgen
