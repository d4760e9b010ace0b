#include "admin/request_body.h"

#include "core/url_encoding.h"
#include "http/http_types.h"
#include "http/query_string.h"

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <sstream>

namespace sluice::admin {
namespace {


// Places `value` at a form key path: "config.minute", "paths[]", "paths[2]", "headers.x-a".
void place(json& root, const std::string& key, const std::string& value) {
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
        at = at > 0 ? at - 1 : 0;  // Kong's form arrays are 1-based
        while (node->size() <= at) node->push_back(nullptr);
        node = &(*node)[at];
      }
      i = close + 1;
      if (i < key.size() && key[i] == '.') ++i;
      if (i >= key.size()) {
        *node = value;
        return;
      }
    } else {
      name.push_back(c);
      ++i;
    }
  }
  if (name.empty()) {
    *node = value;
    return;
  }
  if (!node->is_object()) *node = json::object();
  json& slot = (*node)[name];
  if (slot.is_null()) slot = value;
  else if (slot.is_array()) slot.push_back(value);
  else slot = json::array({slot, value});  // repeated key: an array
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
    size_t start = 0;
    while (start <= request.body.size()) {
      size_t amp = request.body.find('&', start);
      if (amp == std::string::npos) amp = request.body.size();
      const std::string pair = request.body.substr(start, amp - start);
      if (!pair.empty()) {
        const auto eq = pair.find('=');
        const std::string key = core::percentDecode(pair.substr(0, eq), true);
        if (static_cast<size_t>(std::count_if(key.begin(), key.end(), [](char c) { return c == '.' || c == '['; })) >
            kMaxNesting)
          return core::Error::badRequest("form field '" + key.substr(0, 64) + "...' is nested too deeply");
        const std::string value = eq == std::string::npos ? "" : core::percentDecode(pair.substr(eq + 1), true);
        place(parsed.value, key, value);
      }
      start = amp + 1;
    }
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
        if (static_cast<size_t>(std::count_if(name.begin(), name.end(), [](char c) { return c == '.' || c == '['; })) > kMaxNesting)
          return core::Error::badRequest("form field '" + name.substr(0, 64) + "...' is nested too deeply");
        if (!name.empty()) place(parsed.value, name, value);
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
