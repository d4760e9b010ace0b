#pragma once
// The declaration of a plugin's configuration (Kong's plugin schema.lua): the `config` record, the
// scopes it may not be applied at, and checks across config fields. Plugin schemas live beside their
// plugin under server/plugins/; the GUI reads them from `GET /schemas/plugins/{name}`.
#include "schema/entity_schema.h"

namespace sluice::schema {

struct PluginSchema {
  std::string name;  // Kong id: "key-auth"
  std::string version = "0.1.0";
  int priority = 0;
  std::vector<Field> config;
  std::vector<EntityCheck> configChecks;
  bool noConsumer = false;
  bool noRoute = false;
  bool noService = false;
  std::vector<std::string> protocols;  // allowed protocols; empty: the plugins entity's default set
};

}  // namespace sluice::schema
