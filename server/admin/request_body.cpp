#include "admin/request_body.h"

#include "core/url_encoding.h"
#include "core/utf8.h"
#include "http/http_types.h"
#include "http/query_string.h"

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <sstream>

namespace sluice::admin {
namespace {

// A form's "paths[N]" fills the positions before N with nulls: N is bounded so that one short key
// cannot make the gateway allocate millions of them.
constexpr size_t kMaxFormPosition = 1000;

// Places `value` at a form key path: "config.minute", "paths[]", "paths[2]", "headers.x-a".
// False when a position is past kMaxFormPosition.
bool place(json& root, const std::string& key, const std::string& value) {
  json* node = &root;
  std::string name;
  size_t i = 0;
  const auto descend = [&](const std::string& part) {
    if (!node->is_object()) *node = json::object();
    node = &(*node)[part];
  };
  while (i < key.size()) {
    const char c = key[i];
    if (c == '.') {
      descend(name);
      name.clear();
      ++i;
    } else if (c == '[') {
      const auto close = key.find(']', i);
      if (close == std::string::npos) {
        name += key.substr(i);
        break;
      }
      const std::string index = key.substr(i + 1, close - i - 1);
      descend(name);
      name.clear();
      if (!node->is_array()) *node = json::array();
      if (index.empty()) {
        node->push_back(nullptr);
        node = &node->back();
      } else {
        size_t at = 0;
        try {
          at = std::stoul(index);
        } catch (const std::exception&) {
        }
        if (at > kMaxFormPosition) return false;
        at = at > 0 ? at - 1 : 0;  // Kong's form arrays are 1-based
        while (node->size() <= at) node->push_back(nullptr);
        node = &(*node)[at];
      }
      i = close + 1;
      if (i < key.size() && key[i] == '.') ++i;
      if (i >= key.size()) {
        *node = value;
        return true;
      }
    } else {
      name.push_back(c);
      ++i;
    }
  }
  if (name.empty()) {
    *node = value;
    return true;
  }
  if (!node->is_object()) *node = json::object();
  json& slot = (*node)[name];
  if (slot.is_null()) slot = value;
  else if (slot.is_array()) slot.push_back(value);
  else slot = json::array({slot, value});  // repeated key: an array
  return true;
}

// One form field (urlencoded or multipart) into the body; an error names what was wrong with it.
std::optional<core::Error> addFormField(json& body, const std::string& key, const std::string& value) {
  if (key.empty()) return std::nullopt;  // "=x": nothing to name
  const std::string shown = key.substr(0, 64);
  if (!core::isUtf8(key) || !core::isUtf8(value))
    return core::Error::badRequest("form field '" + (core::isUtf8(shown) ? shown : "?") + "' is not valid UTF-8");
  if (static_cast<size_t>(std::count_if(key.begin(), key.end(), [](char c) { return c == '.' || c == '['; })) > kMaxNesting)
    return core::Error::badRequest("form field '" + shown + "...' is nested too deeply");
  if (!place(body, key, value))
    return core::Error::badRequest("form field '" + shown + "': positions go up to " + std::to_string(kMaxFormPosition));
  return std::nullopt;
}

}  // namespace

size_t nestingDepth(std::string_view text) {
  size_t depth = 0, deepest = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

core::Result<ParsedBody> parseBody(const AdminRequest& request) {
  ParsedBody parsed;
  std::string type = http::toLower(request.contentType.substr(0, request.contentType.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  const bool blank = request.body.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) return parsed;
  if (type.empty() || type == "application/json" || (type.size() > 5 && type.substr(type.size() - 5) == "+json")) {
    if (nestingDepth(request.body) > kMaxNesting)
      return core::Error::badRequest("Cannot parse JSON body: nested deeper than " + std::to_string(kMaxNesting) + " levels");
    parsed.value = json::parse(request.body, nullptr, false);
    if (parsed.value.is_discarded()) return core::Error::badRequest("Cannot parse JSON body");
    if (!parsed.value.is_object()) return core::Error::badRequest("Cannot parse JSON body");
    return parsed;
  }
  if (type == "application/x-www-form-urlencoded") {
    parsed.fromForm = true;
    std::optional<core::Error> error;
    http::forEachQueryPair(request.body, [&](std::string_view name, std::string_view value) {
      if (!error) error = addFormField(parsed.value, core::percentDecode(name, true), core::percentDecode(value, true));
    });
    if (error) return std::move(*error);
    return parsed;
  }
  if (type == "multipart/form-data") {  // curl -F: each part a form field (a file's content included)
    parsed.fromForm = true;
    std::string boundary;
    Poco::Net::NameValueCollection params;
    std::string ignored;
    Poco::Net::MessageHeader::splitParameters(request.contentType, ignored, params);
    boundary = params.get("boundary", "");
    if (boundary.empty()) return core::Error::badRequest("multipart/form-data without a boundary");
    try {
      std::istringstream in(request.body);
      Poco::Net::MultipartReader reader(in, boundary);
      while (reader.hasNextPart()) {
        Poco::Net::MessageHeader header;
        reader.nextPart(header);
        std::string disposition;
        Poco::Net::NameValueCollection dispositionParams;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, dispositionParams);
        const std::string name = dispositionParams.get("name", "");
        std::string value((std::istreambuf_iterator<char>(reader.stream())), std::istreambuf_iterator<char>());
        if (auto error = addFormField(parsed.value, name, value)) return std::move(*error);
      }
    } catch (const Poco::Exception& e) {
      return core::Error::badRequest("Cannot parse multipart body: " + e.displayText());
    }
    return parsed;
  }
  return core::Error{core::ErrorCode::UnsupportedMediaType,
                     "Unsupported Content-Type '" + type +
                         "': send application/json, application/x-www-form-urlencoded or multipart/form-data",
                     nullptr};
}

}  // namespace sluice::admin
