#pragma once
// What travels from a control plane to its data planes, and how a data plane applies it. A whole
// configuration on connect ("reconfigure": every entity by kind, parents first), then each change
// as the control plane's mirror saw it ("changes": entities written, or removed with what their
// removal cascaded to, in order). Both carry the configuration hash after them: a data plane whose
// own hash differs after applying asks for the whole configuration again ("resync").
#include "snapshot/entity_mirror.h"
#include "store/store.h"

#include <optional>

namespace sluice::cluster {

using schema::json;

// {"services": [...], "routes": [...], ...}: every mirrored kind, parents first.
json configOf(const snapshot::EntityMirror& mirror);
std::string reconfigureMessage(const snapshot::EntityMirror& mirror, uint64_t version);
std::string changesMessage(const snapshot::EntityMirror& mirror, const snapshot::EntityMirror::Changes& changes, uint64_t version);

// A data plane's copy of what it was sent (`replica`, whose hash is the one it reports) and its
// store (what it serves from), both replaced / brought up to date. On failure the store holds
// what it held before (a whole configuration) or part of the changes (the caller resyncs).
core::Status applyConfiguration(store::Store& store, snapshot::EntityMirror& replica, const json& config);
core::Status applyChanges(store::Store& store, snapshot::EntityMirror& replica, const json& changes);

// Kong's rule: the same major version, and a data plane's minor version not above its control
// plane's (patch releases speak the same protocol). The refusal's text, or nothing.
std::optional<std::string> versionRefusal(const std::string& controlPlane, const std::string& dataPlane);

}  // namespace sluice::cluster
