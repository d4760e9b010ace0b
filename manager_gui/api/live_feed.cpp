#include "api/live_feed.h"

#include "admin_client/api_error.h"

namespace sluice::manager {

LiveFeed::LiveFeed(QObject* parent) : QObject(parent) { connect(&timer_, &QTimer::timeout, this, &LiveFeed::poll); }

void LiveFeed::start(admin_client::Transport* transport, int pollMs) {
  ++generation_;
  transport_ = transport;
  last_ = 0;
  inFlight_ = false;
  timer_.start(pollMs);
  poll();
}

void LiveFeed::stop() {
  ++generation_;
  timer_.stop();
  transport_ = nullptr;
}

void LiveFeed::poll() {
  if (!transport_ || inFlight_) return;
  inFlight_ = true;
  const quint64 generation = generation_;
  transport_->send({"GET", "/sluice/live?since=" + std::to_string(last_), "", "application/json"},
                   [this, generation](const admin_client::Response& r) {
                     if (generation != generation_) return;
                     inFlight_ = false;
                     if (!r.ok()) {
                       emit failed(QString::fromStdString(admin_client::errorFrom(r).summary()));
                       return;
                     }
                     const nlohmann::json page = nlohmann::json::parse(r.body, nullptr, false);
                     if (!page.is_object() || !page.contains("frames")) return;
                     const qint64 newest = page.value("last", qint64{0});
                     if (newest < last_) {  // the gateway restarted: its numbers start again
                       last_ = 0;
                       return;
                     }
                     for (const auto& f : page["frames"]) {
                       const qint64 seq = f.value("seq", qint64{0});
                       if (seq <= last_) continue;
                       last_ = seq;
                       emit frameArrived(f);
                     }
                   });
}

}  // namespace sluice::manager
