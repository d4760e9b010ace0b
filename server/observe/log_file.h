#pragma once
// A log file that a writer thread appends batches of lines to. It stays open between batches
// unless told to reopen it every time (file-log's `reopen`), and reopens on request (SIGUSR1,
// after logrotate moved it away). "stdout" writes to the standard output.
#include <atomic>
#include <cstdio>
#include <string>
#include <vector>

namespace sluice::observe {

class LogFile {
 public:
  LogFile(std::string path, bool reopenEachBatch = false) : path_(std::move(path)), reopenEachBatch_(reopenEachBatch) {}
  ~LogFile();
  LogFile(const LogFile&) = delete;
  LogFile& operator=(const LogFile&) = delete;

  // Writer thread: appends each line and a newline, then flushes. False when the file cannot be opened.
  bool write(const std::vector<std::string>& lines);
  // Any thread: the next batch opens the file again.
  void reopen() { reopenRequested_.store(true, std::memory_order_relaxed); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool reopenEachBatch_;
  std::atomic<bool> reopenRequested_{false};
  std::FILE* file_ = nullptr;
};

}  // namespace sluice::observe
