#include "plugins/body_edits.h"

#include "core/url_encoding.h"
#include "http/http_types.h"
#include "http/query_string.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace sluice::plugins {
namespace {

using Json = nlohmann::ordered_json;  // keeps the client's field order

bool parseObject(std::string_view text, Json& out) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out = Json::object();
    return true;
  }
  out = Json::parse(text, nullptr, false);
  return out.is_object();
}

Json typed(const std::string& value, const std::vector<std::string>& types, size_t i) {
  const std::string& type = i < types.size() ? types[i] : std::string();
  if (type == "boolean") return http::toLower(value) == "true";
  if (type == "number") {
    char* end = nullptr;
    const double d = std::strtod(value.c_str(), &end);
    if (end && *end == '\0' && !value.empty()) {
      if (d == static_cast<double>(static_cast<int64_t>(d))) return static_cast<int64_t>(d);
      return d;
    }
  }
  return value;
}

// Kong's append_value: a missing field gets the value, a present one becomes (or grows) an array.
void appendTo(Json& field, Json value) {
  if (field.is_null()) field = std::move(value);
  else if (field.is_array()) field.push_back(std::move(value));
  else field = Json::array({field, std::move(value)});
}

struct FormField {
  std::string name;   // decoded
  std::string value;  // encoded, as sent
};

std::vector<FormField> parseForm(std::string_view body) {
  std::vector<FormField> fields;
  http::forEachQueryPair(body, [&](std::string_view n, std::string_view v) {
    fields.push_back({core::percentDecode(n, true), std::string(v)});
  });
  return fields;
}

std::string encodeFormValue(std::string_view v) { return core::percentEncode(v, true); }

std::string formText(const std::vector<FormField>& fields) {
  std::string out;
  for (const auto& f : fields) out.append(out.empty() ? "" : "&").append(encodeFormValue(f.name)).append("=").append(f.value);
  return out;
}

}  // namespace

BodyType bodyTypeOf(std::string_view contentType) {
  const std::string type = http::toLower(contentType.substr(0, contentType.find(';')));
  const std::string_view t = http::trimOws(type);
  if (t == "application/json" || (t.size() > 5 && t.substr(t.size() - 5) == "+json")) return BodyType::Json;
  if (t == "application/x-www-form-urlencoded") return BodyType::Form;
  return BodyType::Other;
}

bool editJsonBody(const BodyEdits& e, std::string& body) {
  Json doc;
  if (!parseObject(body, doc)) return false;
  const bool hadBody = !doc.empty() || body.find_first_not_of(" \t\r\n") != std::string::npos;
  bool changed = false;
  if (hadBody) {
    for (const auto& name : e.remove) changed = doc.erase(name) > 0 || changed;
    for (const auto& [from, to] : e.rename)
      if (doc.contains(from)) {
        Json value = std::move(doc[from]);
        doc.erase(from);
        doc[to] = std::move(value);
        changed = true;
      }
    for (size_t i = 0; i < e.replace.size(); ++i)
      if (doc.contains(e.replace[i].first) && !doc[e.replace[i].first].is_null()) {
        doc[e.replace[i].first] = typed(e.replace[i].second, e.replaceTypes, i);
        changed = true;
      }
  }
  for (size_t i = 0; i < e.add.size(); ++i)
    if (!doc.contains(e.add[i].first) || doc[e.add[i].first].is_null()) {
      doc[e.add[i].first] = typed(e.add[i].second, e.addTypes, i);
      changed = true;
    }
  for (size_t i = 0; i < e.append.size(); ++i) {
    appendTo(doc[e.append[i].first], typed(e.append[i].second, e.appendTypes, i));
    changed = true;
  }
  if (!changed) return false;
  body = doc.dump();
  return true;
}

bool editFormBody(const BodyEdits& e, std::string& body) {
  std::vector<FormField> fields = parseForm(body);
  const bool hadBody = !body.empty();
  bool changed = false;
  const auto has = [&fields](const std::string& name) {
    for (const auto& f : fields)
      if (f.name == name) return true;
    return false;
  };
  if (hadBody) {
    for (const auto& name : e.remove) changed = std::erase_if(fields, [&](const FormField& f) { return f.name == name; }) > 0 || changed;
    for (const auto& [from, to] : e.rename)
      for (auto& f : fields)
        if (f.name == from) {
          f.name = to;
          changed = true;
        }
    for (const auto& [name, value] : e.replace)
      for (auto& f : fields)
        if (f.name == name) {
          f.value = encodeFormValue(value);
          changed = true;
        }
  }
  for (const auto& [name, value] : e.add)
    if (!has(name)) {
      fields.push_back({name, encodeFormValue(value)});
      changed = true;
    }
  for (const auto& [name, value] : e.append) {
    fields.push_back({name, encodeFormValue(value)});
    changed = true;
  }
  if (!changed) return false;
  body = formText(fields);
  return true;
}

int findBodyField(std::string_view body, BodyType type, std::string_view name, std::string& value) {
  if (type == BodyType::Json) {
    Json doc;
    if (!parseObject(body, doc)) return 0;
    const auto it = doc.find(std::string(name));
    if (it == doc.end()) return 0;
    if (it->is_string()) {
      value = it->get<std::string>();
      return 1;
    }
    return it->is_array() ? static_cast<int>(it->size()) : 0;
  }
  if (type == BodyType::Form) {
    int count = 0;
    for (const auto& f : parseForm(body))
      if (f.name == name && count++ == 0) value = core::percentDecode(f.value, true);
    return count;
  }
  return 0;
}

bool removeBodyField(std::string& body, BodyType type, std::string_view name) {
  if (type == BodyType::Json) {
    Json doc;
    if (!parseObject(body, doc) || doc.erase(std::string(name)) == 0) return false;
    body = doc.dump();
    return true;
  }
  if (type == BodyType::Form) {
    std::vector<FormField> fields = parseForm(body);
    if (std::erase_if(fields, [&](const FormField& f) { return f.name == name; }) == 0) return false;
    body = formText(fields);
    return true;
  }
  return false;
}

}  // namespace sluice::plugins
