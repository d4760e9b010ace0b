#include "plugins/syslog/plugin.h"

#include "plugins/logging/log_plugin.h"
#include "plugins/logging/severity.h"

#include <Poco/Logger.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace sluice::plugins {
namespace {

// Facility codes (RFC 5424 6.2.1) by the schema's names.
int facilityCode(const std::string& name) {
  static const std::pair<const char*, int> kCodes[] = {
      {"kern", 0},    {"user", 1},    {"mail", 2},    {"daemon", 3},  {"auth", 4},    {"syslog", 5},  {"lpr", 6},
      {"news", 7},    {"uucp", 8},    {"cron", 9},    {"authpriv", 10}, {"ftp", 11},  {"local0", 16}, {"local1", 17},
      {"local2", 18}, {"local3", 19}, {"local4", 20}, {"local5", 21}, {"local6", 22}, {"local7", 23}};
  for (const auto& [n, code] : kCodes)
    if (name == n) return code;
  return 1;
}

// The system logger's datagram socket, connected again after a failure (syslogd restarted).
class SyslogSender {
 public:
  SyslogSender(const nlohmann::json&, std::string socketPath) : path_(std::move(socketPath)) {}
  ~SyslogSender() {
    if (fd_ >= 0) ::close(fd_);
  }
  SyslogSender(const SyslogSender&) = delete;
  SyslogSender& operator=(const SyslogSender&) = delete;

  // Each line comes as "<PRI>json"; the time and tag go in here, off the reactors (local time
  // takes the C library's time-zone lock).
  void send(std::vector<std::string>& lines) {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(stamp, sizeof stamp, "%b %e %H:%M:%S kong: ", &local);  // as the C library's syslog()
    for (std::string& line : lines) {
      const size_t json = line.find('>') + 1;
      line.insert(json, stamp);
    }
    for (const std::string& line : lines)
      if (!sendOne(line) && !sendOne(line))
        Poco::Logger::get("sluice.plugins").error("syslog: could not log to %s: %s", path_, std::string(std::strerror(errno)));
  }

 private:
  bool sendOne(const std::string& line) {
    if (fd_ < 0 && !connectSocket()) return false;
    if (::send(fd_, line.data(), line.size(), MSG_NOSIGNAL) >= 0) return true;
    ::close(fd_);
    fd_ = -1;
    return false;
  }
  bool connectSocket() {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path_.size() >= sizeof address.sun_path) return false;
    std::memcpy(address.sun_path, path_.c_str(), path_.size() + 1);
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd_ >= 0 && ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) return true;
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    return false;
  }

  std::string path_;
  int fd_ = -1;
};

}  // namespace

PluginCreateResult createSyslog(const nlohmann::json& config, BuildContext& context) {
  const SeverityChoice severity = SeverityChoice::from(config);
  const int facility = facilityCode(config.value("facility", nlohmann::json()).is_string() ? config["facility"].get<std::string>() : "user");
  auto frame = [severity, facility](const RequestContext& ctx, std::string& line) {
    const int level = severity.forStatus(ctx.status);
    if (level < 0) return false;
    line.insert(0, "<" + std::to_string(facility * 8 + level) + ">");  // (the sender adds the time)
    return true;
  };
  return shippingLogPlugin<SyslogSender>("syslog", config, context, std::move(frame), context.node().settings().syslogSocket);
}

}  // namespace sluice::plugins
