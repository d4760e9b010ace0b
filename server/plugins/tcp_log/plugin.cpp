#include "plugins/tcp_log/plugin.h"

#include "plugins/config_values.h"
#include "plugins/logging/log_plugin.h"

#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <memory>

namespace sluice::plugins {
namespace {

// Sends each line over one kept-alive connection. As Kong's, a line that cannot be sent is logged
// and dropped; a kept-alive connection the collector closed meanwhile is replaced once first.
class TcpSender {
 public:
  explicit TcpSender(const nlohmann::json& config)
      : host_(config.at("host").get<std::string>()),
        port_(config.at("port").get<uint16_t>()),
        timeoutMs_(static_cast<long>(config.value("timeout", 10000.0))),
        keepaliveMs_(static_cast<long>(config.value("keepalive", 60000.0))),
        tls_(config.at("tls").get<bool>()),
        sni_(optionalString(config, "tls_sni")) {}

  void send(std::vector<std::string>& lines) {
    for (std::string& line : lines) {
      line.push_back('\n');
      const bool reused = socket_ && !idleExpired();
      if (!deliver(line, !reused) && reused) deliver(line, true);
    }
  }

 private:
  // `report`: a failure is logged (not when a kept-alive connection may just have gone stale).
  bool deliver(const std::string& line, bool report) {
    try {
      if (!socket_ || idleExpired()) connect();
      for (size_t sent = 0; sent < line.size();)
        sent += static_cast<size_t>(socket_->sendBytes(line.data() + sent, static_cast<int>(line.size() - sent)));
      lastUse_ = std::chrono::steady_clock::now();
      return true;
    } catch (const Poco::Exception& e) {
      if (report) Poco::Logger::get("sluice.plugins").error("tcp-log: failed to send data to %s:%hu: %s", host_, port_, e.displayText());
    }
    socket_.reset();
    return false;
  }

  void connect() {
    socket_.reset();
    const Poco::Net::SocketAddress address(host_, port_);
    const Poco::Timespan timeout(timeoutMs_ * 1000);
    if (tls_) {
      // Kong's sslhandshake(true, tls_sni, false): no verification of the collector.
      static const Poco::Net::Context::Ptr kTls =
          new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_NONE);
      auto secure = std::make_unique<Poco::Net::SecureStreamSocket>(kTls);
      if (!sni_.empty()) secure->setPeerHostName(sni_);
      secure->connect(address, timeout);
      socket_ = std::move(secure);
    } else {
      socket_ = std::make_unique<Poco::Net::StreamSocket>();
      socket_->connect(address, timeout);
    }
    socket_->setSendTimeout(timeout);
  }
  bool idleExpired() const { return std::chrono::steady_clock::now() - lastUse_ > std::chrono::milliseconds(keepaliveMs_); }

  std::string host_;
  uint16_t port_;
  long timeoutMs_, keepaliveMs_;
  bool tls_;
  std::string sni_;
  std::unique_ptr<Poco::Net::StreamSocket> socket_;
  std::chrono::steady_clock::time_point lastUse_{};
};

}  // namespace

PluginCreateResult createTcpLog(const nlohmann::json& config, BuildContext& context) {
  return shippingLogPlugin<TcpSender>("tcp-log", config, context);
}

}  // namespace sluice::plugins
