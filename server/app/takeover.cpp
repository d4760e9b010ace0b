#include "app/takeover.h"

#include "app/logging.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <sstream>
#include <utility>

namespace sluice::app {
namespace {

// Sequenced packets keep each message whole, its sockets with it.
constexpr int kSocketType = SOCK_SEQPACKET | SOCK_CLOEXEC;
constexpr size_t kFdsPerMessage = 200;  // the kernel takes at most 253 (SCM_MAX_FD) per message
constexpr int kReceiveTimeoutSeconds = 10;

std::string errnoText() { return std::strerror(errno); }

core::Result<sockaddr_un> unixAddress(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path)
    return core::Error::badRequest("the takeover socket's path is too long for a Unix socket: " + path);
  std::memcpy(address.sun_path, path.data(), path.size());
  return address;
}

bool sendWithFds(int connection, const std::string& text, const int* fds, size_t count) {
  iovec data{const_cast<char*>(text.data()), text.size()};
  msghdr message{};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  std::vector<char> control(CMSG_SPACE(sizeof(int) * count));
  if (count > 0) {
    message.msg_control = control.data();
    message.msg_controllen = control.size();
    cmsghdr* header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int) * count);
    std::memcpy(CMSG_DATA(header), fds, sizeof(int) * count);
  }
  return ::sendmsg(connection, &message, MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
}

// One message: its text, and its sockets appended to `fds`. False on an error or the end.
bool receiveWithFds(int connection, std::string& text, std::vector<int>& fds) {
  char buffer[256];
  iovec data{buffer, sizeof buffer};
  std::vector<char> control(CMSG_SPACE(sizeof(int) * 253));
  msghdr message{};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  message.msg_control = control.data();
  message.msg_controllen = control.size();
  const ssize_t n = ::recvmsg(connection, &message, MSG_CMSG_CLOEXEC);
  for (cmsghdr* h = CMSG_FIRSTHDR(&message); h; h = CMSG_NXTHDR(&message, h)) {
    if (h->cmsg_level != SOL_SOCKET || h->cmsg_type != SCM_RIGHTS) continue;
    const size_t count = (h->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int fd = -1;
      std::memcpy(&fd, CMSG_DATA(h) + i * sizeof(int), sizeof fd);
      fds.push_back(fd);
    }
  }
  if (n <= 0) return false;
  text.assign(buffer, static_cast<size_t>(n));
  return (message.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) == 0;
}

}  // namespace

TakeoverPoint::TakeoverPoint(std::string path, std::vector<int> listenerFds, std::function<void(pid_t)> handedOver)
    : path_(std::move(path)), fds_(std::move(listenerFds)), handedOver_(std::move(handedOver)) {}

TakeoverPoint::~TakeoverPoint() { stop(); }

core::Status TakeoverPoint::start() {
  auto address = unixAddress(path_);
  if (!address) return address.error();
  listenFd_ = ::socket(AF_UNIX, kSocketType, 0);
  if (listenFd_ < 0) return core::Error::badRequest("takeover socket: " + errnoText());
  ::unlink(path_.c_str());  // a crashed process's, or the predecessor's (whose point stays open, unreachable)
  struct stat made {};
  if (::bind(listenFd_, reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0 || ::chmod(path_.c_str(), 0600) != 0 ||
      ::listen(listenFd_, 4) != 0 || ::stat(path_.c_str(), &made) != 0) {
    const std::string why = errnoText();
    ::close(listenFd_);
    listenFd_ = -1;
    return core::Error::badRequest("takeover socket " + path_ + ": " + why);
  }
  inode_ = made.st_ino;
  wakeFd_ = ::eventfd(0, EFD_CLOEXEC);
  thread_ = std::thread([this] { serve(); });
  return core::Ok{};
}

void TakeoverPoint::stop() {
  if (thread_.joinable()) {
    const uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(wakeFd_, &one, sizeof one);
    thread_.join();
  }
  if (listenFd_ >= 0) {
    struct stat now {};
    if (::stat(path_.c_str(), &now) == 0 && now.st_ino == inode_) ::unlink(path_.c_str());
    ::close(listenFd_);
    listenFd_ = -1;
  }
  if (wakeFd_ >= 0) ::close(wakeFd_), wakeFd_ = -1;
}

void TakeoverPoint::serve() {
  for (;;) {
    pollfd watched[2] = {{listenFd_, POLLIN, 0}, {wakeFd_, POLLIN, 0}};
    if (::poll(watched, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (watched[1].revents) return;
    const int connection = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection < 0) continue;
    const bool done = handOver(connection);
    ::close(connection);
    if (done) return;  // one successor; this process is on its way out
  }
}

bool TakeoverPoint::handOver(int connection) {
  ucred peer{};
  socklen_t size = sizeof peer;
  if (::getsockopt(connection, SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0 || (peer.uid != ::geteuid() && peer.uid != 0)) {
    log().warning("takeover: refused a process of another user on " + path_);
    return false;
  }
  const std::string pid = std::to_string(peer.pid);
  log().notice("takeover: handing " + std::to_string(fds_.size()) + " listening sockets to pid " + pid);
  const std::string head = "sluice-takeover 1 " + std::to_string(::getpid()) + " " + std::to_string(fds_.size()) + "\n";
  for (size_t sent = 0; sent == 0 || sent < fds_.size(); sent += kFdsPerMessage) {
    const size_t count = std::min(kFdsPerMessage, fds_.size() - sent);
    if (!sendWithFds(connection, sent == 0 ? head : std::string("+\n"), fds_.data() + sent, count)) {
      log().warning("takeover: pid " + pid + " left before it had the sockets; still serving");
      return false;
    }
    if (fds_.empty()) break;
  }
  // The successor binds its Admin API and builds its configuration now: that may take a while.
  for (;;) {
    pollfd watched[2] = {{connection, POLLIN, 0}, {wakeFd_, POLLIN, 0}};
    if (::poll(watched, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (watched[1].revents) return false;  // stopping
    char reply[16] = {};
    const ssize_t n = ::recv(connection, reply, sizeof reply - 1, 0);
    if (n > 0 && std::string(reply, static_cast<size_t>(n)) == "ready\n") {
      handedOver_(peer.pid);
      return true;
    }
    log().warning("takeover: pid " + pid + " stopped before it was ready; still serving");
    return false;
  }
}

TakeoverClient::~TakeoverClient() {
  if (fd_ >= 0) ::close(fd_);
  for (const int fd : fds_) ::close(fd);
}

TakeoverClient::TakeoverClient(TakeoverClient&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), predecessor_(other.predecessor_), fds_(std::move(other.fds_)) {}

core::Result<TakeoverClient> TakeoverClient::connect(const std::string& path) {
  auto address = unixAddress(path);
  if (!address) return address.error();
  TakeoverClient client;
  client.fd_ = ::socket(AF_UNIX, kSocketType, 0);
  if (client.fd_ < 0) return core::Error::badRequest("takeover: " + errnoText());
  if (::connect(client.fd_, reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0)
    return core::Error::badRequest("no running sluice to take over on this prefix (" + path + ": " + errnoText() + ")");
  const timeval timeout{kReceiveTimeoutSeconds, 0};
  ::setsockopt(client.fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string text;
  if (!receiveWithFds(client.fd_, text, client.fds_))
    return core::Error::badRequest("takeover: the running sluice did not hand its sockets over (" + errnoText() + ")");
  std::istringstream head(text);
  std::string magic;
  int version = 0;
  size_t count = 0;
  if (!(head >> magic >> version >> client.predecessor_ >> count) || magic != "sluice-takeover" || version != 1)
    return core::Error::badRequest("takeover: unexpected answer from " + path);
  while (client.fds_.size() < count)
    if (!receiveWithFds(client.fd_, text, client.fds_))
      return core::Error::badRequest("takeover: the running sluice stopped handing its sockets over");
  return client;
}

core::Status TakeoverClient::ready() {
  if (::send(fd_, "ready\n", 6, MSG_NOSIGNAL) != 6)
    return core::Error::badRequest("takeover: pid " + std::to_string(predecessor_) + " is gone (" + errnoText() + ")");
  return core::Ok{};
}

}  // namespace sluice::app
