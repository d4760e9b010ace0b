#pragma once
// Sends log lines to an HTTP endpoint (http-log, zipkin's collector) from a log sink's thread:
// one kept-alive connection, retries with a growing pause until the node's shutdown deadline,
// after which what is left is dropped. Configured as http-log is (http_endpoint, method,
// content_type, timeout, keepalive, retry_count, headers); with queue_size > 1 a batch goes as one
// JSON array of its lines.
#include "observe/shutdown_deadline.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/URI.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sluice::plugins {

class HttpSender {
 public:
  HttpSender(const nlohmann::json& config, std::shared_ptr<observe::ShutdownDeadline> shutdown);
  void send(std::vector<std::string>& lines);

 private:
  void deliver(const std::string& body);
  bool idleExpired() const;
  void connect();

  std::shared_ptr<observe::ShutdownDeadline> shutdown_;
  Poco::URI uri_;
  std::string method_, contentType_;
  long timeoutMs_, keepaliveMs_;
  int retries_;
  bool batched_;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::unique_ptr<Poco::Net::HTTPClientSession> session_;
  std::chrono::steady_clock::time_point lastUse_{};
};

}  // namespace sluice::plugins
