#include "app/pid_file.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace sluice::app {
namespace {

pid_t readPid(const std::string& path) {
  std::ifstream in(path);
  long pid = 0;
  return in >> pid && pid > 0 ? static_cast<pid_t>(pid) : 0;
}

}  // namespace

core::Status writePidFile(const std::string& path) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    if (!(out << ::getpid() << "\n") || !out.flush())
      return core::Error::badRequest("cannot write " + temporary + ": " + std::strerror(errno));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    return core::Error::badRequest("cannot write " + path + ": " + std::strerror(errno));
  return core::Ok{};
}

void removePidFile(const std::string& path) {
  if (readPid(path) == ::getpid()) ::unlink(path.c_str());
}

pid_t runningPid(const std::string& path) {
  const pid_t pid = readPid(path);
  if (pid == 0 || (::kill(pid, 0) != 0 && errno != EPERM)) return 0;
  // A pid is reused once its process is gone: it counts only if it is a sluice (by any file name
  // that starts so, e.g. a new binary installed beside the old one).
  std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  return std::getline(comm, name) && name.rfind("sluice", 0) == 0 ? pid : 0;
}

}  // namespace sluice::app
