#pragma once
// The core entities, each declared once in model/entities/<name>.cpp. The entities a plugin keeps
// (credentials) are declared in its folder and added to the registry (model/registry.h).
#include "schema/entity_schema.h"

namespace sluice::model {

const schema::EntitySchema& services();
const schema::EntitySchema& routes();
const schema::EntitySchema& consumers();
const schema::EntitySchema& plugins();
const schema::EntitySchema& upstreams();
const schema::EntitySchema& targets();
const schema::EntitySchema& certificates();
const schema::EntitySchema& snis();
const schema::EntitySchema& caCertificates();
const schema::EntitySchema& sluiceAlertRules();  // Sluice's own

}  // namespace sluice::model
