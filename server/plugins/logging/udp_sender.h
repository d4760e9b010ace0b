#pragma once
// Ships each log line as one datagram to `host`:`port` (udp-log, loggly), from a log sink's
// thread. The address is resolved again after a failure; as Kong's, a line that cannot be sent is
// logged and dropped.
#include <Poco/Net/DatagramSocket.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace sluice::plugins {

class UdpSender {
 public:
  explicit UdpSender(const nlohmann::json& config);
  void send(std::vector<std::string>& lines);

 private:
  std::string host_;
  uint16_t port_;
  Poco::Timespan timeout_;
  std::unique_ptr<Poco::Net::DatagramSocket> socket_;
};

}  // namespace sluice::plugins
