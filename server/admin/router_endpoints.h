#pragma once
// The live router, asked about a request without sending it:
//   POST /sluice/router/explain   {"method", "scheme", "host", "path", "headers", "sni"} or
//                                 {"url": "https://host/path", ...}; "nearest" (5) bounds the lists
// answers the route the proxy would pick on this node's current configuration, what the proxy
// would do with it, the routes that also match but come later in Kong's order (and why they come
// later), and the nearest routes that do not match with the rules each fails.
#include "admin/admin_types.h"
#include "snapshot/snapshot_publisher.h"

namespace sluice::admin {

class RouterEndpoints {
 public:
  explicit RouterEndpoints(snapshot::SnapshotPublisher& publisher) : publisher_(publisher) {}

  std::optional<AdminResponse> handle(const AdminRequest& request);

 private:
  AdminResponse explain(const AdminRequest& request);

  snapshot::SnapshotPublisher& publisher_;
};

}  // namespace sluice::admin
