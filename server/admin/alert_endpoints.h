#pragma once
// The node's alerts (server/alerts; rules are the sluice_alert_rules entity):
//   GET /sluice/alerts   {"active": [{"rule": {"id", "name"}, "kind", "subject", "since", "value",
//                        "threshold", "message"}], "events": [{"id", "rule", "kind", "subject",
//                        "state": "firing"|"resolved", "at", "value", "threshold", "message"}],
//                        "last_event", "node_id"}; ?since=<event id> for the events after it,
//                        ?size= (100, at most 1000)
#include "admin/admin_types.h"
#include "alerts/alert_engine.h"

#include <memory>

namespace sluice::admin {

class AlertEndpoints {
 public:
  AlertEndpoints(std::shared_ptr<alerts::AlertEngine> engine, std::string nodeId)
      : engine_(std::move(engine)), nodeId_(std::move(nodeId)) {}
  std::optional<AdminResponse> handle(const AdminRequest& request);

 private:
  std::shared_ptr<alerts::AlertEngine> engine_;
  std::string nodeId_;
};

}  // namespace sluice::admin
