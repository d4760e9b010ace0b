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

}  // namespace sluice::http
