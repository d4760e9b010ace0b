#pragma once
// What the manager's dashboard and troubleshooting views read:
//   GET /sluice/live             a frame a second as Server-Sent Events (`id:` is the frame's seq)
//   GET /sluice/live?since=SEQ   the frames after SEQ that are still kept (the last 15 minutes), as
//                                {"frames": [...], "last": SEQ} — the polling form
//   GET /sluice/metrics/routes   every route's figures: since start and over the last minute
//   GET /sluice/metrics/services    every service's figures (its routes' added up)
//   GET /sluice/metrics/targets     every upstream target's figures (connect, time to first byte)
//   GET /sluice/metrics/consumers   every consumer's figures (observability_consumers = on)
//   GET /sluice/traces           slow and asked-for request timelines, newest first; filters:
//                                route (id or name), service (id or name), min_ms, status (503 or
//                                5xx), size (at most 1000, default 100)
// Frames, figures and traces come from the metrics aggregator (server/observe).
#include "admin/admin_types.h"
#include "observe/live_frames.h"
#include "observe/node_metrics.h"
#include "observe/trace_store.h"

#include <atomic>
#include <memory>

namespace sluice::admin {

class ObserveEndpoints {
 public:
  ObserveEndpoints(std::shared_ptr<observe::LiveFrames> frames, std::shared_ptr<const observe::NodeMetrics> metrics,
                   std::shared_ptr<const observe::TraceStore> traces, int maxStreams)
      : frames_(std::move(frames)), metrics_(std::move(metrics)), traces_(std::move(traces)), maxStreams_(maxStreams) {}

  std::optional<AdminResponse> handle(const AdminRequest& request);

 private:
  AdminResponse stream();
  AdminResponse traces(const AdminRequest& request);

  std::shared_ptr<observe::LiveFrames> frames_;
  std::shared_ptr<const observe::NodeMetrics> metrics_;
  std::shared_ptr<const observe::TraceStore> traces_;
  const int maxStreams_;  // each open stream holds an Admin API thread
  std::shared_ptr<std::atomic<int>> streams_ = std::make_shared<std::atomic<int>>(0);
};

}  // namespace sluice::admin
