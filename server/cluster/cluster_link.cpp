#include "cluster/cluster_link.h"

#include <Poco/Buffer.h>
#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <sstream>

namespace sluice::cluster {

ClusterLink::ClusterLink(Poco::Net::WebSocket socket, size_t maxPayload) : socket_(std::move(socket)) {
  socket_.setMaxPayloadSize(static_cast<int>(maxPayload));
  socket_.setReceiveTimeout(Poco::Timespan(10, 0));  // a frame that starts arriving completes within this
  socket_.setSendTimeout(Poco::Timespan(10, 0));
  socket_.setNoDelay(true);
  wakeFd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

ClusterLink::~ClusterLink() {
  if (wakeFd_ >= 0) ::close(wakeFd_);
}

void ClusterLink::wake() {
  const uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(wakeFd_, &one, sizeof one);
}

ClusterLink::Message ClusterLink::receive(std::chrono::milliseconds wait) {
  // TLS may already hold a decrypted frame that poll() cannot see.
  if (socket_.available() <= 0) {
    pollfd fds[2] = {{socket_.impl()->sockfd(), POLLIN, 0}, {wakeFd_, POLLIN, 0}};
    const int ready = ::poll(fds, 2, static_cast<int>(wait.count()));
    if (ready <= 0) return {};
    if (fds[1].revents & POLLIN) {
      uint64_t count = 0;
      [[maybe_unused]] const auto n = ::read(wakeFd_, &count, sizeof count);
      if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) return {};
    }
  }
  Poco::Buffer<char> buffer(0);
  int flags = 0;
  const int n = socket_.receiveFrame(buffer, flags);
  const int opcode = flags & Poco::Net::WebSocket::FRAME_OP_BITMASK;
  if (n == 0 && flags == 0) return {Message::Kind::Closed, {}};
  std::string payload(buffer.begin(), buffer.size());
  switch (opcode) {
    case Poco::Net::WebSocket::FRAME_OP_PING: {
      std::lock_guard lock(sendMutex_);
      socket_.sendFrame(payload.data(), static_cast<int>(payload.size()),
                        static_cast<int>(Poco::Net::WebSocket::FRAME_FLAG_FIN) | static_cast<int>(Poco::Net::WebSocket::FRAME_OP_PONG));
      return {};
    }
    case Poco::Net::WebSocket::FRAME_OP_CLOSE:
      return {Message::Kind::Closed, payload.size() > 2 ? payload.substr(2) : std::string()};
    case Poco::Net::WebSocket::FRAME_OP_TEXT: return {Message::Kind::Text, std::move(payload)};
    case Poco::Net::WebSocket::FRAME_OP_BINARY: return {Message::Kind::Binary, std::move(payload)};
    default: return {};  // pongs; fragments are never sent
  }
}

void ClusterLink::sendText(const std::string& text) {
  std::lock_guard lock(sendMutex_);
  socket_.sendFrame(text.data(), static_cast<int>(text.size()), Poco::Net::WebSocket::FRAME_TEXT);
}

void ClusterLink::sendBinary(const std::string& bytes) {
  std::lock_guard lock(sendMutex_);
  socket_.sendFrame(bytes.data(), static_cast<int>(bytes.size()), Poco::Net::WebSocket::FRAME_BINARY);
}

void ClusterLink::close(uint16_t code, const std::string& reason) {
  std::lock_guard lock(sendMutex_);
  try {
    socket_.shutdown(code, reason);
  } catch (const Poco::Exception&) {
  }
}

std::string deflate(const std::string& text) {
  std::ostringstream out;
  Poco::DeflatingOutputStream z(out, Poco::DeflatingStreamBuf::STREAM_ZLIB, 6);
  z.write(text.data(), static_cast<std::streamsize>(text.size()));
  z.close();
  return out.str();
}

std::string inflate(const std::string& bytes, size_t most) {
  std::istringstream in(bytes);
  Poco::InflatingInputStream z(in, Poco::InflatingStreamBuf::STREAM_ZLIB);
  std::string out;
  char chunk[65536];
  while (z) {
    z.read(chunk, sizeof chunk);
    out.append(chunk, static_cast<size_t>(z.gcount()));
    if (out.size() > most) throw Poco::DataFormatException("an inflated configuration larger than the limit");
  }
  return out;
}

}  // namespace sluice::cluster
