// A name server on a free loopback UDP port for the DNS fault tests. It answers every A question
// with 127.0.0.1 (TTL 1 s) and every AAAA question with no data, until a signal changes its mood:
//   SIGUSR1  silent: questions are read and dropped (a server that is down or cut off)
//   SIGHUP   every name is a name error (NXDOMAIN)
//   SIGUSR2  answering again
// Every question is logged on stdout ("A backend.test answered|dropped|nxdomain").
// Usage: sluice_test_dns [PORT]  (0 or none: a free port; "listening on PORT" is printed)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

enum Mood { Answering, Silent, NameError };
volatile std::sig_atomic_t mood = Answering;

void onSignal(int sig) { mood = sig == SIGUSR1 ? Silent : sig == SIGHUP ? NameError : Answering; }

uint16_t read16(const unsigned char* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
void put16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v & 0xff));
}

}  // namespace

int main(int argc, char** argv) {
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(argc > 1 ? std::atoi(argv[1]) : 0));
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    std::perror("bind");
    return 1;
  }
  socklen_t length = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
  struct sigaction action{};
  action.sa_handler = onSignal;
  for (int sig : {SIGUSR1, SIGUSR2, SIGHUP}) ::sigaction(sig, &action, nullptr);
  std::printf("listening on %u\n", ntohs(addr.sin_port));
  std::fflush(stdout);

  unsigned char in[512];
  for (;;) {
    sockaddr_storage peer{};
    socklen_t peerLength = sizeof peer;
    const ssize_t n = ::recvfrom(fd, in, sizeof in, 0, reinterpret_cast<sockaddr*>(&peer), &peerLength);
    if (n < 12) continue;  // EINTR from a signal, or not a DNS message
    // One question: labels up to the root, then type and class.
    size_t at = 12;
    std::string name;
    while (at < static_cast<size_t>(n) && in[at] != 0 && at + 1 + in[at] <= static_cast<size_t>(n)) {
      if (!name.empty()) name += '.';
      name.append(reinterpret_cast<const char*>(in + at + 1), in[at]);
      at += 1 + in[at];
    }
    if (at + 5 > static_cast<size_t>(n) || read16(in + 4) != 1) continue;
    const uint16_t type = read16(in + at + 1);
    const size_t questionEnd = at + 5;
    const char* what = mood == Silent ? "dropped" : mood == NameError ? "nxdomain" : "answered";
    std::printf("%s %s %s\n", type == 1 ? "A" : type == 28 ? "AAAA" : "other", name.c_str(), what);
    std::fflush(stdout);
    if (mood == Silent) continue;

    std::string out(reinterpret_cast<const char*>(in), questionEnd);
    const bool answer = mood == Answering && type == 1;
    out[2] = static_cast<char>(0x84 | (in[2] & 0x01));             // QR, authoritative, RD copied
    out[3] = static_cast<char>(0x80 | (mood == NameError ? 3 : 0));  // RA; RCODE 0 or 3 (name error)
    out[6] = out[8] = out[9] = out[10] = out[11] = 0;
    out[7] = answer ? 1 : 0;  // answers
    if (answer) {
      put16(out, 0xc00c);  // the question's name
      put16(out, 1);       // A
      put16(out, 1);       // IN
      put16(out, 0);
      put16(out, 1);       // TTL 1 s
      put16(out, 4);
      out.append("\x7f\x00\x00\x01", 4);
    }
    ::sendto(fd, out.data(), out.size(), 0, reinterpret_cast<sockaddr*>(&peer), peerLength);
  }
}
