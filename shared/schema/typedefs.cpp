#include "schema/typedefs.h"

#include "core/uuid.h"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>

namespace sluice::schema::typedefs {
namespace {

std::optional<std::string> none() { return std::nullopt; }

bool allOf(const std::string& s, bool (*pred)(unsigned char)) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return pred(static_cast<unsigned char>(c)); });
}

bool nameChar(unsigned char c) { return std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~'; }

// Splits "host:port" where port is digits; returns false if a port part is malformed.
bool splitPort(const std::string& text, std::string& host, std::optional<std::string>& port) {
  if (!text.empty() && text.front() == '[') {  // [v6]:port
    const auto close = text.find(']');
    if (close == std::string::npos) return false;
    host = text.substr(1, close - 1);
    if (close + 1 == text.size()) return true;
    if (text[close + 1] != ':') return false;
    port = text.substr(close + 2);
    return true;
  }
  const auto colon = text.find(':');
  if (colon == std::string::npos || text.find(':', colon + 1) != std::string::npos) {
    host = text;  // no port, or a bare IPv6 address
    return true;
  }
  host = text.substr(0, colon);
  port = text.substr(colon + 1);
  return true;
}

bool validPort(const std::string& text) {
  if (text.empty() || text.size() > 5 || !allOf(text, [](unsigned char c) { return std::isdigit(c) != 0; }))
    return false;
  return std::stoi(text) <= 65535;
}

bool readPem(const std::string& pem, bool key) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (!bio) return false;
  bool ok = false;
  if (key) {
    EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    ok = pkey != nullptr;
    EVP_PKEY_free(pkey);
  } else {
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    ok = cert != nullptr;
    X509_free(cert);
  }
  BIO_free(bio);
  return ok;
}

}  // namespace

bool isIpv4(const std::string& text) {
  in_addr addr{};
  return inet_pton(AF_INET, text.c_str(), &addr) == 1;
}

bool isIpv6(const std::string& text) {
  in6_addr addr{};
  return inet_pton(AF_INET6, text.c_str(), &addr) == 1;
}

bool isHostname(const std::string& text) {
  if (text.empty() || text.size() > 253) return false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t dot = text.find('.', start);
    if (dot == std::string::npos) dot = text.size();
    const std::string label = text.substr(start, dot - start);
    if (label.empty()) return dot == text.size() && start == text.size() && start > 0;  // trailing dot
    if (label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (!allOf(label, [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; })) return false;
    start = dot + 1;
  }
  return true;
}

Field uuid(std::string fieldName) {
  Field f = stringField(std::move(fieldName));
  f.uuid = true;
  return f.withCheck([](const json& v) -> std::optional<std::string> {
    if (!core::isUuid(v.get<std::string>())) return "expected a valid UUID";
    return none();
  });
}

Field id() {
  Field f = uuid("id").withDescription("The unique identifier (a UUID).");
  f.autoValue = AutoValue::Uuid;
  return f;
}

Field createdAt() {
  Field f = integerField("created_at").withDescription("Unix time (seconds) when the entity was created.");
  f.timestamp = true;
  f.autoValue = AutoValue::Timestamp;
  return f;
}

Field updatedAt() {
  Field f = integerField("updated_at").withDescription("Unix time (seconds) of the last change.");
  f.timestamp = true;
  f.autoValue = AutoValue::Timestamp;
  return f;
}

Field createdAtMillis() {
  Field f = numberField("created_at").withDescription("Unix time (seconds, with milliseconds) of creation.");
  f.timestamp = true;
  f.autoValue = AutoValue::TimestampMillis;
  return f;
}

Field tags() {
  Field tag = stringField("tag").asRequired().withLenMin(1).withCheck([](const json& v) -> std::optional<std::string> {
    const auto s = v.get<std::string>();
    for (unsigned char c : s)
      if (c < 0x20 || c == 0x7f || c == ',' || c == '/')
        return "invalid tag '" + s + "': expected printable characters with a ',' or a '/'";
    return none();
  });
  return setField("tags", tag).withDescription("Tags to group and filter entities by.");
}

Field name(std::string fieldName) {
  return stringField(std::move(fieldName))
      .withLenMin(1)
      .asUnique()
      .withCheck([](const json& v) -> std::optional<std::string> {
        const auto s = v.get<std::string>();
        if (!allOf(s, nameChar))
          return "invalid value '" + s +
                 "': the only accepted ascii characters are alphanumerics or ., -, _, and ~";
        return none();
      });
}

Field host(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    const auto s = v.get<std::string>();
    std::string h;
    std::optional<std::string> p;
    if (!splitPort(s, h, p)) return "invalid value: " + s;
    if (p) return "must not have a port";
    if (!isIpv4(h) && !isIpv6(h) && !isHostname(h)) return "invalid value: " + s;
    return none();
  });
}

Field wildcardHost(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    const auto s = v.get<std::string>();
    std::string h;
    std::optional<std::string> p;
    if (!splitPort(s, h, p) || (p && !validPort(*p))) return "invalid port number";
    const auto stars = std::count(h.begin(), h.end(), '*');
    if (stars > 1) return "only one wildcard must be specified";
    if (stars == 1) {
      if (h.rfind("*.", 0) != 0 && (h.size() < 2 || h.substr(h.size() - 2) != ".*"))
        return "wildcard must be leftmost or rightmost character";
      std::string rest = h.rfind("*.", 0) == 0 ? h.substr(2) : h.substr(0, h.size() - 2);
      if (!isHostname(rest)) return "invalid value: " + s;
      return none();
    }
    if (!isIpv4(h) && !isIpv6(h) && !isHostname(h)) return "invalid value: " + s;
    return none();
  });
}

Field port(std::string fieldName) {
  return integerField(std::move(fieldName)).withBetween(0, 65535);
}

Field luaCode(std::string fieldName) {
  return mapField(std::move(fieldName), stringField("name"), stringField("code"))
      .withDescription("Kong's Lua field expressions: accepted and ignored (Sluice runs no Lua).");
}

Field anonymousConsumer() {
  return stringField("anonymous").withDescription("The consumer (id or username) to use when authentication fails.");
}

Field path(std::string fieldName) {
  return stringField(std::move(fieldName))
      .withCheck([](const json& v) -> std::optional<std::string> {
        const auto s = v.get<std::string>();
        if (s.empty() || s.front() != '/') return "should start with: /";
        for (unsigned char c : s)
          if (!(std::isalnum(c) || std::string_view("._~/%-!$&'()*+,;=:@").find(c) != std::string_view::npos))
            return "invalid path: '" + s + "' (characters outside of the reserved list of RFC 3986 found)";
        if (s.find("//") != std::string::npos) return "must not have empty segments";
        return none();
      })
      .withDescription("The path used in requests to the upstream server.");
}

Field routerPath(std::string fieldName) {
  Field f = stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    const auto s = v.get<std::string>();
    if (s.rfind("~/", 0) == 0) return none();
    if (s.empty() || s.front() != '/') return "should start with: / (fixed path) or ~/ (regex path)";
    return none();
  });
  f.regexPattern = true;
  return f;
}

const std::vector<json>& serviceProtocols() {
  static const std::vector<json> kProtocols{"grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"};
  return kProtocols;
}

Field protocol(std::string fieldName) {
  return stringField(std::move(fieldName)).withOneOf(serviceProtocols());
}

Field timeout(std::string fieldName) {
  return integerField(std::move(fieldName)).withBetween(1, 2147483646);
}

Field httpMethod(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    const auto s = v.get<std::string>();
    if (s.empty() || !allOf(s, [](unsigned char c) { return std::isupper(c) != 0; }))
      return "invalid value: " + s;
    return none();
  });
}

Field headerName(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    const auto s = v.get<std::string>();
    const auto token = [](unsigned char c) {
      return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    };
    if (s.empty() || !std::all_of(s.begin(), s.end(), [&](char c) { return token(static_cast<unsigned char>(c)); }))
      return "bad header name '" + s + "', allowed characters are A-Z, a-z, 0-9, '_', and '-'";
    return none();
  });
}

Field ip(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    const auto s = v.get<std::string>();
    if (!isIpv4(s) && !isIpv6(s)) return "invalid ip address: " + s;
    return none();
  });
}

Field cidr(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    const auto s = v.get<std::string>();
    const auto slash = s.find('/');
    const std::string addr = s.substr(0, slash);
    const bool v4 = isIpv4(addr), v6 = isIpv6(addr);
    if (!v4 && !v6) return "invalid cidr range: " + s;
    if (slash != std::string::npos) {
      const std::string bits = s.substr(slash + 1);
      if (bits.empty() || bits.size() > 3 || !allOf(bits, [](unsigned char c) { return std::isdigit(c) != 0; }) ||
          std::stoi(bits) > (v4 ? 32 : 128))
        return "invalid cidr range: " + s;
    }
    return none();
  });
}

Field url(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    const std::string s = v.get<std::string>();
    if (s.rfind("http://", 0) != 0 && s.rfind("https://", 0) != 0) return "missing host in url";
    return std::nullopt;
  });
}

Field autoString(std::string fieldName) {
  Field f = stringField(std::move(fieldName)).withLenMin(1);
  f.autoValue = AutoValue::RandomKey;
  return f;
}

Field certificatePem(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    if (!readPem(v.get<std::string>(), false)) return "invalid certificate: x509.new: error:0909006C:PEM routines";
    return none();
  });
}

Field keyPem(std::string fieldName) {
  return stringField(std::move(fieldName)).withCheck([](const json& v) -> std::optional<std::string> {
    if (!readPem(v.get<std::string>(), true)) return "invalid key: pkey.new: error:0909006C:PEM routines";
    return none();
  });
}

Field httpStatus(std::string fieldName) {
  return integerField(std::move(fieldName)).withBetween(100, 999);
}

EntityCheck atLeastOneOf(std::vector<std::string> fieldNames) {
  EntityCheck check;
  check.name = "at_least_one_of";
  check.args = fieldNames;
  check.fieldNames = fieldNames;
  check.run = [fieldNames](const json& entity) -> std::optional<json> {
    for (const auto& n : fieldNames) {
      auto it = entity.find(n);
      if (it != entity.end() && !it->is_null() && !(it->is_array() && it->empty()) &&
          !(it->is_object() && it->empty()))
        return std::nullopt;
    }
    std::string list;
    for (size_t i = 0; i < fieldNames.size(); ++i) list += (i ? ", '" : "'") + fieldNames[i] + "'";
    return json::array({"at least one of these fields must be non-empty: " + list});
  };
  return check;
}

namespace {

// Kong's validate_field for a conditional's match: an error message, or empty when the value matches.
std::string mismatch(const json& match, const json& value) {
  if (match.value("required", false) && value.is_null()) return "required field missing";
  if (value.is_null()) return {};
  if (const auto eq = match.find("eq"); eq != match.end() && value != *eq)
    return "value must be " + (eq->is_string() ? eq->get<std::string>() : eq->dump());
  if (const auto oneOf = match.find("one_of"); oneOf != match.end()) {
    std::string list;
    for (const auto& v : *oneOf) {
      if (v == value) return {};
      list += (list.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
    }
    return "expected one of: " + list;
  }
  return {};
}

}  // namespace

EntityCheck conditional(std::string ifField, json ifMatch, std::string thenField, json thenMatch, std::string thenError) {
  EntityCheck check;
  check.name = "conditional";
  check.args = {{"if_field", ifField}, {"if_match", ifMatch}, {"then_field", thenField}, {"then_match", thenMatch}};
  if (!thenError.empty()) check.args["then_err"] = thenError;
  check.fieldNames = {ifField, thenField};
  check.run = [=](const json& entity) -> std::optional<json> {
    const auto ifValue = entity.find(ifField);
    if (ifValue == entity.end() || ifValue->is_null() || !mismatch(ifMatch, *ifValue).empty()) return std::nullopt;
    const auto thenValue = entity.find(thenField);
    const std::string error = mismatch(thenMatch, thenValue == entity.end() ? json() : *thenValue);
    if (error.empty()) return std::nullopt;
    return json{{thenField, error},
                {"@entity", {thenError.empty() ? "failed conditional validation given value of field '" + ifField + "'" : thenError}}};
  };
  return check;
}

EntityCheck mutuallyRequired(std::vector<std::string> fieldNames) {
  EntityCheck check;
  check.name = "mutually_required";
  check.args = fieldNames;
  check.fieldNames = fieldNames;
  check.run = [fieldNames](const json& entity) -> std::optional<json> {
    size_t set = 0;
    for (const auto& n : fieldNames)
      if (entity.contains(n) && !entity[n].is_null()) ++set;
    if (set == 0 || set == fieldNames.size()) return std::nullopt;
    std::string list;
    for (size_t i = 0; i < fieldNames.size(); ++i) list += (i ? ", '" : "'") + fieldNames[i] + "'";
    return json::array({"all or none of these fields must be set: " + list});
  };
  return check;
}

Shorthand legacyName(std::string oldName, const Field& field) {
  Shorthand sh;
  sh.field = field.named(std::move(oldName));
  sh.expand = [target = field.name](const json& value, json& record) -> std::optional<std::string> {
    record[target] = value;
    return std::nullopt;
  };
  return sh;
}

}  // namespace sluice::schema::typedefs
