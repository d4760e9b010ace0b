#include "port_reservation.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mutex>
#include <random>
#include <string>

namespace sluice::test {
namespace {

// Below 32768 (the default ephemeral range) and above the PostgreSQL fixture's 25432.
constexpr uint16_t kFirst = 26000, kLast = 32000;
const char* const kLockDir = "/tmp/sluice-test-ports";

bool bindable(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);  // TIME_WAIT leftovers do not matter
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

// Holds the port's lock file open (and locked) until the process ends.
bool lockPort(uint16_t port) {
  const std::string path = std::string(kLockDir) + "/" + std::to_string(port);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {  // another process (or this one) holds it
    ::close(fd);
    return false;
  }
  return true;  // fd deliberately left open
}

}  // namespace

uint16_t reservePort() {
  static std::mutex mutex;
  static std::mt19937 random{std::random_device{}()};
  const std::lock_guard lock(mutex);
  const mode_t old = ::umask(0);
  ::mkdir(kLockDir, 01777);  // shared by every user's test runs, like /tmp
  ::umask(old);
  const uint16_t span = kLast - kFirst + 1;
  const uint16_t start = static_cast<uint16_t>(random() % span);
  for (uint16_t i = 0; i < span; ++i) {
    const auto port = static_cast<uint16_t>(kFirst + (start + i) % span);
    if (lockPort(port)) {
      if (bindable(port)) return port;
      // Held by something outside the tests: keep the lock (so it is not tried again) and move on.
    }
  }
  return 0;
}

}  // namespace sluice::test
