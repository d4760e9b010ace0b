#include "app/logging.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/PatternFormatter.h>

#include <sys/stat.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

namespace sluice::app {
namespace {

// systemd sets JOURNAL_STREAM to the device and inode of the stream it connected to stderr: when
// that is still stderr, each line starts with its syslog level ("<3>", sd-daemon(3)) and the
// journal keeps the level and adds the time itself.
bool stderrIsJournal() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  struct stat st {};
  if (!stream || fstat(2, &st) != 0) return false;
  return std::string(stream) == std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

}  // namespace

bool setupLogging(const std::string& level) {
  static const std::map<std::string, int> kLevels{{"debug", Poco::Message::PRIO_DEBUG},
                                                  {"info", Poco::Message::PRIO_INFORMATION},
                                                  {"notice", Poco::Message::PRIO_NOTICE},
                                                  {"warn", Poco::Message::PRIO_WARNING},
                                                  {"error", Poco::Message::PRIO_ERROR},
                                                  {"crit", Poco::Message::PRIO_CRITICAL}};
  auto it = kLevels.find(level);
  Poco::AutoPtr<Poco::PatternFormatter> formatter(new Poco::PatternFormatter(
      // Poco's priorities 1 (fatal) to 7 (debug) are syslog's alert to debug.
      stderrIsJournal() ? "<%l>%t" : "%Y/%m/%d %H:%M:%S [%p] %t"));
  Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel(std::cerr));
  Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, console));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel(it == kLevels.end() ? Poco::Message::PRIO_NOTICE : it->second);
  log().setChannel(channel);
  log().setLevel(Poco::Logger::root().getLevel());
  return it != kLevels.end();
}

Poco::Logger& log() { return Poco::Logger::get("sluice"); }

}  // namespace sluice::app
