#pragma once
// The access log (access_log = off | stdout | FILE): one line per request, in nginx's combined
// format or as JSON, written by a thread of its own through a bounded lock-free queue. A reactor
// formats the line and pushes it; when the queue is full the line is dropped and counted, a
// request never waits. SIGUSR1 reopens the file (log rotation).
#include "observe/log_file.h"
#include "observe/log_sink.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sluice::observe {

struct AccessEntry {
  std::string_view clientIp, method, target, userAgent, referer, requestId, route, service;
  std::string_view protocol = "HTTP/1.1";  // HTTP/1.0, HTTP/1.1 or HTTP/2.0
  int status = 0;
  uint64_t bytesIn = 0, bytesOut = 0;
  uint64_t totalUs = 0;
  int64_t upstreamUs = -1;  // time to the upstream's first byte; -1: none
};

class AccessLog {
 public:
  enum class Format { Combined, Json };
  AccessLog(std::string target, Format format, size_t queueLines);

  // Reactor threads.
  void write(const AccessEntry& e);
  // Any thread (SIGUSR1).
  void reopen() { file_->reopen(); }
  uint64_t dropped() const { return sink_.dropped(); }
  uint64_t written() const { return sink_.delivered(); }
  Format format() const { return format_; }

 private:
  std::shared_ptr<LogFile> file_;
  Format format_;
  LogSink sink_;
};

}  // namespace sluice::observe
