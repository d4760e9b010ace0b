#pragma once
// gRPC's view of the gateway's own answers, as Kong 2.8 gives it (kong/pdk/response.lua): a
// request in HTTP/2 with a content-type of application/grpc that the gateway answers itself (no
// route, a plugin refusing, the upstream down) gets its HTTP status with grpc-status and
// grpc-message headers and an empty body, since a gRPC client reads no JSON.
#include <cstdint>
#include <string_view>

namespace sluice::http {

// content-type application/grpc (+proto, ...).
inline bool isGrpcContentType(std::string_view contentType) { return contentType.substr(0, 16) == "application/grpc"; }
// Kong's HTTP_TO_GRPC_STATUS, with its fallbacks by class (5xx: INTERNAL, 4xx: INVALID_ARGUMENT,
// 2xx: OK, else UNKNOWN).
int grpcStatusForHttp(int status);
// Kong's GRPC_MESSAGES: "OK", "Canceled", ... "Unauthenticated".
std::string_view grpcStatusMessage(int code);
// A grpc-timeout header ("1*8DIGIT unit", unit one of H M S m u n) in microseconds; 0 when absent
// or malformed (a call without a deadline).
uint64_t grpcTimeoutMicros(std::string_view value);

}  // namespace sluice::http
