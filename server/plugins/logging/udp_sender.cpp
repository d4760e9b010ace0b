#include "plugins/logging/udp_sender.h"

#include <Poco/Logger.h>
#include <Poco/Net/SocketAddress.h>

namespace sluice::plugins {

UdpSender::UdpSender(const nlohmann::json& config)
    : host_(config.at("host").get<std::string>()),
      port_(config.at("port").get<uint16_t>()),
      timeout_(static_cast<long>(config.value("timeout", 10000.0)) * 1000) {}

void UdpSender::send(std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    try {
      if (!socket_) {
        const Poco::Net::SocketAddress address(host_, port_);
        socket_ = std::make_unique<Poco::Net::DatagramSocket>(address.family());
        socket_->connect(address);
        socket_->setSendTimeout(timeout_);
      }
      socket_->sendBytes(line.data(), static_cast<int>(line.size()));
    } catch (const Poco::Exception& e) {
      Poco::Logger::get("sluice.plugins").error("could not send a log line to %s:%hu: %s", host_, port_, e.displayText());
      socket_.reset();
    }
  }
}

}  // namespace sluice::plugins
