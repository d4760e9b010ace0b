#pragma once
// Alert webhooks, sent as http-log sends its lines: one queue and thread per endpoint (never
// blocking the evaluation), a kept-alive connection, retries with a growing pause, dropped with
// an error in the log once the retries are spent or the node shuts down.
#include "observe/log_sink.h"
#include "observe/shutdown_deadline.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace sluice::alerts {

class WebhookDelivery {
 public:
  explicit WebhookDelivery(std::shared_ptr<observe::ShutdownDeadline> shutdown) : shutdown_(std::move(shutdown)) {}
  ~WebhookDelivery();
  // Queues a JSON body for `url` (POST), retried up to `retries` times.
  void send(const std::string& url, int retries, const std::string& body);

 private:
  std::shared_ptr<observe::ShutdownDeadline> shutdown_;
  std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::unique_ptr<observe::LogSink>> sinks_;
};

}  // namespace sluice::alerts
