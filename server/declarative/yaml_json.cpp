#include "declarative/yaml_json.h"

#include <yaml-cpp/yaml.h>

#include <regex>

namespace sluice::declarative {
namespace {

using nlohmann::json;

json scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;  // quoted
  static const std::regex kInt("^[-+]?[0-9]+$"), kFloat("^[-+]?([0-9]*\\.[0-9]+|[0-9]+\\.?[0-9]*)([eE][-+]?[0-9]+)?$");
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
  try {
    if (std::regex_match(text, kInt)) return std::stoll(text);
    if (std::regex_match(text, kFloat)) return std::stod(text);
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
      for (const auto& kv : node) out[kv.first.as<std::string>()] = convert(kv.second);
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
