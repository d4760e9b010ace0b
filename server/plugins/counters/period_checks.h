#pragma once
// The check both rate-limiting schemas make of their periods: a longer period may not allow fewer
// than a shorter one. Kong words it "The limit for …" in rate-limiting (an entity check) and
// "the limit for …" in response-ratelimiting (each limit's custom_validator).
#include "schema/entity_schema.h"

namespace sluice::plugins {

schema::EntityCheck periodsInOrder(std::string checkName, schema::json args, bool capitalised);

}  // namespace sluice::plugins
