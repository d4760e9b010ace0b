#pragma once
// An Admin API failure as a client shows it: the status, Kong's message and its per-field
// messages flattened to dotted paths ("config.minute", "paths.1") so that a form can put each one
// next to its field.
#include "admin_client/transport.h"

#include <map>
#include <string>

namespace sluice::admin_client {

struct ApiError {
  int status = 0;
  std::string message;
  std::map<std::string, std::string> fields;  // dotted path -> message
  std::string summary() const;                // one line for a status bar
};

// From a failed response (a network error, or a Kong-shaped JSON body, or anything else).
ApiError errorFrom(const Response& response);

}  // namespace sluice::admin_client
