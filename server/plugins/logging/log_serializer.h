#pragma once
// Kong's basic log serializer: the JSON object file-log and http-log write for each request
// (request, response, route, service, consumer, latencies, client_ip, started_at, upstream_uri).
// The request part is captured in the access phase and the response headers in header_filter,
// while their bytes still exist; the log phase completes the object.
#include "plugins/request_context.h"

#include <string>

namespace sluice::plugins {

void captureRequestForLog(RequestContext& ctx);
void captureResponseForLog(RequestContext& ctx);
std::string serializeLog(const RequestContext& ctx);

}  // namespace sluice::plugins
