#pragma once
// <prefix>/sluice.pid: the process that serves a prefix, for `sluice reload` and `sluice stop`, and
// so that a second `sluice start` on the same prefix is refused instead of sharing its ports.
#include "core/result.h"

#include <sys/types.h>

#include <string>

namespace sluice::app {

// Writes this process's pid (to a temporary file renamed over the old one: never half written).
core::Status writePidFile(const std::string& path);
// Removes the file if it still names this process (a successor may have written its own).
void removePidFile(const std::string& path);
// The pid the file names if that process is alive and a sluice; 0 otherwise.
pid_t runningPid(const std::string& path);

}  // namespace sluice::app
