#pragma once
// Reading and editing request and response bodies for plugins, as Kong's transformers do: top-level
// fields of a JSON object or of a form (application/x-www-form-urlencoded). Other bodies are left
// as they are.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice::plugins {

enum class BodyType { Json, Form, Other };

// From a Content-Type value: application/json (and any +json type) or a urlencoded form.
BodyType bodyTypeOf(std::string_view contentType);

struct BodyEdits {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  std::vector<std::string> remove;
  Pairs rename, replace, add, append;
  // response-transformer's json_types: the JSON type of the i-th replace/add/append value
  // ("string", "number", "boolean"); missing entries are strings.
  std::vector<std::string> replaceTypes, addTypes, appendTypes;
  bool empty() const { return remove.empty() && rename.empty() && replace.empty() && add.empty() && append.empty(); }
};

// Applies the edits in Kong's order (remove, rename, replace, add, append; an empty body counts as
// an empty object, but only add and append apply to it). False, with `body` untouched, when the
// body is not a JSON object or nothing changed.
bool editJsonBody(const BodyEdits& edits, std::string& body);
bool editFormBody(const BodyEdits& edits, std::string& body);

// A top-level field that holds a string (key-auth's key_in_body). Returns how many values the
// field has (a JSON array or a repeated form field counts each), 0 when absent or not text.
int findBodyField(std::string_view body, BodyType type, std::string_view name, std::string& value);
// Drops a top-level field; false when the body is not of `type` or has no such field.
bool removeBodyField(std::string& body, BodyType type, std::string_view name);

}  // namespace sluice::plugins
