// An upstream that fails the ways real ones do, for the fault tests. One thread per connection;
// every request is logged on stdout ("METHOD PATH connection=N request=M") before it is handled:
//   /silent         read, never answer (the connection stays open)
//   /half           a head announcing 1 MB, 1000 bytes of it, then nothing (the test kills the process)
//   /reset-reused   200 as the first request of a connection; on a kept-alive connection, a reset
//                   (SO_LINGER 0) instead of an answer
//   anything else   200 "ok", keep-alive
// Usage: sluice_faulty_upstream [PORT]  (0 or none: a free port; "listening on PORT" is printed)
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace {

std::atomic<int> connections{0};

bool sendAll(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

void reset(int fd) {
  const linger abort{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
  ::close(fd);
}

void serve(int fd) {
  const int connection = ++connections;
  std::string in;
  char buffer[16384];
  for (int request = 1;; ++request) {
    size_t end;
    while ((end = in.find("\r\n\r\n")) == std::string::npos) {
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return (void)::close(fd);
      in.append(buffer, static_cast<size_t>(n));
    }
    const std::string head = in.substr(0, end + 4);
    size_t length = 0;
    if (const auto at = head.find("Content-Length: "); at != std::string::npos) length = std::strtoul(head.c_str() + at + 16, nullptr, 10);
    while (in.size() < end + 4 + length) {
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return (void)::close(fd);
      in.append(buffer, static_cast<size_t>(n));
    }
    in.erase(0, end + 4 + length);
    const auto space = head.find(' ');
    const std::string method = head.substr(0, space);
    const std::string path = head.substr(space + 1, head.find(' ', space + 1) - space - 1);
    std::printf("%s %s connection=%d request=%d\n", method.c_str(), path.c_str(), connection, request);
    std::fflush(stdout);
    if (path == "/silent") {
      while (::recv(fd, buffer, sizeof buffer, 0) > 0) {
      }
      return (void)::close(fd);
    }
    if (path == "/half") {
      sendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n" + std::string(1000, 'x'));
      for (;;) ::pause();
    }
    if (path == "/reset-reused" && request > 1) return reset(fd);
    if (!sendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) return (void)::close(fd);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  const int one = 1;
  ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(argc > 1 ? std::atoi(argv[1]) : 0));
  socklen_t size = sizeof address;
  if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener, 128) != 0 ||
      ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    std::perror("faulty upstream");
    return 1;
  }
  std::printf("listening on %d\n", ntohs(address.sin_port));
  std::fflush(stdout);
  for (;;) {
    const int fd = ::accept(listener, nullptr, nullptr);
    if (fd >= 0) std::thread(serve, fd).detach();
  }
}
