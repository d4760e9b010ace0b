#include "app/logging.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/PatternFormatter.h>

#include <iostream>
#include <map>

namespace sluice::app {

bool setupLogging(const std::string& level) {
  static const std::map<std::string, int> kLevels{{"debug", Poco::Message::PRIO_DEBUG},
                                                  {"info", Poco::Message::PRIO_INFORMATION},
                                                  {"notice", Poco::Message::PRIO_NOTICE},
                                                  {"warn", Poco::Message::PRIO_WARNING},
                                                  {"error", Poco::Message::PRIO_ERROR},
                                                  {"crit", Poco::Message::PRIO_CRITICAL}};
  auto it = kLevels.find(level);
  Poco::AutoPtr<Poco::PatternFormatter> formatter(new Poco::PatternFormatter("%Y/%m/%d %H:%M:%S [%p] %t"));
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
