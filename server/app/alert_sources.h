#pragma once
// What the alert engine reads on this node, as it reads it: the stored rules and names, the
// targets' health and the certificates of the current snapshot, and the webhooks it sends.
#include "alerts/alert_engine.h"
#include "alerts/webhook_delivery.h"
#include "snapshot/snapshot_publisher.h"
#include "store/store.h"

namespace sluice::app {

alerts::AlertEngine::Sources alertSources(store::Store& store, snapshot::SnapshotPublisher& publisher,
                                          alerts::WebhookDelivery& webhooks);

}  // namespace sluice::app
