#include "observe/access_log.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <ctime>

namespace sluice::observe {
namespace {

// "[10/Oct/2026:13:55:36 +0000]", formatted once a second per thread.
std::string_view localTime() {
  thread_local time_t cachedSecond = 0;
  thread_local char text[40] = {};
  thread_local size_t length = 0;
  const time_t now = std::time(nullptr);
  if (now != cachedSecond) {
    cachedSecond = now;
    std::tm utc{};
    gmtime_r(&now, &utc);
    length = std::strftime(text, sizeof text, "[%d/%b/%Y:%H:%M:%S +0000]", &utc);
  }
  return {text, length};
}

void appendNumber(std::string& out, uint64_t n) {
  char digits[24];
  const auto r = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, r.ptr);
}

// Combined-format fields are quoted: quotes and control bytes in them are escaped as nginx does.
void appendQuoted(std::string& out, std::string_view v) {
  out.push_back('"');
  if (v.empty()) out.push_back('-');
  for (const unsigned char c : v) {
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f) {
      static const char* kHex = "0123456789ABCDEF";
      out.append({'\\', 'x', kHex[c >> 4], kHex[c & 15]});
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
}

}  // namespace

AccessLog::AccessLog(std::string target, Format format, size_t queueLines)
    : file_(std::make_shared<LogFile>(std::move(target))),
      format_(format),
      sink_([file = file_](std::vector<std::string>& lines) { file->write(lines); }, queueLines, 512, 100) {}

void AccessLog::write(const AccessEntry& e) {
  std::string line;
  if (format_ == Format::Combined) {
    line.reserve(160 + e.target.size() + e.userAgent.size() + e.referer.size());
    line.append(e.clientIp).append(" - - ").append(localTime()).append(" \"");
    line.append(e.method).push_back(' ');
    line.append(e.target).append(" ").append(e.protocol).append("\" ");
    appendNumber(line, static_cast<uint64_t>(e.status));
    line.push_back(' ');
    appendNumber(line, e.bytesOut);
    line.push_back(' ');
    appendQuoted(line, e.referer);
    line.push_back(' ');
    appendQuoted(line, e.userAgent);
  } else {
    nlohmann::json j{{"time", std::time(nullptr)},
                     {"client_ip", e.clientIp},
                     {"method", e.method},
                     {"uri", e.target},
                     {"status", e.status},
                     {"bytes_in", e.bytesIn},
                     {"bytes_out", e.bytesOut},
                     {"latency_ms", static_cast<double>(e.totalUs) / 1000.0},
                     {"upstream_ms", e.upstreamUs < 0 ? nlohmann::json(nullptr) : nlohmann::json(static_cast<double>(e.upstreamUs) / 1000.0)},
                     {"route", e.route},
                     {"service", e.service},
                     {"request_id", e.requestId},
                     {"user_agent", e.userAgent},
                     {"referer", e.referer}};
    line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  sink_.push(std::move(line));
}

}  // namespace sluice::observe
