#include "http/request_parser.h"

#include "http/field_scanner.h"

#include <cstring>

namespace sluice::http {
namespace {

bool validTarget(std::string_view t) {
  for (unsigned char c : t)
    if (c <= 0x20 || c == 0x7f || c == '#') return false;
  return !t.empty();
}

bool isTokenList(std::string_view v) {
  for (unsigned char c : v)
    if (!isTokenChar(c) && c != ',' && c != ' ' && c != '\t') return false;
  return true;
}

// Next line (without its LF and an optional CR before it); false at the end.
bool nextLine(std::string_view& rest, std::string_view& line, bool& bareCr) {
  if (rest.empty()) return false;
  const auto lf = rest.find('\n');
  line = rest.substr(0, lf);
  rest.remove_prefix(lf == std::string_view::npos ? rest.size() : lf + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  bareCr = line.find('\r') != std::string_view::npos;
  return true;
}

}  // namespace

ParseResult RequestParser::parse(std::string_view data, RequestHead& head) {
  // Empty lines before the request line are ignored (RFC 9112 2.2).
  size_t skip = 0;
  while (skip < data.size() && (data[skip] == '\r' || data[skip] == '\n')) ++skip;
  const std::string_view rest = data.substr(skip);
  const size_t end = findHeadEnd(rest, scanned_ > skip ? scanned_ - skip : 0);
  const size_t lineEnd = rest.find('\n');
  if (lineEnd == std::string_view::npos ? rest.size() > limits_.maxRequestLine : lineEnd > limits_.maxRequestLine)
    return fail(414, "URI Too Long");
  if (end == std::string_view::npos) {
    scanned_ = data.size();
    if (rest.size() > limits_.maxRequestLine + limits_.maxHeaderBytes)
      return fail(431, "Request Header Fields Too Large");
    return ParseResult::NeedMore;
  }
  if (end - lineEnd > limits_.maxHeaderBytes) return fail(431, "Request Header Fields Too Large");
  const ParseResult r = parseHead(rest.substr(0, end), head);
  head.headBytes = skip + end;
  return r;
}

ParseResult RequestParser::parseHead(std::string_view text, RequestHead& out) {
  out.headers.clear();
  out.framing = BodyFraming::None;
  out.contentLength = 0;
  out.expectContinue = out.upgrade = false;
  out.host = out.connection = out.query = {};

  std::string_view rest = text, line;
  bool bareCr = false;
  nextLine(rest, line, bareCr);
  if (bareCr) return fail(400, "Bad Request");
  // request-line = method SP request-target SP HTTP-version
  const auto sp1 = line.find(' ');
  const auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp1 == std::string_view::npos || sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
    return fail(400, "Bad Request");
  out.method = line.substr(0, sp1);
  out.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (out.method.empty()) return fail(400, "Bad Request");
  for (unsigned char c : out.method)
    if (!isTokenChar(c)) return fail(400, "Bad Request");
  out.versionMajor = 1;
  if (version == "HTTP/1.1") out.versionMinor = 1;
  else if (version == "HTTP/1.0") out.versionMinor = 0;
  else if (version.size() == 8 && version.substr(0, 5) == "HTTP/" && version[6] == '.') return fail(505, "HTTP Version Not Supported");
  else return fail(400, "Bad Request");
  if (!validTarget(out.target)) return fail(400, "Bad Request");

  // Request target forms (RFC 9112 3.2).
  std::string_view authority;
  std::string_view target = out.target;
  if (target.front() == '/') {
    // origin-form
  } else if (target == "*") {
    if (out.method != "OPTIONS") return fail(400, "Bad Request");
  } else if (target.size() > 7 && (target.substr(0, 7) == "http://" || (target.size() > 8 && target.substr(0, 8) == "https://"))) {
    target.remove_prefix(target.find("://") + 3);
    const auto slash = target.find_first_of("/?");
    authority = target.substr(0, slash);
    target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    if (authority.empty()) return fail(400, "Bad Request");
  } else {
    return fail(400, "Bad Request");  // authority-form (CONNECT) and anything else
  }
  const auto q = target.find('?');
  out.path = target.substr(0, q);
  if (out.path.empty()) out.path = "/";
  if (q != std::string_view::npos) out.query = target.substr(q + 1);

  int hosts = 0, lengths = 0, codings = 0;
  std::string_view te, upgradeValue, expect;
  const auto onField = [&](FieldName known, const Header& field) {
    switch (known) {
      case FieldName::Host:
        ++hosts;
        if (authority.empty()) out.host = field.value;
        break;
      case FieldName::Expect: expect = field.value; break;
      case FieldName::Upgrade: upgradeValue = field.value; break;
      case FieldName::Connection: out.connection = field.value; break;
      case FieldName::ContentLength:
        ++lengths;
        return parseContentLength(field.value, out.contentLength);
      case FieldName::TransferEncoding:
        ++codings;
        te = field.value;
        break;
      default: break;
    }
    return true;
  };
  switch (scanFields(rest, out.headers, limits_.maxHeaders, onField)) {
    case FieldsResult::Done: break;
    case FieldsResult::Bad: return fail(400, "Bad Request");
    case FieldsResult::TooMany: return fail(431, "Request Header Fields Too Large");
  }
  if (!authority.empty()) out.host = authority;
  if (out.versionMinor == 1 ? hosts != 1 : hosts > 1) return fail(400, "Bad Request");
  if (lengths > 1) return fail(400, "Bad Request");
  if (codings > 0) {
    if (out.versionMinor == 0 || lengths > 0 || codings > 1) return fail(400, "Bad Request");
    if (!equalsIgnoreCase(te, "chunked")) return fail(isTokenList(te) ? 501 : 400, isTokenList(te) ? "Not Implemented" : "Bad Request");
    out.framing = BodyFraming::Chunked;
  } else if (lengths == 1 && out.contentLength > 0) {
    out.framing = BodyFraming::ContentLength;
  }
  out.keepAlive = out.versionMinor == 1 ? !hasToken(out.connection, "close") : hasToken(out.connection, "keep-alive");
  if (!expect.empty()) {
    if (!equalsIgnoreCase(expect, "100-continue")) return fail(417, "Expectation Failed");
    out.expectContinue = out.versionMinor == 1;
  }
  // WebSocket-style upgrades only; h2c is never turned into a tunnel.
  out.upgrade = !upgradeValue.empty() && hasToken(out.connection, "upgrade") && !hasToken(upgradeValue, "h2c");
  return ParseResult::Done;
}

}  // namespace sluice::http
