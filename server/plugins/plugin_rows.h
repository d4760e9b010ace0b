#pragma once
// Rows a plugin writes from the data plane (oauth2's tokens and codes): the node provides a writer
// (under kPluginRowsKey in NodeState) that puts them in the configuration store; plugins call it
// from a background thread of theirs, never from a reactor. Without a writer (no store) the rows
// live in memory only.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sluice::plugins {

inline constexpr const char* kPluginRowsKey = "plugin-rows";

class PluginRowWriter {
 public:
  virtual ~PluginRowWriter() = default;
  // A validated-shape row of a plugin entity ("oauth2_tokens"), inserted as it is.
  virtual core::Status insert(const std::string& entity, const nlohmann::json& row) = 0;
  virtual core::Status remove(const std::string& entity, const std::string& id) = 0;
  // Deletes the rows of an entity with Kong's `ttl` that are past it (`now`: Unix seconds); they are
  // hidden from every read already, this frees their space.
  virtual core::Status removeExpired(const std::string& entity, int64_t now) = 0;
};

}  // namespace sluice::plugins
