#include "observe/log_file.h"

#include <Poco/Logger.h>

namespace sluice::observe {

LogFile::~LogFile() {
  if (file_ && file_ != stdout) std::fclose(file_);
}

bool LogFile::write(const std::vector<std::string>& lines) {
  const bool stdOut = path_ == "stdout";
  if (file_ && !stdOut && (reopenEachBatch_ || reopenRequested_.exchange(false, std::memory_order_relaxed))) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!file_) file_ = stdOut ? stdout : std::fopen(path_.c_str(), "a");
  if (!file_) {
    Poco::Logger::get("sluice.log").error("cannot open %s for appending", path_);
    return false;
  }
  for (const auto& line : lines) {
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fputc('\n', file_);
  }
  std::fflush(file_);
  return true;
}

}  // namespace sluice::observe
