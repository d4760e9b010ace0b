#include "alerts/webhook_delivery.h"

#include "plugins/logging/http_sender.h"

namespace sluice::alerts {

namespace {
constexpr size_t kQueued = 1000;           // events waiting per endpoint
constexpr double kTimeoutMs = 5000;        // per attempt
constexpr double kKeepaliveMs = 60000;
}  // namespace

WebhookDelivery::~WebhookDelivery() {
  std::lock_guard lock(mutex_);
  sinks_.clear();  // each delivers what it holds, then stops
}

void WebhookDelivery::send(const std::string& url, int retries, const std::string& body) {
  std::lock_guard lock(mutex_);
  auto& sink = sinks_[{url, retries}];
  if (!sink) {
    const nlohmann::json config{{"http_endpoint", url},      {"method", "POST"},
                                {"content_type", "application/json"}, {"timeout", kTimeoutMs},
                                {"keepalive", kKeepaliveMs}, {"retry_count", retries},
                                {"queue_size", 1}};
    auto sender = std::make_shared<plugins::HttpSender>(config, shutdown_);
    sink = std::make_unique<observe::LogSink>([sender](std::vector<std::string>& batch) { sender->send(batch); }, kQueued);
  }
  sink->push(body);
}

}  // namespace sluice::alerts
