#include "plugins/logging/http_sender.h"

#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>

#include <limits>
#include <thread>

namespace sluice::plugins {

HttpSender::HttpSender(const nlohmann::json& config, std::shared_ptr<observe::ShutdownDeadline> shutdown)
    : shutdown_(std::move(shutdown)),
      uri_(config.at("http_endpoint").get<std::string>()),
      method_(config.at("method").get<std::string>()),
      contentType_(config.at("content_type").get<std::string>()),
      timeoutMs_(static_cast<long>(config.value("timeout", 10000.0))),
      keepaliveMs_(static_cast<long>(config.value("keepalive", 60000.0))),
      retries_(config.value("retry_count", 10)),
      batched_(config.value("queue_size", 1) > 1) {
  if (config.contains("headers") && config["headers"].is_object())
    for (auto it = config["headers"].begin(); it != config["headers"].end(); ++it) {
      // Kong 2.8: each header has a list of values, sent as that many header lines.
      if (it.value().is_string())
        headers_.emplace_back(it.key(), it.value().get<std::string>());
      else if (it.value().is_array())
        for (const auto& v : it.value())
          if (v.is_string()) headers_.emplace_back(it.key(), v.get<std::string>());
    }
}

void HttpSender::send(std::vector<std::string>& lines) {
  std::string body;
  if (batched_) {
    body = "[";
    for (size_t i = 0; i < lines.size(); ++i) body.append(i ? "," : "").append(lines[i]);
    body += "]";
    deliver(body);
  } else {
    for (const auto& line : lines) deliver(line);
  }
}

void HttpSender::deliver(const std::string& body) {
  for (int attempt = 0; attempt <= retries_; ++attempt) {
    const std::chrono::milliseconds pause(attempt > 0 ? std::min(100 << std::min(attempt, 6), 5000) : 0);
    if (shutdown_ && !shutdown_->pause(pause)) {
      Poco::Logger::get("sluice.plugins").error("http-log: a batch for %s was dropped at shutdown", uri_.toString());
      return;
    }
    if (!shutdown_) std::this_thread::sleep_for(pause);
    try {
      if (!session_ || idleExpired()) connect();
      const long timeoutMs = shutdown_ ? static_cast<long>(shutdown_->cap(std::chrono::milliseconds(timeoutMs_)).count()) : timeoutMs_;
      session_->setTimeout(Poco::Timespan(std::max(timeoutMs, 1L) * 1000));
      Poco::Net::HTTPRequest request(method_, uri_.getPathAndQuery().empty() ? "/" : uri_.getPathAndQuery(),
                                     Poco::Net::HTTPMessage::HTTP_1_1);
      request.setContentType(contentType_);
      request.setContentLength(static_cast<std::streamsize>(body.size()));
      request.setKeepAlive(true);
      for (const auto& [name, value] : headers_) request.add(name, value);
      session_->sendRequest(request) << body;
      Poco::Net::HTTPResponse response;
      std::istream& in = session_->receiveResponse(response);
      in.ignore(std::numeric_limits<std::streamsize>::max());
      lastUse_ = std::chrono::steady_clock::now();
      if (response.getStatus() < 400) return;
      Poco::Logger::get("sluice.plugins").warning("http-log: %s answered %d", uri_.toString(), static_cast<int>(response.getStatus()));
    } catch (const std::exception& e) {
      Poco::Logger::get("sluice.plugins").warning("http-log: sending to %s failed: %s", uri_.toString(), std::string(e.what()));
      session_.reset();
    }
  }
  Poco::Logger::get("sluice.plugins").error("http-log: a batch for %s was dropped after %d retries", uri_.toString(), retries_);
}
bool HttpSender::idleExpired() const { return std::chrono::steady_clock::now() - lastUse_ > std::chrono::milliseconds(keepaliveMs_); }

void HttpSender::connect() {
  if (uri_.getScheme() == "https") {
    // The system's CAs verify the endpoint.
    static const Poco::Net::Context::Ptr kTls =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
    session_ = std::make_unique<Poco::Net::HTTPSClientSession>(uri_.getHost(), uri_.getPort(), kTls);
  } else
    session_ = std::make_unique<Poco::Net::HTTPClientSession>(uri_.getHost(), uri_.getPort());
  session_->setTimeout(Poco::Timespan(timeoutMs_ * 1000));
  session_->setKeepAlive(true);
}

}  // namespace sluice::plugins
