#pragma once
// Turns an Admin API request body into a JSON object: application/json as is, and
// application/x-www-form-urlencoded with Kong's conventions (a.b=1 for records, a[]=x or repeated
// keys for arrays, a[1]=x for positions, a.k=v for maps), string values typed later by the schema.
#include "admin/admin_types.h"
#include "core/result.h"

namespace sluice::admin {

struct ParsedBody {
  json value = json::object();
  bool fromForm = false;  // values are strings to coerce by the schema
};

core::Result<ParsedBody> parseBody(const AdminRequest& request);
// Deepest [ / { nesting outside strings: parsers recurse per level, so deep bodies are refused
// before parsing (kMaxNesting).
size_t nestingDepth(std::string_view text);
constexpr size_t kMaxNesting = 64;

}  // namespace sluice::admin
