#include "net/listen_socket.h"

#include <Poco/Net/SocketAddress.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace sluice::net {
namespace {

constexpr int kBacklog = 16384;  // the kernel caps it at net.core.somaxconn

std::string describe(const ListenAddress& a) { return a.host + ":" + std::to_string(a.port); }

}  // namespace

int openListenSocket(const ListenAddress& address) {
  const Poco::Net::SocketAddress where(address.host, address.port);  // throws on a name that does not resolve
  const int fd = ::socket(where.af(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(describe(address) + ": " + std::strerror(errno));
  const int one = 1;
  // Accepted sockets inherit TCP_NODELAY from the listener: no setsockopt per connection.
  // Deferred accept hands a connection over once its first bytes are in: one wake-up less.
  const int deferSeconds = 1;
  if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
      ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0 ||
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0 ||
      ::setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &deferSeconds, sizeof deferSeconds) != 0 ||
      ::bind(fd, where.addr(), where.length()) != 0 || ::listen(fd, kBacklog) != 0) {
    const int error = errno;
    ::close(fd);
    throw std::runtime_error(describe(address) + ": " + std::strerror(error));
  }
  return fd;
}

bool listensOn(int fd, const ListenAddress& address) {
  int listening = 0;
  socklen_t size = sizeof listening;
  if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening) return false;
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length) != 0) return false;
  try {
    const Poco::Net::SocketAddress wanted(address.host, address.port);
    const Poco::Net::SocketAddress actual(reinterpret_cast<const sockaddr*>(&bound), length);
    return wanted == actual;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace sluice::net
