#include "plugins/udp_log/plugin.h"

#include "plugins/logging/log_plugin.h"

#include <Poco/Logger.h>
#include <Poco/Net/DatagramSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <memory>

namespace sluice::plugins {
namespace {

// One datagram per line, to the collector's address (resolved again after a failure). As Kong's,
// a line that cannot be sent is logged and dropped.
class UdpSender {
 public:
  explicit UdpSender(const nlohmann::json& config)
      : host_(config.at("host").get<std::string>()),
        port_(config.at("port").get<uint16_t>()),
        timeout_(static_cast<long>(config.value("timeout", 10000.0)) * 1000) {}

  void send(std::vector<std::string>& lines) {
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
        Poco::Logger::get("sluice.plugins").error("udp-log: could not send data to %s:%hu: %s", host_, port_, e.displayText());
        socket_.reset();
      }
    }
  }

 private:
  std::string host_;
  uint16_t port_;
  Poco::Timespan timeout_;
  std::unique_ptr<Poco::Net::DatagramSocket> socket_;
};

}  // namespace

PluginCreateResult createUdpLog(const nlohmann::json& config, BuildContext& context) {
  return shippingLogPlugin<UdpSender>("udp-log", config, context);
}

}  // namespace sluice::plugins
