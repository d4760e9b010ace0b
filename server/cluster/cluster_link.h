#pragma once
// One end of the long-lived link between a control plane and a data plane: a WebSocket over
// mutual TLS (Poco). WebSocket rather than a home-made framing: messages keep their boundaries,
// ping/pong and an orderly close with a reason come with it, and it is what Kong's /v1/outlet
// speaks, so that proxies and load balancers that pass Kong's cluster traffic pass this too.
// Text messages carry JSON; binary ones zlib-compressed JSON (whole configurations).
#include <Poco/Net/WebSocket.h>

#include <chrono>
#include <mutex>
#include <string>

namespace sluice::cluster {

class ClusterLink {
 public:
  struct Message {
    enum class Kind { Text, Binary, Closed, Idle } kind = Kind::Idle;
    std::string payload;  // Closed: the peer's reason, if it gave one
  };

  ClusterLink(Poco::Net::WebSocket socket, size_t maxPayload);
  ~ClusterLink();
  ClusterLink(const ClusterLink&) = delete;
  ClusterLink& operator=(const ClusterLink&) = delete;

  // The next message, or Idle once `wait` has passed or wake() was called. Answers pings.
  // Throws Poco::Exception when the link fails.
  Message receive(std::chrono::milliseconds wait);
  void sendText(const std::string& text);
  void sendBinary(const std::string& bytes);
  // An orderly close with a reason the other side logs.
  void close(uint16_t code, const std::string& reason);
  // Makes a receive() under way on another thread return Idle at once.
  void wake();

 private:
  Poco::Net::WebSocket socket_;
  int wakeFd_ = -1;
  std::mutex sendMutex_;  // (receive and send run on the link's own thread; close may come from another)
};

// zlib, for configurations sent whole.
std::string deflate(const std::string& text);
std::string inflate(const std::string& bytes, size_t most);

}  // namespace sluice::cluster
