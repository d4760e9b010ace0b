#pragma once
// What the manager's dashboard and troubleshooting views read:
//   GET /sluice/live             a frame a second as Server-Sent Events (`id:` is the frame's seq)
//   GET /sluice/live?since=SEQ   the frames after SEQ that are still kept (the last 15 minutes), as
//                                {"frames": [...], "last": SEQ} — the polling form
//   GET /sluice/metrics/routes   every route's figures: since start and over the last minute
// Frames and figures come from the metrics aggregator (server/observe).
#include "admin/admin_types.h"
#include "observe/live_frames.h"
#include "observe/node_metrics.h"

#include <atomic>
#include <memory>

namespace sluice::admin {

class LiveEndpoints {
 public:
  LiveEndpoints(std::shared_ptr<observe::LiveFrames> frames, std::shared_ptr<const observe::NodeMetrics> metrics,
                int maxStreams)
      : frames_(std::move(frames)), metrics_(std::move(metrics)), maxStreams_(maxStreams) {}

  std::optional<AdminResponse> handle(const AdminRequest& request);

 private:
  AdminResponse stream();

  std::shared_ptr<observe::LiveFrames> frames_;
  std::shared_ptr<const observe::NodeMetrics> metrics_;
  const int maxStreams_;  // each open stream holds an Admin API thread
  std::shared_ptr<std::atomic<int>> streams_ = std::make_shared<std::atomic<int>>(0);
};

}  // namespace sluice::admin
