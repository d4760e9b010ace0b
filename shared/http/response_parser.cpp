#include "http/response_parser.h"

#include "http/field_scanner.h"

namespace sluice::http {

ParseResult ResponseParser::parse(std::string_view data, ResponseHead& out, bool requestWasHead) {
  const size_t end = findHeadEnd(data, scanned_);
  if (end == std::string_view::npos) {
    scanned_ = data.size();
    return data.size() > maxHeadBytes_ ? ParseResult::Error : ParseResult::NeedMore;
  }
  if (end > maxHeadBytes_) return ParseResult::Error;
  out.headers.clear();
  out.headBytes = end;
  out.contentLength = 0;
  out.connection = {};
  std::string_view rest = data.substr(0, end);
  const auto nextLine = [&](std::string_view& line) {
    const auto lf = rest.find('\n');
    line = rest.substr(0, lf);
    rest.remove_prefix(lf == std::string_view::npos ? rest.size() : lf + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line.find('\r') == std::string_view::npos;
  };
  std::string_view line;
  if (!nextLine(line) || line.size() < 12 || line.substr(0, 5) != "HTTP/" || line[6] != '.' || line[8] != ' ')
    return ParseResult::Error;
  if (line.substr(0, 8) == "HTTP/1.1") out.versionMinor = 1;
  else if (line.substr(0, 8) == "HTTP/1.0") out.versionMinor = 0;
  else return ParseResult::Error;
  int status = 0;
  for (size_t i = 9; i < 12; ++i) {
    if (line[i] < '0' || line[i] > '9') return ParseResult::Error;
    status = status * 10 + (line[i] - '0');
  }
  if (status < 100 || (line.size() > 12 && line[12] != ' ')) return ParseResult::Error;
  out.status = status;
  out.reason = line.size() > 13 ? line.substr(13) : std::string_view();
  int lengths = 0, codings = 0;
  std::string_view te;
  const auto onField = [&](FieldName known, const Header& field) {
    switch (known) {
      case FieldName::ContentLength: {
        uint64_t n = 0;
        if (!parseContentLength(field.value, n) || (lengths > 0 && n != out.contentLength)) return false;
        out.contentLength = n;
        ++lengths;
        break;
      }
      case FieldName::TransferEncoding:
        ++codings;
        te = field.value;
        break;
      case FieldName::Connection: out.connection = field.value; break;
      default: break;
    }
    return true;
  };
  if (scanFields(rest, out.headers, maxHeaders_, onField) != FieldsResult::Done) return ParseResult::Error;
  out.keepAlive = out.versionMinor == 1 ? !hasToken(out.connection, "close") : hasToken(out.connection, "keep-alive");
  if (requestWasHead || (status >= 100 && status < 200) || status == 204 || status == 304) {
    out.framing = BodyFraming::None;
  } else if (codings > 0) {
    if (codings > 1 || !equalsIgnoreCase(te, "chunked") || lengths > 0) return ParseResult::Error;
    out.framing = BodyFraming::Chunked;
  } else if (lengths > 0) {
    out.framing = out.contentLength > 0 ? BodyFraming::ContentLength : BodyFraming::None;
  } else {
    out.framing = BodyFraming::UntilClose;
    out.keepAlive = false;
  }
  return ParseResult::Done;
}

}  // namespace sluice::http
