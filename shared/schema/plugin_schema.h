#pragma once
// The declaration of a plugin's configuration (Kong's plugin schema.lua): the `config` record, the
// scopes it may not be applied at, and checks across config fields. Plugin schemas live beside their
// plugin under server/plugins/; the GUI reads them from `GET /schemas/plugins/{name}`.
#include "schema/entity_schema.h"

namespace sluice::schema {

// The `protocols` field a plugin declares (Kong's typedefs): protocols_http (the default), protocols
// (any protocol), or none (the plugins entity's own field applies and /schemas shows none).
enum class PluginProtocols { Http, Any, Undeclared };

struct PluginSchema {
  std::string name;  // Kong id: "key-auth"
  std::string version = "0.1.0";
  int priority = 0;
  std::vector<Field> config;
  std::vector<EntityCheck> configChecks;
  std::vector<Shorthand> configShorthands;  // Kong's shorthand_fields of the config record
  bool noConsumer = false;
  bool noRoute = false;
  bool noService = false;
  PluginProtocols protocols = PluginProtocols::Http;
};

// The protocols a plugin may be configured for.
const std::vector<std::string>& allowedProtocols(const PluginSchema& plugin);

}  // namespace sluice::schema
