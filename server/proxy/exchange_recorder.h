#pragma once
// The end of an exchange, once, whether it was answered, failed or abandoned: the plugins' log
// phase, the access log line, and its figures for this reactor's metrics with, when it is slow
// enough or was asked for, its trace. Everything it reads was put into the Exchange on the way.
#include "observe/reactor_metrics.h"
#include "proxy/exchange.h"
#include "proxy/proxy_settings.h"

#include <string_view>

namespace sluice::proxy {

class ExchangeRecorder {
 public:
  ExchangeRecorder(const ProxySettings& settings, observe::ReactorMetrics& metrics) : settings_(settings), metrics_(metrics) {}

  // `status` as the client saw it (499: it went away first). Does nothing for an exchange that
  // holds no snapshot: one that never began, or one recorded already (the session unpins it next).
  void record(Exchange& x, std::string_view clientIp, int status);

 private:
  void keepTrace(const Exchange& x, std::string_view clientIp, const observe::RequestRecord& r, int64_t minute);

  const ProxySettings& settings_;
  observe::ReactorMetrics& metrics_;
};

}  // namespace sluice::proxy
