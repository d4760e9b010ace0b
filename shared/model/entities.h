#pragma once
// Every entity Sluice stores, each declared once in model/entities/<name>.cpp.
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
const schema::EntitySchema& keyauthCredentials();
const schema::EntitySchema& basicauthCredentials();
const schema::EntitySchema& jwtSecrets();
const schema::EntitySchema& acls();

}  // namespace sluice::model
