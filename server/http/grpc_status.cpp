#include "http/grpc_status.h"

namespace sluice::http {

int grpcStatusForHttp(int status) {
  switch (status) {
    case 200: return 0;
    case 400: return 3;
    case 401: return 16;
    case 403: return 7;
    case 404: return 5;
    case 409: return 6;
    case 429: return 8;
    case 499: return 1;
    case 500: return 13;
    case 501: return 12;
    case 503: return 14;
    case 504: return 4;
    default:
      if (status >= 500 && status <= 599) return 13;
      if (status >= 400 && status <= 499) return 3;
      if (status >= 200 && status <= 299) return 0;
      return 2;
  }
}

std::string_view grpcStatusMessage(int code) {
  static constexpr std::string_view kMessages[] = {
      "OK",         "Canceled",   "Unknown",        "InvalidArgument", "DeadlineExceeded", "NotFound",
      "AlreadyExists", "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange",
      "Unimplemented", "Internal", "Unavailable",  "DataLoss",        "Unauthenticated"};
  return code >= 0 && code <= 16 ? kMessages[code] : std::string_view("Unknown");
}

uint64_t grpcTimeoutMicros(std::string_view value) {
  if (value.size() < 2 || value.size() > 9) return 0;
  uint64_t n = 0;
  for (const char c : value.substr(0, value.size() - 1)) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  switch (value.back()) {
    case 'H': return n * 3600 * 1000000;
    case 'M': return n * 60 * 1000000;
    case 'S': return n * 1000000;
    case 'm': return n * 1000;
    case 'u': return n;
    case 'n': return n / 1000 + (n % 1000 != 0);  // (at least a microsecond)
    default: return 0;
  }
}

}  // namespace sluice::http
