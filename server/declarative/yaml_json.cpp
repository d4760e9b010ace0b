#include "declarative/yaml_json.h"

#include "core/utf8.h"

#include <yaml-cpp/yaml.h>

#include <string_view>

namespace sluice::declarative {
namespace {

using nlohmann::json;

// The YAML core schema's numbers, scanned by hand: std::regex recurses once per character, and a
// scalar of a few hundred kilobytes would exhaust the stack.
size_t skipDigits(std::string_view s, size_t i) {
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i;
}

size_t skipSign(std::string_view s, size_t i) { return i < s.size() && (s[i] == '-' || s[i] == '+') ? i + 1 : i; }

bool isInteger(std::string_view s) {
  const size_t start = skipSign(s, 0), end = skipDigits(s, start);
  return end > start && end == s.size();
}

// [-+]? (digits? "." digits | digits "."? digits?) ([eE] [-+]? digits)?
bool isFloat(std::string_view s) {
  size_t i = skipSign(s, 0);
  const size_t integerEnd = skipDigits(s, i);
  bool anyDigit = integerEnd > i;
  i = integerEnd;
  if (i < s.size() && s[i] == '.') {
    const size_t fractionEnd = skipDigits(s, i + 1);
    anyDigit = anyDigit || fractionEnd > i + 1;
    i = fractionEnd;
  }
  if (!anyDigit) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    const size_t exponent = skipSign(s, i + 1), exponentEnd = skipDigits(s, exponent);
    if (exponentEnd == exponent) return false;
    i = exponentEnd;
  }
  return i == s.size();
}

// JSON (and so every entity) is UTF-8; YAML would hand over any bytes.
const std::string& utf8Text(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (!core::isUtf8(text)) throw YAML::ParserException(node.Mark(), "invalid UTF-8 in a scalar");
  return text;
}

json scalar(const YAML::Node& node) {
  const std::string& text = utf8Text(node);
  if (node.Tag() == "!") return text;  // quoted
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
  try {
    if (isInteger(text)) return std::stoll(text);
    if (isFloat(text)) return std::stod(text);
  } catch (const std::exception&) {
  }
  return text;
}

json convert(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return nullptr;
    case YAML::NodeType::Scalar: return scalar(node);
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : node) out.push_back(convert(item));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& kv : node) {
        const auto key = kv.first.as<std::string>();
        if (!core::isUtf8(key)) throw YAML::ParserException(kv.first.Mark(), "invalid UTF-8 in a key");
        out[key] = convert(kv.second);
      }
      return out;
    }
  }
  return nullptr;
}

// True when a YAML reader would not read `s` back as this same plain string.
bool needsQuotes(const std::string& s) {
  if (s.empty()) return true;
  try {
    const YAML::Node n = YAML::Load(s);
    if (!n.IsScalar()) return true;
    const json reread = scalar(n);
    return !reread.is_string() || reread.get<std::string>() != s;
  } catch (const YAML::Exception&) {
    return true;
  }
}

void emit(YAML::Emitter& out, const json& value) {
  if (value.is_object()) {
    out << YAML::BeginMap;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out << YAML::Key << it.key() << YAML::Value;
      emit(out, *it);
    }
    out << YAML::EndMap;
  } else if (value.is_array()) {
    out << YAML::BeginSeq;
    for (const auto& item : value) emit(out, item);
    out << YAML::EndSeq;
  } else if (value.is_string()) {
    const std::string s = value.get<std::string>();
    if (s.find('\n') != std::string::npos) out << YAML::Literal << s;
    else if (needsQuotes(s)) out << YAML::DoubleQuoted << s;
    else out << s;
  } else if (value.is_null()) {
    out << YAML::Null;
  } else if (value.is_boolean()) {
    out << value.get<bool>();
  } else if (value.is_number_integer()) {
    out << value.get<int64_t>();
  } else {
    out << value.dump();
  }
}

}  // namespace

core::Result<nlohmann::json> parseYaml(const std::string& text) {
  try {
    return convert(YAML::Load(text));
  } catch (const YAML::Exception& e) {
    return core::Error{core::ErrorCode::DeclarativeConfig, std::string("failed parsing declarative configuration: ") + e.what(),
                       nullptr};
  }
}

std::string toYaml(const nlohmann::json& value) {
  YAML::Emitter out;
  emit(out, value);
  return std::string(out.c_str()) + "\n";
}

}  // namespace sluice::declarative
