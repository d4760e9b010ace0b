#include "plugins/file_log/plugin.h"

#include "plugins/config_values.h"
#include "plugins/logging/log_plugin.h"

#include <Poco/Logger.h>

#include <cstdio>

namespace sluice::plugins {
namespace {

// Appends batches of lines to a file, keeping it open unless asked to reopen it every time.
class FileWriter {
 public:
  FileWriter(std::string path, bool reopen) : path_(std::move(path)), reopen_(reopen) {}
  ~FileWriter() {
    if (file_) std::fclose(file_);
  }
  void write(std::vector<std::string>& lines) {
    if (reopen_ && file_) {
      std::fclose(file_);
      file_ = nullptr;
    }
    if (!file_) file_ = std::fopen(path_.c_str(), "a");
    if (!file_) {
      Poco::Logger::get("sluice.plugins").error("file-log: cannot open %s", path_);
      return;
    }
    for (const auto& line : lines) {
      std::fwrite(line.data(), 1, line.size(), file_);
      std::fputc('\n', file_);
    }
    std::fflush(file_);
  }

 private:
  std::string path_;
  bool reopen_;
  std::FILE* file_ = nullptr;
};


}  // namespace

PluginCreateResult createFileLog(const nlohmann::json& config, BuildContext& context) {
  const std::string path = config.at("path").get<std::string>();
  const bool reopen = config.at("reopen").get<bool>();
  if (config.contains("custom_fields_by_lua") && config["custom_fields_by_lua"].is_object() && !config["custom_fields_by_lua"].empty())
    Poco::Logger::get("sluice.plugins").warning("file-log (%s): custom_fields_by_lua is ignored (no Lua here)", context.pluginId());
  // One writer thread per file and mode, kept across snapshots.
  auto sink = context.node().get<LogSink>("file-log:" + std::string(reopen ? "reopen:" : "") + path, [&] {
    auto writer = std::make_shared<FileWriter>(path, reopen);
    return std::make_shared<LogSink>([writer](std::vector<std::string>& lines) { writer->write(lines); }, 10000, 256, 100);
  });
  return PluginConstSharedPtr(std::make_shared<LogPlugin>(std::move(sink)));
}

}  // namespace sluice::plugins
