#pragma once
// sluice.conf: kong.conf-style `key = value` lines. Every key has one declaration (name, default,
// description) in config.cpp; a value comes from, in rising precedence, that default, the file,
// the environment (SLUICE_<KEY>) and command-line flags. Unknown keys are errors.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string_view>
#include <string>
#include <vector>

namespace sluice::app {

struct ConfigKey {
  std::string name;
  std::string defaultValue;
  std::string description;
  bool secret = false;
};

const std::vector<ConfigKey>& configKeys();

class Config {
 public:
  // `file` may be empty (no file); `overrides` are flag values by key.
  static core::Result<Config> load(const std::string& file, const std::map<std::string, std::string>& overrides);
  // The same from the text of a file; `source` names it in errors.
  static core::Result<Config> parse(std::string_view text, const std::string& source,
                                    const std::map<std::string, std::string>& overrides);

  const std::string& get(const std::string& key) const;
  core::Result<int64_t> integer(const std::string& key) const;
  core::Result<bool> boolean(const std::string& key) const;
  // "500ms", "10s", "5m", "1h"; a bare number is seconds.
  core::Result<int64_t> milliseconds(const std::string& key) const;
  // "512", "8k", "10m", "1g".
  core::Result<int64_t> bytes(const std::string& key) const;
  std::vector<std::string> list(const std::string& key) const;  // comma-separated, trimmed

  // Every key with its value, secrets redacted (GET / "configuration").
  nlohmann::json toJson() const;
  std::string sourceFile() const { return file_; }

 private:
  std::map<std::string, std::string> values_;
  std::string file_;
};

// Shared unit parsers (also for values that are not config keys).
core::Result<int64_t> parseMilliseconds(const std::string& text);
core::Result<int64_t> parseBytes(const std::string& text);

}  // namespace sluice::app
