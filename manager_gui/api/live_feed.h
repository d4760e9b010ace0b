#pragma once
// The gateway's live frames (GET /sluice/live?since=SEQ, one frame a second), polled every second
// and handed out in order, once each. The first poll brings back what the gateway still holds (up
// to 15 minutes), so charts open full; a gateway that restarts starts its numbering again, which
// the feed notices.
#include "admin_client/transport.h"

#include <QObject>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace sluice::manager {

class LiveFeed : public QObject {
  Q_OBJECT

 public:
  explicit LiveFeed(QObject* parent = nullptr);
  void start(admin_client::Transport* transport, int pollMs = 1000);
  void stop();
  qint64 lastSeq() const { return last_; }

 signals:
  void frameArrived(const nlohmann::json& frame);
  void failed(const QString& message);

 private:
  void poll();

  admin_client::Transport* transport_ = nullptr;
  QTimer timer_;
  qint64 last_ = 0;
  bool inFlight_ = false;
  quint64 generation_ = 0;
};

}  // namespace sluice::manager
