#pragma once
// The configuration's change history and rollback (store/change_log.h):
//   GET  /sluice/changes                 newest first; size (100, at most 1000), offset (from the
//                                        previous page), entity, entity_id, since and until (Unix
//                                        seconds), version
//   GET  /sluice/changes/{id}            one change with the entity before and after
//   POST /sluice/changes/{id}/revert     undoes it where its entities are still as it left them
//                                        (409 naming the later change otherwise)
//   POST /sluice/config/restore?version=N  the whole configuration as it was at version N, in one
//                                        transaction
// Revert and restore take dry_run=true (query or body) to answer what they would change without
// changing it, and are themselves recorded as a new version.
#include "admin/admin_types.h"
#include "store/store.h"

#include <functional>

namespace sluice::admin {

class ChangeEndpoints {
 public:
  explicit ChangeEndpoints(store::Store& store) : store_(store) {}

  std::optional<AdminResponse> handle(const AdminRequest& request);
  // DB-less nodes and data planes: the history can be read, not replayed.
  void setReadOnly(std::string why) { readOnly_ = std::move(why); }

 private:
  AdminResponse list(const AdminRequest& request);
  AdminResponse one(const std::string& id);
  AdminResponse revert(const AdminRequest& request, const std::string& id);
  AdminResponse restore(const AdminRequest& request);
  // dry_run read, refused on a read-only node, run with the origin's source set.
  AdminResponse replay(const AdminRequest& request, const char* source, json head,
                       const std::function<core::Result<store::Store::Replay>(bool apply)>& run);
  static AdminResponse replayed(const store::Store::Replay& replay, bool applied, json head);

  store::Store& store_;
  std::string readOnly_;
};

}  // namespace sluice::admin
