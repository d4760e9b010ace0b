#include "proxy/health_checker.h"

#include "snapshot/target_health.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Exception.h>

#include <algorithm>

namespace sluice::proxy {
namespace {

constexpr auto kTick = std::chrono::milliseconds(100);

}  // namespace

void HealthChecker::start() {
  thread_.start(kTick, [this] { probeDueTargets(); });
}

void HealthChecker::stop() { thread_.stop(); }

void HealthChecker::probeDueTargets() {
  const auto snap = publisher_.current();
  const auto now = std::chrono::steady_clock::now();
  for (const auto& up : snap->upstreams) {
    if (!up.health.activeEnabled()) continue;
    for (const auto& t : up.targets) {
      if (!t.health || t.addresses.empty()) continue;
      const uint32_t interval = t.health->healthy() ? up.health.healthyIntervalMs : up.health.unhealthyIntervalMs;
      if (interval == 0) continue;
      auto& due = due_[snapshot::HealthSource::key(up.id, t.target)];
      if (now < due) continue;
      probe(up, t);
      due = std::chrono::steady_clock::now() + std::chrono::milliseconds(interval);
    }
  }
}

void HealthChecker::probe(const snapshot::UpstreamRuntime& up, const snapshot::TargetRuntime& t) {
  const auto& c = up.health;
  const auto& addr = t.addresses.front();
  const Poco::Timespan timeout(static_cast<long>(c.timeoutMs / 1000), static_cast<long>(c.timeoutMs % 1000) * 1000);
  const std::string ip = addr.text.substr(0, addr.text.rfind(':'));
  snapshot::Outcome outcome = snapshot::Outcome::Success;
  int status = 0;
  try {
    Poco::Net::SocketAddress address(ip.front() == '[' ? ip.substr(1, ip.size() - 2) : ip, t.port);
    if (c.type == "tcp") {
      Poco::Net::StreamSocket socket;
      socket.connect(address, timeout);
    } else {
      Poco::Net::HTTPClientSession session(address);
      session.setTimeout(timeout);
      Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, c.httpPath, Poco::Net::HTTPMessage::HTTP_1_1);
      request.setHost(t.host, t.port);
      request.set("User-Agent", "sluice-healthcheck");
      session.sendRequest(request);
      Poco::Net::HTTPResponse response;
      session.receiveResponse(response).ignore(1 << 20);
      status = response.getStatus();
      const auto listed = [&](const std::vector<int>& codes) { return std::find(codes.begin(), codes.end(), status) != codes.end(); };
      if (listed(c.activeUnhealthyStatuses)) outcome = snapshot::Outcome::HttpFailure;
      else if (!listed(c.activeHealthyStatuses)) return;  // neither list: no verdict
    }
  } catch (const Poco::TimeoutException&) {
    outcome = snapshot::Outcome::Timeout;
  } catch (const Poco::Exception&) {
    outcome = snapshot::Outcome::TcpFailure;
  } catch (const std::exception&) {
    outcome = snapshot::Outcome::TcpFailure;
  }
  const uint32_t threshold = outcome == snapshot::Outcome::HttpFailure  ? c.activeHttpFailures
                             : outcome == snapshot::Outcome::TcpFailure ? c.activeTcpFailures
                             : outcome == snapshot::Outcome::Timeout    ? c.activeTimeouts
                                                                        : 0;
  t.health->record(outcome, c.activeSuccesses, threshold, {"active", status});
}

}  // namespace sluice::proxy
