#pragma once
// Logs go to stderr through Poco's Logger, one line each: time, level, message; under systemd
// (stderr connected to the journal) the level as a syslog prefix and the message.
#include <Poco/Logger.h>

#include <string>

namespace sluice::app {

// Accepts debug, info, notice, warn, error, crit; false for anything else.
bool setupLogging(const std::string& level);
Poco::Logger& log();

}  // namespace sluice::app
