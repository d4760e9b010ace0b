#pragma once
// Field shapes shared by request-transformer and response-transformer: lists of names and lists
// of "name:value" pairs, grouped in remove / rename / replace / add / append records.
#include "http/http_types.h"
#include "plugins/body_edits.h"
#include "plugins/request_context.h"
#include "schema/field.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice::plugins {

schema::Field nameList(std::string field);        // ["x-a", "x-b"]
schema::Field colonPairList(std::string field);   // ["x-a:1", "x-b:two"] (value may be empty after the colon)
// "name:value" split at the first colon.
std::pair<std::string, std::string> splitColonPair(std::string_view pair);
// config[group][field] as name/value pairs.
std::vector<std::pair<std::string, std::string>> colonPairs(const nlohmann::json& config, const char* group, const char* field);
// The body edits of config.<group>.<field> for each group that has the field (json_types included).
BodyEdits bodyEdits(const nlohmann::json& config, const char* field);

// The header edits of both transformers (config.<group>.headers), applied in Kong's order: remove,
// rename, replace (only a header that is there), add (only one that is not), append. `Headers`
// is the plugin's view of the request or response headers after the edits so far:
//   bool current(name, std::string_view& value); void remove(name); void set(name, value);
//   void append(name, value);
// A message's headers as the next hop will see them after the edits so far (the request's as the
// upstream will, the response's as the client will): set edits first, then removals, then the
// head as it came (null: none).
template <class Head>
struct EditedHeaders {
  HeaderEdits& edits;
  NameList& removed;
  const Head* head;

  bool current(std::string_view name, std::string_view& value) const {
    if (const HeaderEdit* e = edits.find(name)) {
      value = e->value;
      return true;
    }
    for (const auto& r : removed)
      if (http::equalsIgnoreCase(r, name)) return false;
    if (!head) return false;
    for (const auto& h : head->headers)
      if (http::equalsIgnoreCase(h.name, name)) {
        value = h.value;
        return true;
      }
    return false;
  }
  void remove(std::string_view name) {
    edits.erase(name);
    removed.add(name);
  }
  void set(std::string_view name, std::string_view value) {
    edits.erase(name);
    edits.add(name, value);
  }
  void append(std::string_view name, std::string_view value) { edits.add(name, value, true); }
};

inline EditedHeaders<http::RequestHead> requestHeaders(RequestContext& ctx) { return {ctx.setHeaders, ctx.removeHeaders, ctx.request}; }
inline EditedHeaders<http::ResponseHead> responseHeaders(RequestContext& ctx) {
  return {ctx.responseHeaders, ctx.removeResponseHeaders, ctx.response};
}

struct HeaderTransform {
  std::vector<std::string> remove;
  std::vector<std::pair<std::string, std::string>> rename, replace, add, append;

  static HeaderTransform fromConfig(const nlohmann::json& config);
  bool empty() const { return remove.empty() && rename.empty() && replace.empty() && add.empty() && append.empty(); }

  template <class Headers>
  void apply(Headers& headers) const {
    for (const auto& name : remove) headers.remove(name);
    std::string_view value;
    for (const auto& [from, to] : rename) {
      if (!headers.current(from, value)) continue;
      const std::string kept(value);
      headers.remove(from);
      headers.set(to, kept);
    }
    for (const auto& [name, v] : replace)
      if (headers.current(name, value)) headers.set(name, v);
    for (const auto& [name, v] : add)
      if (!headers.current(name, value)) headers.set(name, v);
    for (const auto& [name, v] : append) headers.append(name, v);
  }
};

}  // namespace sluice::plugins
