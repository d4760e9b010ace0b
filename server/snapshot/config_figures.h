#pragma once
// What the metrics page and the live frames show of the configuration in service: its size, how
// long it took to compile, and every target's health.
#include "observe/metrics_page.h"
#include "snapshot/snapshot_publisher.h"

#include <optional>

namespace sluice::snapshot {

// nullopt before the first snapshot is published.
std::optional<observe::ConfigFigures> configFigures(const SnapshotPublisher& publisher);

}  // namespace sluice::snapshot
