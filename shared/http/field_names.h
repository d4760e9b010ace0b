#pragma once
// The header names the gateway acts on, told apart with one length switch and at most two
// comparisons: parsers and head writers classify each field once instead of comparing it with
// every name they look for.
#include "http/http_types.h"

#include <cstdint>

namespace sluice::http {

enum class FieldName : uint8_t {
  Other,
  Host,
  ContentLength,
  TransferEncoding,
  Connection,
  KeepAlive,
  ProxyConnection,
  Te,
  Upgrade,
  Expect,
  XForwardedFor,
  XForwardedProto,
  XForwardedHost,
  XForwardedPort,
  XForwardedPath,
  XForwardedPrefix,
  XRealIp,
  XSluiceRequestId,
};

inline FieldName fieldName(std::string_view n) {
  const auto is = [n](std::string_view lower) { return equalsIgnoreCase(n, lower); };
  switch (n.size()) {
    case 2: return is("te") ? FieldName::Te : FieldName::Other;
    case 4: return is("host") ? FieldName::Host : FieldName::Other;
    case 6: return is("expect") ? FieldName::Expect : FieldName::Other;
    case 7: return is("upgrade") ? FieldName::Upgrade : FieldName::Other;
    case 9: return is("x-real-ip") ? FieldName::XRealIp : FieldName::Other;
    case 10:
      if (asciiLower(n[0]) == 'c') return is("connection") ? FieldName::Connection : FieldName::Other;
      return is("keep-alive") ? FieldName::KeepAlive : FieldName::Other;
    case 14: return is("content-length") ? FieldName::ContentLength : FieldName::Other;
    case 15: return is("x-forwarded-for") ? FieldName::XForwardedFor : FieldName::Other;
    case 16:
      switch (asciiLower(n[15])) {
        case 'n': return is("proxy-connection") ? FieldName::ProxyConnection : FieldName::Other;
        case 't': return is("x-forwarded-host") ? FieldName::XForwardedHost
                         : is("x-forwarded-port") ? FieldName::XForwardedPort : FieldName::Other;
        case 'h': return is("x-forwarded-path") ? FieldName::XForwardedPath : FieldName::Other;
        default: return FieldName::Other;
      }
    case 17:
      if (asciiLower(n[0]) == 't') return is("transfer-encoding") ? FieldName::TransferEncoding : FieldName::Other;
      return is("x-forwarded-proto") ? FieldName::XForwardedProto : FieldName::Other;
    case 18: return is("x-forwarded-prefix") ? FieldName::XForwardedPrefix : FieldName::Other;
    case 19: return is("x-sluice-request-id") ? FieldName::XSluiceRequestId : FieldName::Other;
    default: return FieldName::Other;
  }
}

// Hop-by-hop headers (RFC 9110 7.6.1) that a proxy never forwards.
inline bool isHopByHop(FieldName f) {
  return f == FieldName::Connection || f == FieldName::KeepAlive || f == FieldName::ProxyConnection || f == FieldName::Te ||
         f == FieldName::TransferEncoding || f == FieldName::Upgrade;
}

// X-Forwarded-*, X-Real-IP and X-Sluice-Request-Id: the client's are replaced by the gateway's.
inline bool isForwardingHeader(FieldName f) { return f >= FieldName::XForwardedFor; }

}  // namespace sluice::http
